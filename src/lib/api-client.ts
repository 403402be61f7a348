/**
 * The one HTTP client of the app. Every call to the exchange goes through `everstrikeRequest`, which adds
 * the same-origin /api prefix, a timeout, envelope parsing and typed errors. It never retries: for a
 * withdrawal, a second attempt could move money twice.
 *
 * One rule for every call: success is HTTP 2xx with envelope `code` 200 (the contract's documented
 * success). A 2xx with any other code is `unexpected-code`; a non-2xx with an envelope is a refusal (`api`).
 */
import type { z } from 'zod/mini';
import { SUCCESS_CODE } from '../../contract/everstrike.mjs';
import { API_PREFIX, PROXY_FAILURE_HEADER, TARGET_INFO_PATH, type ExchangeTarget } from '../config/proxy-contract';
import { READ_TIMEOUT_MS, TARGET_INFO_TIMEOUT_MS } from '../config/timeouts';
import type { ApiEnvelope } from './envelope-shapes';
import { messageOf } from './error-message';
import { loadOnce } from './load-once';

export type { ApiEnvelope };

export { SUCCESS_CODE };

/**
 * - `api`: the exchange (or the proxy, for a path it does not forward) answered an HTTP error with an envelope.
 * - `unexpected-code`: an HTTP 2xx whose envelope code is not the documented success: for a POST, nobody can
 *   say whether the exchange acted on it.
 * - `not-delivered`: the proxy could not connect to the exchange; nothing reached it.
 * - `network`: the connection failed or broke before an answer: the exchange may or may not have acted.
 * - `timeout`: no answer in time: the exchange may or may not have acted.
 * - `invalid-response`: an answer that is not the exchange's JSON envelope (an HTML error page, say).
 */
export type ApiErrorKind = 'api' | 'unexpected-code' | 'not-delivered' | 'network' | 'timeout' | 'invalid-response';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly envelope: ApiEnvelope | undefined;
  /** True when the request may have reached the exchange and been acted on although we got no clean answer. */
  readonly outcomeUnknown: boolean;
  /** For `invalid-response`: whether the body looked like an HTML page. */
  readonly html: boolean;

  constructor(options: {
    kind: ApiErrorKind;
    message: string;
    method: string;
    status?: number;
    envelope?: ApiEnvelope;
    html?: boolean;
  }) {
    super(options.message);
    this.kind = options.kind;
    this.status = options.status;
    this.envelope = options.envelope;
    this.html = options.html ?? false;
    const mayHaveActed = options.kind === 'network' || options.kind === 'timeout' || options.kind === 'invalid-response' || options.kind === 'unexpected-code';
    this.outcomeUnknown = options.method !== 'GET' && mayHaveActed;
  }
}

/** Where the zod shape of an answer comes from: its module, fetched with the first request that needs it. */
export type ShapeLoader<T> = () => Promise<z.ZodMiniType<T>>;

/**
 * Code that checks answers, loaded on demand. If it cannot be fetched, the request fails in this client's terms:
 * for a read (sent at the same time) a failed connection; for a POST (which waits for it) nothing was sent.
 */
function loadCode<T>(load: () => Promise<T>, method: string): Promise<T> {
  const loading = load().catch((cause: unknown) => {
    const message = `Part of this page could not be loaded (${messageOf(cause)}); reload the page`;
    throw new ApiError({ kind: method === 'GET' ? 'network' : 'not-delivered', method, message });
  });
  // Awaited later, or never when the request fails first: not an unhandled rejection either way.
  loading.catch(() => undefined);
  return loading;
}

const loadEnvelopeShapes = loadOnce(() => import('./envelope-shapes'));

export interface RequestOptions {
  method: 'GET' | 'POST';
  /** The Everstrike path, e.g. /auth/withdraw; the /api prefix is added here. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

interface RawResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

/** fetch with a timeout that covers the whole exchange, headers and body alike. */
async function fetchText(url: string, init: RequestInit & { method: string }, timeoutMs: number): Promise<RawResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal, credentials: 'omit', cache: 'no-store' });
    const text = await response.text();
    return { status: response.status, ok: response.ok, headers: response.headers, text };
  } catch (cause) {
    if (timedOut) {
      throw new ApiError({ kind: 'timeout', method: init.method, message: `No answer within ${Math.round(timeoutMs / 1000)} s` });
    }
    throw new ApiError({ kind: 'network', method: init.method, message: `The connection failed: ${messageOf(cause)}` });
  } finally {
    clearTimeout(timer);
  }
}

