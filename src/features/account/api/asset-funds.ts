import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { AssetId } from '../../../config/assets';
import { everstrikeRead } from '../../../lib/api-client';
import { decimalFromJson } from '../../../validation/decimal';
import { accountKeys } from './query-keys';

// The public docs show these shapes; everything is optional so an unexpected answer shows less, not breaks.
const personalSchema = z.looseObject({
  balances: z.record(z.string(), z.looseObject({ free: z.unknown() })).optional(),
  permissions: z.looseObject({ withdraw_enabled: z.boolean().optional() }).optional(),
});
const assetsSchema = z.record(z.string(), z.looseObject({ fees: z.looseObject({ withdrawal: z.unknown() }).optional() }));

export type Personal = z.infer<typeof personalSchema>;
export type Assets = z.infer<typeof assetsSchema>;

/** GET /personal with the API key only (no signature): balances and permissions. */
export function getPersonal(apiKey: string): Promise<Personal> {
  return everstrikeRead('/personal', personalSchema, 'account information', apiKey);
}

/** GET /assets (public): per-asset information, including the withdrawal fee. */
export function getAssets(): Promise<Assets> {
  return everstrikeRead('/assets', assetsSchema, 'asset list');
}

export const personalQuery = (apiKey: string) => queryOptions({ queryKey: accountKeys.personal(apiKey), queryFn: () => getPersonal(apiKey) });
export const assetsQuery = () => queryOptions({ queryKey: accountKeys.assets(), queryFn: getAssets, staleTime: 5 * 60_000 });

export interface AssetFunds {
  /** Free balance as an exact decimal string; null while unknown. */
  free: string | null;
  withdrawalFee: string | null;
  /** What /personal says of withdrawals for this key; null while unknown. */
  withdrawEnabled: boolean | null;
}

/** Pure: the figures the review shows for one asset, from whatever the two answers held. */
export function selectAssetFunds(asset: AssetId, personal: Personal | undefined, assets: Assets | undefined): AssetFunds {
  return {
    free: decimalFromJson(personal?.balances?.[asset]?.free),
    withdrawalFee: decimalFromJson(assets?.[asset]?.fees?.withdrawal),
    withdrawEnabled: personal?.permissions?.withdraw_enabled ?? null,
  };
}

/** Balance, fee and permission for the asset under review; read only while there is a review with keys. */
export function useAssetFunds(asset: AssetId, apiKey: string | null): AssetFunds {
  const personal = useQuery({ ...personalQuery(apiKey ?? ''), enabled: apiKey !== null });
  const assets = useQuery({ ...assetsQuery(), enabled: apiKey !== null });
  return selectAssetFunds(asset, personal.data, assets.data);
}
