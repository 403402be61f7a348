/**
 * What the review must make the person acknowledge before Confirm, from the draft and the exchange's own
 * withdrawal list: a memo the API cannot send, an address the page could not check, the same withdrawal already
 * open or sent in the last 24 h (by any tab, device or bot), an address that looks like one used before, or a
 * list that could not be read to tell. Also whether this is the first withdrawal to the address. Pure.
 */
import type { WithdrawalRow } from '../../exchange/withdrawals';
import { findLookAlikes, isFirstTimeAddress, previousAddresses } from '../../validation/look-alike';
import { findRecentDuplicates } from './duplicate-guard';
import type { WithdrawalDraft } from './withdraw-schema';

/** Each tick the review may ask for. */
export type Acknowledgement = 'no-memo' | 'unchecked-address' | 'second-withdrawal' | 'look-alike' | 'list-unread';

export interface ReviewChecks {
  /** The same withdrawal in the exchange's list (open, or within 24 h), newest first. */
  duplicates: WithdrawalRow[];
  /** Addresses withdrawn to before that this one looks like without being it. */
  lookAlikes: string[];
  /** No withdrawal of this asset to this address is in the list (null: the list is not known). */
  firstTime: boolean | null;
  /** The ticks Confirm waits for, in the order the review shows them. */
  required: Acknowledgement[];
}

/**
 * `rows` is the exchange's list as last read after the review opened; null while it is not known (not read yet,
 * or the read failed: `listFailed`).
 */
export function reviewChecks(draft: WithdrawalDraft, rows: readonly WithdrawalRow[] | null, listFailed: boolean, now: number): ReviewChecks {
  const duplicates = rows ? findRecentDuplicates(draft, rows, now) : [];
  const lookAlikes = rows ? findLookAlikes(draft.address, previousAddresses(rows, draft.asset)) : [];
  const required: Acknowledgement[] = [];
  if (draft.memo) required.push('no-memo');
  if (!draft.addressChecked) required.push('unchecked-address');
  if (duplicates.length > 0) required.push('second-withdrawal');
  if (lookAlikes.length > 0) required.push('look-alike');
  if (rows === null && listFailed) required.push('list-unread');
  return { duplicates, lookAlikes, firstTime: rows ? isFirstTimeAddress(draft.address, rows, draft.asset) : null, required };
}

/** Whether every tick asked for was given. */
export function allAcknowledged(required: readonly Acknowledgement[], given: readonly Acknowledgement[]): boolean {
  return required.every((needed) => given.includes(needed));
}