function looksLikeHtml(raw: RawResponse): boolean {
  return (raw.headers.get('content-type') ?? '').includes('text/html') || /^\s*</.test(raw.text);
}

/** Sends one request to the exchange through the proxy; resolves only with a success envelope. */
export async function everstrikeRequest(options: RequestOptions): Promise<ApiEnvelope> {
  const { method } = options;
  const init: RequestInit & { method: string } = { method, headers: { accept: 'application/json', ...options.headers } };
  if (options.body !== undefined) init.body = options.body;
  // A read is sent while the code that checks its answer loads; a POST is sent only once that code is here, so an
  // answer to something that may have moved money can always be read.
  const shapes = loadCode(loadEnvelopeShapes, method);
  if (method !== 'GET') await shapes;
  const raw = await fetchText(`${API_PREFIX}${options.path}`, init, options.timeoutMs);

  const parsed = (await shapes).envelopeShape.safeParse(safeJson(raw.text));

  const proxyFailure = raw.headers.get(PROXY_FAILURE_HEADER);
  if (proxyFailure === 'not-delivered' || proxyFailure === 'outcome-unknown') {
    const message = parsed.success ? parsed.data.msg : `The proxy answered HTTP ${raw.status}`;
    throw new ApiError({ kind: proxyFailure === 'not-delivered' ? 'not-delivered' : 'network', method, status: raw.status, message });
  }
  if (!parsed.success) {
    const html = looksLikeHtml(raw);
    const what = html ? 'an HTML page' : raw.text.trim() === '' ? 'an empty body' : 'something that is not JSON';
    throw new ApiError({
      kind: 'invalid-response',
      method,
      status: raw.status,
      html,
      message: `The exchange answered HTTP ${raw.status} with ${what} instead of its JSON envelope`,
    });
  }
  const envelope = parsed.data;
  if (!raw.ok) {
    throw new ApiError({ kind: 'api', method, status: raw.status, envelope, message: envelope.msg || `HTTP ${raw.status}` });
  }
  if (envelope.code !== SUCCESS_CODE) {
    throw new ApiError({ kind: 'unexpected-code', method, status: raw.status, envelope, message: envelope.msg });
  }
  return envelope;
}

/**
 * The `result` of a successful read, in the shape the caller needs. An answer of another shape is an
 * `invalid-response`, worded like any other, not a crash of the page.
 */
export function parseResult<T>(schema: z.ZodMiniType<T>, envelope: ApiEnvelope, what: string): T {
  const parsed = schema.safeParse(envelope.result);
  if (!parsed.success) {
    throw new ApiError({ kind: 'invalid-response', method: 'GET', message: `The exchange's ${what} came in a shape this app does not know` });
  }
  return parsed.data;
}

/** A read (GET) from the exchange, with the API key where the endpoint wants it, whose `result` has `shape`'s shape. */
export async function everstrikeRead<T>(path: string, shape: ShapeLoader<T>, what: string, apiKey?: string): Promise<T> {
  const headers = apiKey === undefined ? undefined : { 'x-api-key': apiKey };
  const schema = loadCode(shape, 'GET');
  const envelope = await everstrikeRequest({ method: 'GET', path, headers, timeoutMs: READ_TIMEOUT_MS });
  return parseResult(await schema, envelope, what);
}

/** Asks the app's own server which exchange its proxy forwards to (answered by the proxy, never forwarded). */
export async function fetchAppTarget(): Promise<ExchangeTarget> {
  const shapes = loadCode(loadEnvelopeShapes, 'GET');
  const raw = await fetchText(TARGET_INFO_PATH, { method: 'GET' }, TARGET_INFO_TIMEOUT_MS);
  const parsed = (await shapes).exchangeTargetShape.safeParse(raw.ok ? safeJson(raw.text) : undefined);
  if (!parsed.success) {
    throw new ApiError({ kind: 'invalid-response', method: 'GET', status: raw.status, message: 'The app server did not say which exchange it targets' });
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
