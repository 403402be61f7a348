import { renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-client';
import { createQueryClient } from '../lib/react-query';
import { jsonResponse, stubFetch } from '../testing/fetch-stub';
import { measureClockOffset, useWithdrawalClock } from './server-clock';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A fake clock that returns the given readings one after the other. */
function readings(...values: number[]) {
  const queue = [...values];
  return vi.fn(() => {
    const next = queue.shift();
    if (next === undefined) throw new Error('the fake clock was read more often than expected');
    return next;
  });
}

describe('measureClockOffset', () => {
  it('estimates the offset against the midpoint of the round trip, from one GET /api/time', async () => {
    const { calls } = stubFetch({ '/api/time': () => jsonResponse({ code: 200, msg: '', result: 1_700_000_010_500 }) });
    const now = readings(1_700_000_000_000, 1_700_000_000_400);

    // Server time 10.5 s after the request left, the midpoint is 0.2 s after it: the local clock is 10.3 s behind.
    await expect(measureClockOffset(now)).resolves.toEqual({ offsetMs: 10_300 });
    expect(now).toHaveBeenCalledTimes(2);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: '/api/time', method: 'GET', credentials: 'omit' });
  });

  it('reads the clock once before sending and once after the answer', async () => {
    const now = readings(1_000_000, 1_000_200);
    stubFetch({
      '/api/time': () => {
        expect(now).toHaveBeenCalledTimes(1);
        return jsonResponse({ code: 200, msg: '', result: 1_000_100 });
      },
    });
    await expect(measureClockOffset(now)).resolves.toEqual({ offsetMs: 0 });
    expect(now).toHaveBeenCalledTimes(2);
  });

  it('gives a negative offset when the local clock is ahead', async () => {
    stubFetch({ '/api/time': () => jsonResponse({ code: 200, msg: '', result: 1_000_000 }) });
    await expect(measureClockOffset(readings(1_008_000, 1_008_000))).resolves.toEqual({ offsetMs: -8_000 });
  });

  it('rounds the midpoint to whole milliseconds', async () => {
    stubFetch({ '/api/time': () => jsonResponse({ code: 200, msg: '', result: 2_000 }) });
    const { offsetMs } = await measureClockOffset(readings(1_000, 1_001));
    expect(Number.isInteger(offsetMs)).toBe(true);
    expect(Math.abs(offsetMs - (2_000 - 1_000.5))).toBeLessThanOrEqual(0.5);
  });

  it.each([
    ['a string', '1700000000000'],
    ['a fraction', 1_700_000_000_000.5],
    ['zero', 0],
    ['nothing', null],
  ])('refuses a server time that is %s', async (_what, result) => {
    stubFetch({ '/api/time': () => jsonResponse({ code: 200, msg: '', result }) });
    await expect(measureClockOffset(readings(1, 2))).rejects.toMatchObject({ name: 'ApiError', kind: 'invalid-response' });
  });

  it('passes on the exchange’s error', async () => {
    stubFetch({ '/api/time': () => jsonResponse({ code: 503, msg: 'Maintenance', result: {} }, { status: 503 }) });
    const failure = measureClockOffset(readings(1, 2));
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ kind: 'api', message: 'Maintenance' });
  });
});

describe('useWithdrawalClock', () => {
  function wrapper({ children }: { children: ReactNode }) {
    return createElement(QueryClientProvider, { client: createQueryClient() }, children);
  }

  it('does not ask the exchange until enabled', () => {
    const { calls } = stubFetch({ '/api/time': () => jsonResponse({ code: 200, msg: '', result: Date.now() }) });
    const { result } = renderHook(() => useWithdrawalClock(false), { wrapper });
    expect(result.current.offsetMs).toBe(0);
    expect(calls).toHaveLength(0);
  });

  it('corrects the local clock by a measured offset that matters', async () => {
    stubFetch({ '/api/time': () => jsonResponse({ code: 200, msg: '', result: Date.now() + 30_000 }) });
    const { result } = renderHook(() => useWithdrawalClock(true), { wrapper });
    await waitFor(() => expect(result.current.offsetMs).toBeGreaterThan(29_000));
    expect(result.current.offsetMs).toBeLessThanOrEqual(30_000);
    const local = Date.now();
    expect(result.current.now() - local).toBeGreaterThan(29_000);
  });

  it('ignores an offset below one second', async () => {
    stubFetch({ '/api/time': () => jsonResponse({ code: 200, msg: '', result: Date.now() + 400 }) });
    const { result } = renderHook(() => useWithdrawalClock(true), { wrapper });
    await waitFor(() => expect(result.current.query.isSuccess).toBe(true));
    expect(result.current.offsetMs).toBe(0);
  });

  it('falls back to the local clock when the exchange’s time cannot be read', async () => {
    stubFetch({ '/api/time': () => Promise.reject(new TypeError('Failed to fetch')) });
    const { result } = renderHook(() => useWithdrawalClock(true), { wrapper });
    await waitFor(() => expect(result.current.query.isError).toBe(true));
    expect(result.current.offsetMs).toBe(0);
  });
});
