/**
 * The exact bytes that get signed and sent for POST /auth/withdraw.
 *
 * The exchange verifies the HMAC over the raw body, so the body is built once, here, and the very same
 * string is both signed and sent. Fields go in the order the exchange documents: asset, qty, address,
 * timestamp. URLSearchParams is the platform's application/x-www-form-urlencoded serializer; for the
 * characters a valid asset, decimal quantity and address can hold, it agrees with every other encoder.
 */
export interface WithdrawalPayload {
  asset: string;
  /** A plain decimal string, exactly as the person meant it (never a float, never an exponent). */
  qty: string;
  address: string;
  /** Integer milliseconds since the epoch, taken when the person confirms. */
  timestamp: number;
}

/** The one serialisation: the fields in the documented order, through the platform's form encoder. */
function serialize(fields: Omit<WithdrawalPayload, 'timestamp'>, timestamp: string): string {
  return new URLSearchParams([
    ['asset', fields.asset],
    ['qty', fields.qty],
    ['address', fields.address],
    ['timestamp', timestamp],
  ]).toString();
}

export function encodeWithdrawalBody(payload: WithdrawalPayload): string {
  if (!Number.isSafeInteger(payload.timestamp) || payload.timestamp <= 0) {
    throw new RangeError(`timestamp must be a positive integer of milliseconds, got ${String(payload.timestamp)}`);
  }
  return serialize(payload, String(payload.timestamp));
}

/**
 * The body as the review shows it before the person confirms: everything that will be signed, ending in
 * `timestamp=` because the timestamp is only read at the moment of confirming. Same encoder, same order.
 */
export function previewWithdrawalBody(fields: Omit<WithdrawalPayload, 'timestamp'>): string {
  return serialize(fields, '');
}
