import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { apiErrorOf } from '../testing/api-error-of';
import { hangingResponder, jsonResponse, stubFetch, textResponse, type Responder } from '../testing/fetch-stub';
import { ApiError, everstrikeRequest, fetchAppTarget, parseResult, type RequestOptions } from './api-client';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const POST_WITHDRAW: RequestOptions = {
  method: 'POST',
  path: '/auth/withdraw',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': 'key' },
  body: 'asset=ETH&qty=1&address=0xabc&timestamp=1',
  timeoutMs: 20_000,
};
const GET_TIME: RequestOptions = { method: 'GET', path: '/time', timeoutMs: 10_000 };

/** Every URL answers the same way: the tests here are about what the client makes of an answer. */
function answerWith(responder: Responder) {
  return stubFetch({ '/api/auth/withdraw': responder, '/api/time': responder, '/__everstrike/target': responder });
}

const HTML_502 = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

describe('everstrikeRequest', () => {
  it('resolves with the success envelope', async () => {
    answerWith(() => jsonResponse({ code: 200, msg: 'OK', result: { id: 42 } }));
    await expect(everstrikeRequest(POST_WITHDRAW)).resolves.toEqual({ code: 200, msg: 'OK', result: { id: 42 } });
  });

  it('fills in an absent msg with an empty string', async () => {
    answerWith(() => jsonResponse({ code: 200, result: 1_700_000_000_000 }));
    await expect(everstrikeRequest(GET_TIME)).resolves.toEqual({ code: 200, msg: '', result: 1_700_000_000_000 });
  });

  it('sends to the same-origin /api prefix, without credentials or cache, with the given method, headers and body', async () => {
    const { calls } = answerWith(() => jsonResponse({ code: 200, msg: '', result: {} }));
    await everstrikeRequest(POST_WITHDRAW);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: '/api/auth/withdraw',
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      body: POST_WITHDRAW.body,
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': 'key' },
    });
  });

  it('sends a GET without a body', async () => {
    const { calls } = answerWith(() => jsonResponse({ code: 200, msg: '', result: 1 }));
    await everstrikeRequest(GET_TIME);
    expect(calls[0]).toMatchObject({ url: '/api/time', method: 'GET', credentials: 'omit', body: undefined });
  });

  it('turns a 503 error envelope into an "api" error carrying the exchange’s msg and envelope; the outcome is known', async () => {
    const envelope = { code: 503, msg: 'Insufficient balance', result: {} };
    answerWith(() => jsonResponse(envelope, { status: 503 }));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ name: 'ApiError', kind: 'api', status: 503, message: 'Insufficient balance', envelope, outcomeUnknown: false });
  });

  it.each([
    ['a refusal code', { code: 414, msg: 'The timestamp is too old.', result: {} }],
    ['code 0', { code: 0, msg: 'error', result: {} }],
    ['another success-looking code', { code: 201, msg: 'Created', result: { id: 'wd-1' } }],
  ])('treats HTTP 200 with %s as "unexpected-code", never as success; the outcome of a POST is unknown', async (_what, envelope) => {
    answerWith(() => jsonResponse(envelope));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ kind: 'unexpected-code', status: 200, message: envelope.msg, envelope, outcomeUnknown: true });
  });

  it('treats HTTP 2xx with another code on a GET as "unexpected-code" with a known outcome (one rule for every call)', async () => {
    answerWith(() => jsonResponse({ code: 0, msg: 'error', result: 1 }, { status: 202 }));
    const error = await apiErrorOf(everstrikeRequest(GET_TIME));
    expect(error).toMatchObject({ kind: 'unexpected-code', status: 202, outcomeUnknown: false });
  });

  it('treats an HTTP error status with the success code as an "api" refusal', async () => {
    const envelope = { code: 200, msg: 'Insufficient balance', result: {} };
    answerWith(() => jsonResponse(envelope, { status: 503 }));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ kind: 'api', status: 503, envelope, outcomeUnknown: false });
  });

  it('treats an HTTP error status with an envelope code below 400 as an "api" error too', async () => {
    answerWith(() => jsonResponse({ code: 0, msg: '', result: {} }, { status: 500 }));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ kind: 'api', status: 500, message: 'HTTP 500', outcomeUnknown: false });
  });

  it('reports an HTML 502 page as "invalid-response" (html), with an unknown outcome for a POST', async () => {
    answerWith(() => textResponse(HTML_502, { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ kind: 'invalid-response', status: 502, html: true, outcomeUnknown: true, envelope: undefined });
    expect(error.message).toContain('an HTML page');
  });

  it('reports an HTML 502 page on a GET as "invalid-response" with a known outcome', async () => {
    answerWith(() => textResponse(HTML_502, { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await apiErrorOf(everstrikeRequest(GET_TIME));
    expect(error).toMatchObject({ kind: 'invalid-response', status: 502, html: true, outcomeUnknown: false });
  });

  it('recognises an HTML page by its body even without a text/html content type', async () => {
    answerWith(() => textResponse(`\n  ${HTML_502}`, { status: 504 }));
    const error = await apiErrorOf(everstrikeRequest(GET_TIME));
    expect(error).toMatchObject({ kind: 'invalid-response', html: true });
  });

  it('reports an empty body as "invalid-response" (not html)', async () => {
    answerWith(() => textResponse('', { status: 200 }));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, html: false, outcomeUnknown: true });
    expect(error.message).toContain('an empty body');
  });

  it('reports text that is not JSON as "invalid-response"', async () => {
    answerWith(() => textResponse('upstream connect error', { status: 200 }));
    const error = await apiErrorOf(everstrikeRequest(GET_TIME));
    expect(error).toMatchObject({ kind: 'invalid-response', html: false, outcomeUnknown: false });
    expect(error.message).toContain('not JSON');
  });

  it.each([
    ['an array', [1, 2, 3]],
    ['an object without code', { msg: 'ok', result: 1 }],
    ['a string code', { code: '200', msg: 'ok', result: 1 }],
    ['null', null],
  ])('reports JSON that is not an envelope (%s) as "invalid-response"', async (_what, body) => {
    answerWith(() => jsonResponse(body));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, html: false, outcomeUnknown: true });
  });

  it('turns a fetch rejection (TypeError) into a "network" error with an unknown outcome for a POST', async () => {
    answerWith(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: true, status: undefined });
    expect(error.message).toContain('Failed to fetch');
  });

  it('turns a fetch rejection on a GET into a "network" error with a known outcome', async () => {
    answerWith(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await apiErrorOf(everstrikeRequest(GET_TIME));
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: false });
  });

  it('gives up with a "timeout" error exactly when timeoutMs has passed, aborting the fetch; unknown outcome for a POST', async () => {
    vi.useFakeTimers();
    const { calls } = answerWith(hangingResponder());
    let settled = false;
    const outcome = apiErrorOf(everstrikeRequest({ ...POST_WITHDRAW, timeoutMs: 15_000 })).finally(() => {
      settled = true;
    });

    await vi.advanceTimersByTimeAsync(14_999);
    expect(settled).toBe(false);
    expect(calls[0]?.signal?.aborted).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toMatchObject({ kind: 'timeout', outcomeUnknown: true, message: 'No answer within 15 s' });
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('reports a GET timeout with a known outcome', async () => {
    vi.useFakeTimers();
    answerWith(hangingResponder());
    const outcome = apiErrorOf(everstrikeRequest({ ...GET_TIME, timeoutMs: 2_000 }));
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(outcome).resolves.toMatchObject({ kind: 'timeout', outcomeUnknown: false });
  });

  it('does not report a timeout when the answer came in time', async () => {
    vi.useFakeTimers();
    answerWith(() => jsonResponse({ code: 200, msg: '', result: 5 }));
    await expect(everstrikeRequest({ ...GET_TIME, timeoutMs: 1_000 })).resolves.toMatchObject({ result: 5 });
    // The timer was cleared: nothing is left to fire.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports the proxy’s "not-delivered" answer as "not-delivered" with a known outcome, even for a POST', async () => {
    const msg = 'The proxy could not reach Everstrike testnet (ECONNREFUSED). The request was not delivered.';
    answerWith(() => jsonResponse({ code: 502, msg, result: {} }, { status: 502, headers: { 'x-everstrike-proxy': 'not-delivered' } }));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ kind: 'not-delivered', status: 502, message: msg, outcomeUnknown: false });
  });

  it('reports a "not-delivered" answer with an unreadable body by its HTTP status', async () => {
    answerWith(() => textResponse('', { status: 502, headers: { 'x-everstrike-proxy': 'not-delivered' } }));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ kind: 'not-delivered', message: 'The proxy answered HTTP 502', outcomeUnknown: false });
  });

  it('reports the proxy’s "outcome-unknown" answer as a "network" error with an unknown outcome for a POST', async () => {
    const msg = 'The connection to Everstrike testnet broke before it answered (ECONNRESET).';
    answerWith(() => jsonResponse({ code: 504, msg, result: {} }, { status: 504, headers: { 'x-everstrike-proxy': 'outcome-unknown' } }));
    const error = await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(error).toMatchObject({ kind: 'network', status: 504, message: msg, outcomeUnknown: true });
  });

  it('never retries: one failed request is one fetch', async () => {
    const { fetchMock } = answerWith(() => Promise.reject(new TypeError('Failed to fetch')));
    await apiErrorOf(everstrikeRequest(POST_WITHDRAW));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('fetchAppTarget', () => {
  const target = { url: 'https://api.testnet.everstrike.io', environment: 'testnet', label: 'Everstrike testnet' };

  it('asks the app server itself (no /api prefix) without credentials and returns the target', async () => {
    const { calls } = answerWith(() => jsonResponse(target));
    await expect(fetchAppTarget()).resolves.toEqual(target);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: '/__everstrike/target', method: 'GET', credentials: 'omit' });
  });

  it('rejects an answer that is not a target description', async () => {
    answerWith(() => jsonResponse({ ...target, environment: 'staging' }));
    const error = await apiErrorOf(fetchAppTarget());
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, outcomeUnknown: false });
  });

  it('rejects a valid-looking body sent with an HTTP error status', async () => {
    answerWith(() => jsonResponse(target, { status: 500 }));
    await expect(apiErrorOf(fetchAppTarget())).resolves.toMatchObject({ kind: 'invalid-response', status: 500 });
  });

  it('rejects an HTML page', async () => {
    answerWith(() => textResponse(HTML_502, { status: 200, headers: { 'content-type': 'text/html' } }));
    await expect(apiErrorOf(fetchAppTarget())).resolves.toMatchObject({ kind: 'invalid-response' });
  });

  it('reports a connection failure as a "network" error with a known outcome (it is a GET)', async () => {
    answerWith(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(apiErrorOf(fetchAppTarget())).resolves.toMatchObject({ kind: 'network', outcomeUnknown: false });
  });

  it('times out after 5 s', async () => {
    vi.useFakeTimers();
    answerWith(hangingResponder());
    let settled = false;
    const outcome = apiErrorOf(fetchAppTarget()).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toMatchObject({ kind: 'timeout', outcomeUnknown: false });
  });
});

describe('parseResult', () => {
  const envelope = { code: 200, msg: '', result: { free: 1 } };

  it('gives the result in the shape asked for', () => {
    expect(parseResult(z.object({ free: z.number() }), envelope, 'balance')).toEqual({ free: 1 });
  });

  it('turns an unexpected shape into an invalid-response error that names what was read', () => {
    let caught: unknown;
    try {
      parseResult(z.array(z.unknown()), envelope, 'withdrawal list');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect(caught).toMatchObject({ kind: 'invalid-response', outcomeUnknown: false, message: expect.stringContaining('withdrawal list') });
  });
});
