/**
 * What a withdrawal's status means to the person, in words, and whether it is still moving (which is
 * what keeps the withdrawal list polling). The exchange documents PENDING, ACTIVE, COMPLETED, CANCELLED
 * and REJECTED; anything else is shown exactly as the exchange gave it.
 */
const STATUS_WORDS: Record<string, string> = {
  PENDING: 'Awaiting email confirmation',
  ACTIVE: 'Processing',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  REJECTED: 'Rejected',
};

const OPEN_STATUSES = new Set(['PENDING', 'ACTIVE']);

export function statusInWords(status: string): string {
  return STATUS_WORDS[status.trim().toUpperCase()] ?? status;
}

/** Still waiting for the email or being processed: its status will change without anyone asking. */
export function isOpenStatus(status: string): boolean {
  return OPEN_STATUSES.has(status.trim().toUpperCase());
}
