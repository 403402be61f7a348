/** How long the page waits for the exchange before it says so. Withdrawals get longer: they are not retried. */
export const WITHDRAW_TIMEOUT_MS = 20_000;
export const READ_TIMEOUT_MS = 10_000;
