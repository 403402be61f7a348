/**
 * After an answer whose outcome is unknown, the honest question is whether the exchange's list holds the
 * withdrawal. Pure matching of an attempt against list rows: same asset, the same quantity as an exact
 * decimal, the same address, created no earlier than the exchange's timestamp window before the signed time;
 * and what a read of the list says about the attempt (counting only a read made after the outcome was
 * unknown), in words.
 */
import { describeError } from '../../exchange/describe-error';
import { WITHDRAWALS_POLL_MS, type WithdrawalRow } from '../../exchange/withdrawals';
import { formatClockTime, formatDateTime } from '../../lib/format';
import { compareDecimals } from '../../validation/decimal';
import type { PendingAttempt } from './pending-attempt';
import type { UnresolvedAttempt } from './withdraw-flow';

/**
 * The exchange accepts a timestamp up to about 5 s off its clock, and the page corrects its own clock only
 * when it is a second or more off: a withdrawal it created can carry a time this much before the signed one.
 */
export const MATCH_WINDOW_MS = 5_000;

/**
 * Hex (0x…) and bech32 (bc1…, tb1…) addresses are case-insensitive; Base58 addresses are not, so they must be
 * equal character for character.
 */
export function sameAddress(a: string, b: string): boolean {
  const caseInsensitive = (address: string) => /^(0x|bc1|tb1)/i.test(address);
  if (caseInsensitive(a) && caseInsensitive(b)) return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function matches(attempt: PendingAttempt, row: WithdrawalRow): boolean {
  if (row.asset.toUpperCase() !== attempt.asset) return false;
  if (row.qty === null || compareDecimals(row.qty, attempt.qty) !== 0) return false;
  if (!sameAddress(row.address, attempt.address)) return false;
  // A row whose time cannot be read might be this one: saying "the exchange has it" is the safe mistake.
  return row.time === null || row.time >= attempt.startedAt - MATCH_WINDOW_MS;
}

/** The newest row that can be this attempt, or null. */
export function findAttemptMatch(attempt: PendingAttempt, rows: readonly WithdrawalRow[]): WithdrawalRow | null {
  const candidates = rows.filter((row) => matches(attempt, row));
  return candidates.reduce<WithdrawalRow | null>((newest, row) => (newest === null || (row.time ?? 0) > (newest.time ?? 0) ? row : newest), null);
}

/** What the withdrawal list says about an attempt whose outcome is unknown. */
export type AttemptResolution =
  | { kind: 'needs-keys' }
  | { kind: 'reading' }
  | { kind: 'read-failed'; problem: string }
  | { kind: 'found'; row: WithdrawalRow; asOf: number }
  | { kind: 'not-found'; asOf: number };

export interface ListView {
  data: WithdrawalRow[] | undefined;
  dataUpdatedAt: number;
  error: unknown;
  errorUpdatedAt: number;
}

/** Pure: only a list read after `readAfter` can tell; an older one says nothing about this attempt. */
export function resolveAttempt(unresolved: UnresolvedAttempt, hasKeys: boolean, list: ListView): AttemptResolution {
  if (!hasKeys) return { kind: 'needs-keys' };
  if (list.data !== undefined && list.dataUpdatedAt >= unresolved.readAfter) {
    const row = findAttemptMatch(unresolved.attempt, list.data);
    return row ? { kind: 'found', row, asOf: list.dataUpdatedAt } : { kind: 'not-found', asOf: list.dataUpdatedAt };
  }
  if (list.error && list.errorUpdatedAt >= unresolved.readAfter) {
    const { title, detail } = describeError(list.error);
    return { kind: 'read-failed', problem: `${title}: ${detail}` };
  }
  return { kind: 'reading' };
}

/** What the page says about the attempt, in one sentence. */
export function resolutionInWords(resolution: AttemptResolution): string {
  switch (resolution.kind) {
    case 'needs-keys':
      return 'Add your API key and secret above: the page then reads your withdrawal list to look for it.';
    case 'reading':
      return 'Reading your withdrawal list…';
    case 'read-failed':
      return `Your withdrawal list could not be read (${resolution.problem}) Check it on the exchange before you send again.`;
    case 'found': {
      const { row } = resolution;
      const when = row.time === null ? 'time unknown' : formatDateTime(row.time);
      return `The exchange has it: withdrawal ${row.id}, ${row.statusWords.toLowerCase()}, ${when}.`;
    }
    case 'not-found':
      return `Not in the list as of ${formatClockTime(resolution.asOf)}. It may still appear: the list is read again every ${WITHDRAWALS_POLL_MS / 1000} s.`;
  }
}
