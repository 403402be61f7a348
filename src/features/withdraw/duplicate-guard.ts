/**
 * A withdrawal sent twice by mistake (a double click yesterday, a second tab, a retry after an unclear answer)
 * costs real money. Before signing, the review looks in the exchange's list for the same asset, the same
 * quantity and the same address that is still open or was created in the last 24 h, and names it. Pure.
 */
import type { WithdrawalRow } from '../../exchange/withdrawals';
import { compareDecimals } from '../../validation/decimal';
import { sameAddress } from '../../validation/look-alike';

/** How far back a settled withdrawal still counts as a possible duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface WithdrawalToCheck {
  asset: string;
  /** A plain decimal string (the normalised quantity). */
  qty: string;
  address: string;
}

function isDuplicate(draft: WithdrawalToCheck, row: WithdrawalRow, now: number): boolean {
  if (row.asset.trim().toUpperCase() !== draft.asset.trim().toUpperCase()) return false;
  if (row.qty === null || compareDecimals(row.qty, draft.qty) !== 0) return false;
  if (!sameAddress(row.address, draft.address)) return false;
  // An open one can be doubled whatever its age; an open one with an unknown time counts (the safe mistake).
  if (row.open) return true;
  return row.time !== null && now - row.time <= DUPLICATE_WINDOW_MS;
}

/**
 * The rows that may be this same withdrawal already: same asset, exactly equal quantity, same address (hex and
 * bech32 in any case, others exactly), and open (PENDING/ACTIVE) or created within 24 h of `now`. Newest first.
 */
export function findRecentDuplicates(draft: WithdrawalToCheck, rows: readonly WithdrawalRow[], now: number): WithdrawalRow[] {
  return rows.filter((row) => isDuplicate(draft, row, now)).sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity));
}
