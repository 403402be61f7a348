import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../lib/react-query';
import { jsonResponse, stubFetch } from '../testing/fetch-stub';
import { useWithdrawalList } from './withdrawals';

const pending = { id: 'wd_1', asset: 'ETH', qty: '1', address: '0x829bd824b016326a401d083b33d092293333a830', status: 'PENDING', time: 1 };

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function wrapperWith() {
  const client = createQueryClient();
  return ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client }, children);
}

describe('useWithdrawalList', () => {
  it('makes one request per period however many views poll the list', async () => {
    const { callsTo } = stubFetch({ '/api/withdrawals': () => jsonResponse({ code: 200, msg: '', result: [pending] }) });
    const wrapper = wrapperWith();
    const { result } = renderHook(
      () => [useWithdrawalList('key'), useWithdrawalList('key', { keepPollingWhile: () => true })] as const,
      { wrapper },
    );
    await waitFor(() => expect(result.current[0].data).toHaveLength(1));
    const reads = () => callsTo('GET', '/api/withdrawals').length;
    expect(reads()).toBe(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(50_000);
    });
    expect(reads()).toBeGreaterThanOrEqual(10);
    expect(reads()).toBeLessThanOrEqual(11);
  });

  it('keeps polling while the caller waits for something, even with nothing open', async () => {
    const { callsTo } = stubFetch({ '/api/withdrawals': () => jsonResponse({ code: 200, msg: '', result: [] }) });
    let waiting = true;
    const { result } = renderHook(() => useWithdrawalList('key', { keepPollingWhile: () => waiting }), { wrapper: wrapperWith() });
    await waitFor(() => expect(result.current.data).toEqual([]));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(callsTo('GET', '/api/withdrawals')).toHaveLength(3);
    waiting = false;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(callsTo('GET', '/api/withdrawals').length).toBeLessThanOrEqual(4);
  });

  it('reads nothing without an API key', async () => {
    const { calls } = stubFetch({});
    renderHook(() => useWithdrawalList(null), { wrapper: wrapperWith() });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(calls).toHaveLength(0);
  });
});
