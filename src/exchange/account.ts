/**
 * The account reads: GET /personal (API key only, no signature) and GET /assets (public), and the hook
 * that turns them into the figures for one asset, saying in words when a read failed.
 */
import { EVERSTRIKE_PATHS } from '../../contract/everstrike.mjs';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AssetId } from '../config/assets';
import { everstrikeRead } from '../lib/api-client';
import { selectAccountFigures, type AccountFigures, type AssetsAnswer, type PersonalAnswer } from './account-figures';
import { assetsQuery } from './assets';
import { exchangeKeys } from './query-keys';

const personalShape = () => import('./answer-shapes').then((m) => m.personalShape);

/** GET /personal with the API key only (no signature): balances, permissions, email, allowance. */
export function getPersonal(apiKey: string): Promise<PersonalAnswer> {
  return everstrikeRead(EVERSTRIKE_PATHS.personal, personalShape, 'account information', apiKey);
}

export const personalQuery = (apiKey: string) => queryOptions({ queryKey: exchangeKeys.personal(apiKey), queryFn: () => getPersonal(apiKey) });

interface ReadView<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** The two account reads as they stand. */
export interface AccountReads {
  /** Whether there are keys to read with; without them nothing is read and nothing is known. */
  withKeys: boolean;
  personal: ReadView<PersonalAnswer>;
  assets: ReadView<AssetsAnswer>;
}

/** Reads GET /personal and GET /assets once keys are in (and again whenever a send invalidates them). */
export function useAccountReads(apiKey: string | null): AccountReads {
  const personal = useQuery({ ...personalQuery(apiKey ?? ''), enabled: apiKey !== null });
  const assets = useQuery({ ...assetsQuery(), enabled: apiKey !== null });
  return { withKeys: apiKey !== null, personal, assets };
}

export interface AccountFiguresState {
  figures: AccountFigures;
  /** A first read is still on its way: the figures are not known yet, nor known to be unknown. */
  loading: boolean;
  /** Why the balance, permission, allowance and email are unknown: GET /personal's error (null when it did not fail). */
  personalError: unknown;
  /** Why the fee is unknown: GET /assets's error (null when it did not fail). */
  assetsError: unknown;
}

/** The figures for one asset from the reads, with what is still loading and why anything is unknown. */
export function accountFiguresState(asset: AssetId, reads: AccountReads): AccountFiguresState {
  return {
    figures: selectAccountFigures(asset, reads.personal.data, reads.assets.data),
    loading: reads.withKeys && (reads.personal.isPending || reads.assets.isPending),
    personalError: reads.personal.isError ? reads.personal.error : null,
    assetsError: reads.assets.isError ? reads.assets.error : null,
  };
}
