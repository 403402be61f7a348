/**
 * What the account's limits (free balance, fee, permission) say of a quantity, apart from the form's schema: the
 * flow checks a reviewed quantity against fresh limits before it signs, and the form lists what is unknown, on the
 * first screen, whose code the schema (loaded with the first validation) is not part of.
 */
import type { AssetId } from '../../config/assets';
import type { AccountLimits } from '../../exchange/account-figures';
import { compareDecimals } from '../../validation/decimal';

/** Why this (valid, normalised) quantity cannot be sent with these limits, or null. Limits of another asset say nothing. */
export function quantityRefusal(asset: AssetId, qty: string, limits: AccountLimits | null): string | null {
  if (!limits || limits.asset !== asset) return null;
  if (limits.withdrawEnabled === false) {
    return 'The exchange says withdrawals are not enabled for this account or API key, so this cannot be sent.';
  }
  if (limits.free !== null && compareDecimals(qty, limits.free) > 0) {
    return `This is more than your free balance of ${limits.free} ${asset}.`;
  }
  if (limits.fee !== null && compareDecimals(qty, limits.fee) <= 0) {
    return `The withdrawal fee is ${limits.fee} ${asset}: enter more than that, or nothing would arrive.`;
  }
  return null;
}

/** What cannot be checked before signing because the exchange has not said (shown as a warning, not an error). */
export function unknownLimitWarnings(limits: AccountLimits): string[] {
  const warnings: string[] = [];
  if (limits.free === null) warnings.push('Your free balance is unknown, so this quantity is not checked against it: the exchange will judge it.');
  if (limits.fee === null) warnings.push('The withdrawal fee is unknown, so neither the amount that arrives nor the smallest quantity is known.');
  if (limits.withdrawEnabled === null) warnings.push('Whether this key may withdraw is unknown: the exchange will say.');
  return warnings;
}

/** The account limits for an asset; null where none are known (e.g. without keys). */
export type LimitsFor = (asset: AssetId) => AccountLimits | null;

export const NO_LIMITS: LimitsFor = () => null;
