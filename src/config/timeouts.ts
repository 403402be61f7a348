/** How long the page waits for the exchange before it says so. Withdrawals get longer: they are not retried. */
export const WITHDRAW_TIMEOUT_MS = 20_000;
export const READ_TIMEOUT_MS = 10_000;
/** The app's own server answers which exchange it targets at once; it is not the exchange. */
export const TARGET_INFO_TIMEOUT_MS = 5_000;
/** Progress ("Sending…") shows once a request has taken this long; a sooner answer simply replaces the review. */
export const SHOW_PROGRESS_AFTER_MS = 100;
/** Keys unused this long (no pointer, key, input, wheel or touch on the page) are forgotten, as "Forget keys" does. */
export const KEYS_IDLE_MS = 15 * 60_000;
/** How long before that the page says so, with a "Keep using them" button. */
export const KEYS_IDLE_WARNING_MS = 60_000;
