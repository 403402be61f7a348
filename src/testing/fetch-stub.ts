import { vi } from 'vitest';

/** What the code under test handed to `fetch`, normalised for assertions. */
export interface RecordedRequest {
  url: string;
  method: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
  cache: RequestCache | undefined;
  signal: AbortSignal | undefined;
}

export type Responder = (request: RecordedRequest) => Response | Promise<Response>;

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

function record(input: RequestInfo | URL, init: RequestInit | undefined): RecordedRequest {
  return {
    url: urlOf(input),
    method: (init?.method ?? 'GET').toUpperCase(),
    headers: Object.fromEntries(new Headers(init?.headers).entries()),
    body: typeof init?.body === 'string' ? init.body : undefined,
    credentials: init?.credentials,
    cache: init?.cache,
    signal: init?.signal ?? undefined,
  };
}

/**
 * Replaces the global `fetch` (undone by `vi.unstubAllGlobals()`) with one that records every call and
 * answers by exact URL. An unknown URL gets a 404 envelope, so a stray request shows up in `calls`.
 */
export function stubFetch(routes: Record<string, Responder>) {
  const calls: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = record(input, init);
    calls.push(request);
    const route = routes[request.url];
    if (!route) return jsonResponse({ code: 404, msg: `No stub for ${request.method} ${request.url}`, result: {} }, { status: 404 });
    return route(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    fetchMock,
    /** The calls made with the given method (and, optionally, to the given URL). */
    callsTo: (method: string, url?: string) => calls.filter((call) => call.method === method && (url === undefined || call.url === url)),
  };
}

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
  });
}

export function textResponse(text: string, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(text, { status: init.status ?? 200, headers: init.headers ?? {} });
}

/** A fetch that never answers but, like the real one, rejects with an AbortError once its signal aborts. */
export function hangingResponder(): Responder {
  return ({ signal }) =>
    new Promise<Response>((_resolve, reject) => {
      const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal?.aborted) abort();
      signal?.addEventListener('abort', abort);
    });
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** base64(HMAC-SHA256(UTF-8 secret, UTF-8 body)), computed independently of the app's signing code. */
export async function expectedSignature(secret: string, body: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const digest = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)));
  return btoa(String.fromCharCode(...digest));
}
