import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { everstrikeRead } from '../../../lib/api-client';
import { accountKeys } from './query-keys';

const withdrawalSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  asset: z.string(),
  qty: z.union([z.string(), z.number()]).transform(String),
  address: z.string(),
  status: z.string(),
  time: z.unknown(),
});

export type Withdrawal = z.output<typeof withdrawalSchema>;

/** GET /withdrawals with the API key (no signature): what to check after an unknown outcome. */
export function getWithdrawals(apiKey: string): Promise<Withdrawal[]> {
  return everstrikeRead('/withdrawals', z.array(withdrawalSchema), 'withdrawal list', apiKey);
}

export const withdrawalsQuery = (apiKey: string) =>
  queryOptions({ queryKey: accountKeys.withdrawals(apiKey), queryFn: () => getWithdrawals(apiKey) });
