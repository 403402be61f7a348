/**
 * When the code that checks answers cannot be fetched (a deploy replaced the chunk, the connection dropped): a
 * POST is never sent, and nothing is called an unknown outcome.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiErrorOf } from '../testing/api-error-of';
import { jsonResponse, stubFetch } from '../testing/fetch-stub';
import { everstrikeRead, everstrikeRequest } from './api-client';

vi.mock('./envelope-shapes', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

afterEach(() => vi.unstubAllGlobals());


describe('the answer-checking code cannot be loaded', () => {
  it('a POST is not sent, and says so', async () => {
    const { calls } = stubFetch({ '/api/auth/withdraw': () => jsonResponse({ code: 200, msg: '', result: { id: 1 } }) });
    const error = await apiErrorOf(everstrikeRequest({ method: 'POST', path: '/auth/withdraw', body: 'asset=ETH', timeoutMs: 1_000 }));
    expect(calls).toHaveLength(0);
    expect(error.kind).toBe('not-delivered');
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).toMatch(/reload the page/);
  });

  it('a read fails as a failed connection, not as an unknown outcome', async () => {
    stubFetch({ '/api/time': () => jsonResponse({ code: 200, msg: '', result: 1 }) });
    const error = await apiErrorOf(everstrikeRead('/time', () => Promise.reject(new Error('chunk gone')), 'time'));
    expect(error.kind).toBe('network');
    expect(error.outcomeUnknown).toBe(false);
  });
});
