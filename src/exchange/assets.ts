/**
 * The exchange's asset list (GET /assets, public): what the form offers, with the facts the exchange gives per
 * asset (fee, decimals, minimum, whether withdrawals are on). Read when the page loads. When it cannot be read,
 * the page offers its built-in list and says so. The exchange documents only `fees.withdrawal`; the other facts
 * are read under the names exchanges commonly use, and ignored when absent or malformed.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { EVERSTRIKE_PATHS } from '../../contract/everstrike.mjs';
import { BUILT_IN_ASSETS, compareAssets, isAssetId, knownAsset, maxDecimalsFor, needsMemo, type OfferedAsset } from '../config/assets';
import { everstrikeRead } from '../lib/api-client';
import { decimalFromJson } from '../validation/decimal';
import type { AssetsAnswer } from './account-figures';
import { exchangeKeys } from './query-keys';

const assetsShape = () => import('./answer-shapes').then((m) => m.assetsShape);

/** GET /assets (public): per-asset information, including the withdrawal fee. */
export function getAssets(): Promise<AssetsAnswer> {
  return everstrikeRead(EVERSTRIKE_PATHS.assets, assetsShape, 'asset list');
}

export const assetsQuery = () => queryOptions({ queryKey: exchangeKeys.assets(), queryFn: getAssets, staleTime: 5 * 60_000 });

type Facts = Record<string, unknown>;

function firstOf(facts: Facts, names: readonly string[]): unknown {
  for (const name of names) if (name in facts) return facts[name];
  return undefined;
}

function booleanOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  return null;
}

/** Whether withdrawals are on: `withdrawals_enabled` and its spellings, or the opposite of a `disabled` flag. */
function withdrawalsEnabledOf(facts: Facts): boolean | null {
  const enabled = booleanOf(firstOf(facts, ['withdrawals_enabled', 'withdrawal_enabled', 'withdraw_enabled', 'can_withdraw']));
  if (enabled !== null) return enabled;
  const disabled = booleanOf(firstOf(facts, ['withdrawals_disabled', 'withdrawal_disabled', 'disabled']));
  return disabled === null ? null : !disabled;
}

function decimalsOf(facts: Facts): number | null {
  const value = firstOf(facts, ['decimals', 'precision', 'withdrawal_decimals']);
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 && number <= 36 ? number : null;
}

/** Format and control characters, which could make a name read differently from what it is. */
const HIDDEN_CHARACTER = /[\p{Cf}\p{Cc}]/u;

/** The exchange's name for it, unless that is empty, long or hides characters: then the table's, or the id. */
function nameOf(facts: Facts, id: string): string {
  const given = firstOf(facts, ['name', 'full_name', 'long_name']);
  if (typeof given === 'string' && given.trim() !== '' && given.length <= 60 && !HIDDEN_CHARACTER.test(given)) return given.trim();
  return knownAsset(id)?.name ?? id;
}

/** One listed asset as offered: the exchange's facts over the table's. */
function offeredFrom(id: string, facts: Facts): OfferedAsset {
  const known = knownAsset(id);
  const decimals = decimalsOf(facts) ?? known?.decimals ?? null;
  const fees = facts.fees;
  const fee = typeof fees === 'object' && fees !== null && 'withdrawal' in fees ? decimalFromJson(fees.withdrawal) : null;
  return {
    id,
    name: nameOf(facts, id),
    chain: known?.chain ?? null,
    memo: needsMemo(id),
    maxDecimals: maxDecimalsFor(decimals),
    fee,
    minimum: decimalFromJson(firstOf(facts, ['min_withdrawal', 'withdrawal_min', 'min_withdraw', 'withdrawal_minimum', 'minimum_withdrawal'])),
    withdrawalsEnabled: withdrawalsEnabledOf(facts),
  };
}

/** Pure: the assets to offer from the exchange's answer, in a stable order; ids that could not be signed are left out. */
export function offeredAssets(answer: AssetsAnswer): OfferedAsset[] {
  return Object.entries(answer)
    .filter(([id]) => isAssetId(id))
    .map(([id, facts]) => offeredFrom(id, facts))
    .sort(compareAssets);
}

export interface OfferedAssets {
  assets: readonly OfferedAsset[];
  /** `exchange`: its list; `loading`: the built-in list until it arrives; `built-in`: it could not be read (see error). */
  source: 'exchange' | 'loading' | 'built-in';
  error: unknown;
}

/** What the form offers: the exchange's list once read, the built-in list until then or when it cannot be read. */
export function useOfferedAssets(): OfferedAssets {
  const query = useQuery({ ...assetsQuery(), select: offeredAssets });
  if (query.data && query.data.length > 0) return { assets: query.data, source: 'exchange', error: null };
  if (query.isPending) return { assets: BUILT_IN_ASSETS, source: 'loading', error: null };
  const error = query.isError ? query.error : new Error('The exchange listed no assets.');
  return { assets: BUILT_IN_ASSETS, source: 'built-in', error };
}
