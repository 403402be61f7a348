/**
 * What a withdrawal's status means to the person, in words, and whether it is still moving (which is
 * what keeps the withdrawal list polling). The exchange documents PENDING, ACTIVE, COMPLETED, CANCELLED
 * and REJECTED; anything else is shown exactly as the exchange gave it.
 */
import { OPEN_WITHDRAWAL_STATUSES, type WithdrawalStatus } from '../../contract/everstrike.mjs';

const STATUS_WORDS: Record<WithdrawalStatus, string> = {
  PENDING: 'Awaiting email confirmation',
  ACTIVE: 'Processing',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  REJECTED: 'Rejected',
};

const OPEN_STATUSES: ReadonlySet<string> = new Set(OPEN_WITHDRAWAL_STATUSES);

export function statusInWords(status: string): string {
  const known = status.trim().toUpperCase();
  return Object.hasOwn(STATUS_WORDS, known) ? STATUS_WORDS[known as WithdrawalStatus] : status;
}

/** Still waiting for the email or being processed: its status will change without anyone asking. */
export function isOpenStatus(status: string): boolean {
  return OPEN_STATUSES.has(status.trim().toUpperCase());
}
