/**
 * The proxy's rules as pure functions: which requests go to the exchange, which headers travel each way,
 * what an answer may look like in this origin, and what the page is told when the exchange cannot answer.
 * The Fastify plugin (proxy-plugin.ts) applies them; it is the only place they are applied, for the
 * production server and the dev server alike.
 */
import { envelope as contractEnvelope, EVERSTRIKE_ROUTES } from '../contract/everstrike.mjs';
import { API_PREFIX, type ExchangeTarget } from '../src/config/proxy-contract.ts';

/** Defaults for the proxy's limits; the server's options can lower them (tests do). */
export const PROXY_LIMITS = {
  /** A signed withdrawal body is about 100 bytes; anything over this is refused before it is read. */
  requestBodyBytes: 16 * 1024,
  /** Every Everstrike answer is small JSON; a bigger answer is cut off. */
  upstreamAnswerBytes: 1024 * 1024,
  /** Time the exchange gets to answer in full: longer than the page waits for a withdrawal (20 s). */
  upstreamTimeoutMs: 25_000,
  /** Time a client gets to send its request headers and body. */
  clientTimeoutMs: 10_000,
  /** An idle keep-alive connection is closed after this long (a page that is still open opens another). */
  keepAliveTimeoutMs: 5_000,
  /** Connections open at once; the next one is closed as soon as it is accepted, without an answer. */
  maxConnections: 256,
} as const;

/** Everstrike paths the app uses, by method (the contract's). Anything else is answered by the proxy and never forwarded. */
const FORWARDED: Readonly<Record<string, ReadonlySet<string>>> = {
  POST: new Set(EVERSTRIKE_ROUTES.POST),
  GET: new Set(EVERSTRIKE_ROUTES.GET),
};

/** The forwarded requests in words, for the proxy's 404. */
export const FORWARDED_SUMMARY = Object.entries(FORWARDED)
  .map(([method, paths]) => `${method} ${[...paths].join(', ')}`)
  .join('; ');

/**
 * The Everstrike path to forward an app request to, or undefined when the request is not on the list.
 * `rawUrl` is the request target exactly as received: the match is on its bytes, so "/api/time/../x",
 * "/api//time", "/api/%74ime" and "/api/time/" are all off the list. A query string is never forwarded.
 */
export function forwardedPath(method: string | undefined, rawUrl: string | undefined): string | undefined {
  if (!method || !rawUrl?.startsWith(`${API_PREFIX}/`)) return undefined;
  const pathname = rawUrl.slice(API_PREFIX.length).split('?', 1)[0] ?? '';
  return FORWARDED[method]?.has(pathname) ? pathname : undefined;
}

/** The only request headers the exchange gets from the browser; everything else (cookies, origin, forwarding
 * headers, Expect, Host…) stays here. */
const UPSTREAM_REQUEST_HEADERS = ['accept', 'content-type', 'x-api-key', 'x-signature'] as const;

/** What the exchange sees as the client software. The browser's own user agent is not its business. */
export const UPSTREAM_USER_AGENT = 'everstrike-withdraw-proxy';

