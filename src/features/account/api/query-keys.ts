/** Query keys for what the exchange tells about the account, from generic to specific. */
export const accountKeys = {
  all: ['account'] as const,
  serverTime: () => [...accountKeys.all, 'server-time'] as const,
  assets: () => [...accountKeys.all, 'assets'] as const,
  personal: (apiKey: string) => [...accountKeys.all, 'personal', apiKey] as const,
  withdrawalLists: () => [...accountKeys.all, 'withdrawals'] as const,
  withdrawals: (apiKey: string) => [...accountKeys.withdrawalLists(), apiKey] as const,
};
