/**
 * The withdrawal list (GET /withdrawals, API key only, no signature): read as soon as keys are in, read
 * again after every send attempt, and polled while any withdrawal can still change by itself.
 */
import { EVERSTRIKE_PATHS } from '../../contract/everstrike.mjs';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { everstrikeRead } from '../lib/api-client';
import type { RawWithdrawal } from './answer-shapes';
import { decimalFromJson, subtractDecimals } from '../validation/decimal';
import { exchangeKeys } from './query-keys';
import { isOpenStatus, statusInWords } from './withdrawal-status';

/** How often the list is read again while a withdrawal is open (and the tab is visible). */
export const WITHDRAWALS_POLL_MS = 5_000;

const withdrawalsShape = () => import('./answer-shapes').then((m) => m.withdrawalsShape);

/** One withdrawal as the page shows and matches it: exact decimals, a time in ms, the status in words. */
export interface WithdrawalRow {
  id: string;
  asset: string;
  /** The gross quantity as an exact decimal; null when the exchange sent something that is not one. */
  qty: string | null;
  /** The quantity exactly as the exchange gave it, for display when it is not a plain decimal. */
  qtyAsGiven: string;
  fee: string | null;
  net: string | null;
  address: string;
  status: string;
  statusWords: string;
  /** PENDING or ACTIVE: it will change by itself. */
  open: boolean;
  /** Milliseconds since the epoch; null when the exchange's time could not be read. */
  time: number | null;
  transactionHash: string | null;
}

/** Below this a number is taken as seconds: 10^11 ms is 1973, 10^11 s is the year 5138. */
const SECONDS_BELOW = 1e11;

/** Reads the exchange's time as ms: a number (ms, or s when it is too small to be ms), a digit string or an ISO date. */
export function timeInMs(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number === 'number') {
    if (!Number.isFinite(number) || number <= 0) return null;
    return number < SECONDS_BELOW ? Math.round(number * 1000) : Math.round(number);
  }
  if (typeof number === 'string') {
    const parsed = Date.parse(number);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

function amountOf(value: string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : decimalFromJson(value);
}

/** Pure: one row from the exchange's entry. The fee is qty − net when the exchange does not give it. */
export function toWithdrawalRow(raw: RawWithdrawal): WithdrawalRow {
  const qty = amountOf(raw.qty);
  const net = amountOf(raw.net);
  const givenFee = amountOf(raw.fee);
  const fee = givenFee ?? (qty !== null && net !== null ? subtractDecimals(qty, net) : null);
  return {
    id: String(raw.id),
    asset: raw.asset,
    qty,
    qtyAsGiven: String(raw.qty),
    fee: fee !== null && fee.startsWith('-') ? null : fee,
    net,
    address: raw.address,
    status: raw.status,
    statusWords: statusInWords(raw.status),
    open: isOpenStatus(raw.status),
    time: timeInMs(raw.time),
    transactionHash: raw.transaction?.hash ?? null,
  };
}

/** Newest first, whatever order the exchange used; rows without a time go last. */
export function newestFirst(rows: WithdrawalRow[]): WithdrawalRow[] {
  return [...rows].sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity));
}

export async function getWithdrawals(apiKey: string): Promise<WithdrawalRow[]> {
  const raw = await everstrikeRead(EVERSTRIKE_PATHS.withdrawals, withdrawalsShape, 'withdrawal list', apiKey);
  return newestFirst(raw.map(toWithdrawalRow));
}

export const withdrawalsQuery = (apiKey: string) =>
  queryOptions({ queryKey: exchangeKeys.withdrawals(apiKey), queryFn: () => getWithdrawals(apiKey), retry: false });

/** Poll while anything is open, or while the caller waits for something to appear. */
export function withdrawalsPollInterval(rows: WithdrawalRow[] | undefined, alsoPollWhile: boolean): number | false {
  return alsoPollWhile || (rows ?? []).some((row) => row.open) ? WITHDRAWALS_POLL_MS : false;
}

export interface WithdrawalListOptions {
  /** Poll also while this says so of the rows read so far (e.g. until an attempt shows up in them). */
  keepPollingWhile?: (rows: WithdrawalRow[] | undefined) => boolean;
}

/**
 * The list for these keys (nothing is read without them). Every observer polls on the same rule, and React
 * Query resets their timers on the same update, so two views of the list still make one request per period.
 * Paused while the tab is hidden; never retried.
 */
export function useWithdrawalList(apiKey: string | null, { keepPollingWhile }: WithdrawalListOptions = {}) {
  return useQuery({
    ...withdrawalsQuery(apiKey ?? ''),
    enabled: apiKey !== null,
    refetchInterval: (query) => withdrawalsPollInterval(query.state.data, keepPollingWhile?.(query.state.data) ?? false),
    refetchIntervalInBackground: false,
  });
}
