import type { QueryClient } from '@tanstack/react-query';

/**
 * Query keys for everything the page reads from the exchange, from generic to specific, so that
 * "forget what was read with this key" and "read again after a withdrawal" are one line each.
 */
export const exchangeKeys = {
  all: ['exchange'] as const,
  serverTime: () => [...exchangeKeys.all, 'server-time'] as const,
  assets: () => [...exchangeKeys.all, 'assets'] as const,
  /** Everything read with an API key: dropped with the keys. */
  withKey: () => [...exchangeKeys.all, 'with-key'] as const,
  personal: (apiKey: string) => [...exchangeKeys.withKey(), apiKey, 'personal'] as const,
  withdrawals: (apiKey: string) => [...exchangeKeys.withKey(), apiKey, 'withdrawals'] as const,
};

/** After a send attempt, whatever its outcome: the balance and the list may have changed. Not awaited by callers. */
export function readAgainAfterSend(queryClient: QueryClient, apiKey: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: exchangeKeys.withdrawals(apiKey) }),
    queryClient.invalidateQueries({ queryKey: exchangeKeys.personal(apiKey) }),
  ]).then(() => undefined);
}
