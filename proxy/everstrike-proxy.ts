/**
 * The same-origin proxy between the page and the Everstrike API, shared by `vite` (dev) and `vite preview`.
 *
 * The exchange sends no CORS headers, so the page talks only to its own origin under /api, and this proxy
 * forwards an exact allowlist of Everstrike paths to EVERSTRIKE_API_URL. It never sees the secret: the page
 * signs, and only the API key and the signature travel.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin, ProxyOptions } from 'vite';
import { API_PREFIX, PROXY_FAILURE_HEADER, TARGET_INFO_PATH, type ExchangeTarget } from '../src/config/proxy-contract.ts';

export const TESTNET_URL = 'https://api.testnet.everstrike.io';
export const MAINNET_HOST = 'api.everstrike.io';

/** Everstrike paths the app uses, by method. Anything else under /api is answered 404 and never forwarded. */
const FORWARDED: Readonly<Record<string, ReadonlySet<string>>> = {
  POST: new Set(['/auth/withdraw']),
  GET: new Set(['/time', '/ping', '/personal', '/assets', '/withdrawals']),
};

/** Browser headers that would leak this origin's cookies or the page's identity to the exchange. */
const DROPPED_REQUEST_HEADERS = ['cookie', 'origin', 'referer', 'authorization'];

/** Errors raised before any byte of the request reached the exchange: the request was certainly not delivered. */
const NOT_DELIVERED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Reads EVERSTRIKE_API_URL (default: the testnet) and refuses targets that would surprise the person. */
export function resolveEverstrikeTarget(env: Readonly<Record<string, string | undefined>>): ExchangeTarget {
  const raw = env.EVERSTRIKE_API_URL?.trim() || TESTNET_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`EVERSTRIKE_API_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`EVERSTRIKE_API_URL must be an http(s) URL, got ${url.protocol}`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(`EVERSTRIKE_API_URL must be an origin only, like ${TESTNET_URL} (got ${raw})`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol === 'http:' && !loopback) {
    throw new Error(`EVERSTRIKE_API_URL must use https for a non-local exchange: your API key would travel in clear text to ${url.host}`);
  }
  if (url.hostname === MAINNET_HOST && env.EVERSTRIKE_ALLOW_MAINNET !== 'yes') {
    throw new Error(
      `EVERSTRIKE_API_URL points at the Everstrike mainnet, where withdrawals move real funds. ` +
        `Set EVERSTRIKE_ALLOW_MAINNET=yes as well to do that deliberately.`,
    );
  }

  const origin = url.origin;
  if (url.hostname === new URL(TESTNET_URL).hostname) return { url: origin, environment: 'testnet', label: 'Everstrike testnet' };
  if (url.hostname === MAINNET_HOST) return { url: origin, environment: 'mainnet', label: 'Everstrike MAINNET (real funds)' };
  if (loopback) return { url: origin, environment: 'local', label: `Local sandbox exchange (${url.host})` };
  return { url: origin, environment: 'custom', label: `Custom exchange at ${url.host}` };
}

/** True when the proxy forwards this request; `url` is the app-relative URL, with the /api prefix. */
export function isForwarded(method: string | undefined, url: string | undefined): boolean {
  if (!method || !url?.startsWith(`${API_PREFIX}/`)) return false;
  const pathname = url.slice(API_PREFIX.length).split('?', 1)[0] ?? '';
  // Exact matches only: "/time/../auth/x" or "/auth/withdraw/" are not on the list and never go upstream.
  return FORWARDED[method]?.has(pathname) ?? false;
}

export type ProxyFailure = { status: 502 | 504; kind: 'not-delivered' | 'outcome-unknown'; msg: string };

/** What the page is told when the proxy could not get an answer from the exchange. */
export function describeProxyFailure(error: Error & { code?: string }, target: ExchangeTarget): ProxyFailure {
  if (error.code && NOT_DELIVERED_CODES.has(error.code)) {
    return {
      status: 502,
      kind: 'not-delivered',
      msg: `The proxy could not reach ${target.label} (${error.code}). The request was not delivered.`,
    };
  }
  return {
    status: 504,
    kind: 'outcome-unknown',
    msg: `The connection to ${target.label} broke before it answered (${error.code ?? error.message}).`,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function everstrikeProxyOptions(target: ExchangeTarget): Record<string, ProxyOptions> {
  return {
    [`^${API_PREFIX}/`]: {
      target: target.url,
      changeOrigin: true,
      secure: true,
      // A little longer than the page's own timeout, so the page is the one that gives up first.
      proxyTimeout: 30_000,
      rewrite: (path) => path.slice(API_PREFIX.length),
      bypass: (req: IncomingMessage, res: ServerResponse | undefined) => {
        if (isForwarded(req.method, req.url)) return undefined;
        if (res) {
          sendJson(res, 404, { code: 404, msg: `The proxy does not forward ${req.method ?? ''} ${req.url ?? ''}`, result: {} }, {
            [PROXY_FAILURE_HEADER]: 'not-forwarded',
          });
        }
        return false;
      },
      configure: (proxy) => {
        proxy.on('proxyReq', (proxyReq) => {
          for (const name of DROPPED_REQUEST_HEADERS) proxyReq.removeHeader(name);
        });
        proxy.on('proxyRes', (proxyRes) => {
          delete proxyRes.headers['set-cookie'];
        });
        // Registered before Vite's own handler, which then sees the answer already sent.
        proxy.on('error', (error, _req, res) => {
          if (!('writeHead' in res)) return;
          const failure = describeProxyFailure(error, target);
          sendJson(res, failure.status, { code: failure.status, msg: failure.msg, result: {} }, {
            [PROXY_FAILURE_HEADER]: failure.kind,
          });
        });
      },
    },
  };
}

/** Serves the target description to the page, from the dev server and the preview server alike. */
export function everstrikeTargetPlugin(target: ExchangeTarget): Plugin {
  const serveTarget: Connect.NextHandleFunction = (req, res, next) => {
    if (req.method !== 'GET' || req.url !== TARGET_INFO_PATH) return next();
    sendJson(res, 200, target);
  };
  return {
    name: 'everstrike-target',
    configureServer: (server) => {
      server.middlewares.use(serveTarget);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(serveTarget);
    },
  };
}
