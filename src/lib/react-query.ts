import { QueryClient } from '@tanstack/react-query';

/**
 * Deliberate defaults for a tool that moves money: nothing is retried or refetched behind the person's
 * back. Every request the page makes follows something they did (or is the one-off target lookup).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