type IncomingHeaders = Readonly<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The headers of the request to the exchange, built from an allowlist (never from the client's Host). */
export function upstreamRequestHeaders(client: IncomingHeaders, target: ExchangeTarget, bodyBytes: number | undefined): Record<string, string> {
  const headers: Record<string, string> = { host: new URL(target.url).host, 'user-agent': UPSTREAM_USER_AGENT };
  for (const name of UPSTREAM_REQUEST_HEADERS) {
    const value = single(client[name]);
    if (value !== undefined) headers[name] = value;
  }
  if (bodyBytes === undefined) delete headers['content-type'];
  else headers['content-length'] = String(bodyBytes);
  return headers;
}

/**
 * Headers on every answer under /api and on the target description, whoever wrote it: the body can never
 * run as a page of this origin (sandboxed, nothing allowed), is never sniffed into HTML, and is never cached.
 */
export const API_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; sandbox",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * A Retry-After value as HTTP defines it: a number of seconds (digits only) or an HTTP date in its one
 * current form (IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT", a real date). Anything else is not passed on.
 */
export function isValidRetryAfter(value: string): boolean {
  if (/^\d{1,10}$/.test(value)) return true;
  if (!/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/.test(value)) return false;
  const date = new Date(value);
  // The weekday, the day of the month and the time must all be the ones of a real moment.
  return !Number.isNaN(date.getTime()) && date.toUTCString() === value;
}

/** JSON stays JSON; anything else (an HTML error page, say) becomes inert text the page can still read. */
export function answerContentType(upstream: string | undefined): string {
  const mediaType = upstream?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const json = mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
  return json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
}

/** The headers the page gets with an exchange answer. */
export function answerHeaders(upstream: IncomingHeaders): Record<string, string> {
  const headers: Record<string, string> = { ...API_ANSWER_HEADERS, 'content-type': answerContentType(single(upstream['content-type'])) };
  // Set-Cookie, the proxy's own namespace and every other header stay behind.
  const retryAfter = single(upstream['retry-after'])?.trim();
  if (retryAfter !== undefined && isValidRetryAfter(retryAfter)) headers['retry-after'] = retryAfter;
  return headers;
}

/**
 * Why a request to /api must not be forwarded because another site made the browser send it, or undefined
 * when it is the page's own: the browser says so (`Sec-Fetch-Site: cross-site` or `same-site`, which
 * includes another port on this machine), or it names an `Origin` that is not the request's own (`ownOrigin`:
 * see allowed-hosts.ts; undefined when the Host is not one of the server's names). A request with neither
 * header (curl, an old browser, a same-origin GET) is the page's or the person's own.
 */
export function crossSiteReason(client: IncomingHeaders, ownOrigin: string | undefined): string | undefined {
  const site = single(client['sec-fetch-site'])?.trim().toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return `the browser marked it ${site}`;
  const origin = single(client.origin);
  if (origin !== undefined && origin !== ownOrigin) return 'it came from a page of another origin';
  return undefined;
}

/** How the proxy itself marks answers it wrote (the header is PROXY_FAILURE_HEADER). */
export type ProxyMark = 'not-forwarded' | 'not-delivered' | 'outcome-unknown';

export interface ProxyFailure {
  status: 502 | 504;
  kind: Extract<ProxyMark, 'not-delivered' | 'outcome-unknown'>;
  msg: string;
  /** One line for the server's log. */
  log: string;
}

/** Errors raised before any byte of the request reached the exchange: the request was certainly not delivered. */
const NOT_DELIVERED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * What the page is told when the exchange could not be reached or broke off. Only a failure to connect is
 * "not delivered"; any other cause, and anything after the answer began, counts as "maybe acted on".
 */
export function describeUpstreamFailure(
  error: { code?: string; message: string },
  target: ExchangeTarget,
  what: string,
  { answerStarted = false } = {},
): ProxyFailure {
  const code = error.code ?? error.message;
  if (!answerStarted && error.code && NOT_DELIVERED_CODES.has(error.code)) {
    return {
      status: 502,
      kind: 'not-delivered',
      msg: `The proxy could not reach ${target.label} (${code}). The request was not delivered.`,
      log: `upstream ${what}: not delivered (${code}); answered 502 not-delivered`,
    };
  }
  return {
    status: 504,
    kind: 'outcome-unknown',
    msg: `The connection to ${target.label} broke before it answered in full (${code}).`,
    log: `upstream ${what}: connection broke after the request was sent (${code}); answered 504 outcome-unknown`,
  };
}

/** No full answer within the time the exchange gets. */
export function upstreamTimeoutFailure(target: ExchangeTarget, what: string, timeoutMs: number): ProxyFailure {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return {
    status: 504,
    kind: 'outcome-unknown',
    msg: `${target.label} did not answer within ${seconds} s.`,
    log: `upstream ${what}: no full answer within ${seconds} s; answered 504 outcome-unknown`,
  };
}

/** An answer that is not one the page can use: too big, or a redirect the proxy will not follow. */
export function unusableAnswerFailure(target: ExchangeTarget, what: string, reason: string): ProxyFailure {
  return {
    status: 502,
    kind: 'outcome-unknown',
    msg: `${target.label} sent ${reason}, which the proxy does not pass on.`,
    log: `upstream ${what}: ${reason}; answered 502 outcome-unknown`,
  };
}

/** The exchange's envelope (the contract's), as JSON text, for answers the proxy writes itself. */
export function envelope(code: number, msg: string): string {
  return JSON.stringify(contractEnvelope(code, msg, {}));
}
