/**
 * The withdrawal form's rules, built from the account limits the exchange gave (free balance, fee,
 * permission), so a quantity the exchange would refuse is refused at the quantity field before anything
 * is signed. Where a limit is unknown it is not enforced: the form shows a warning instead.
 */
import { z } from 'zod/mini';
import { ASSET_IDS, type AssetId } from '../../config/assets';
import type { AccountLimits } from '../../exchange/account-figures';
import type { BitcoinNetwork } from '../../validation/address';
import { compareDecimals } from '../../validation/decimal';
import { parseQuantity } from '../../validation/quantity';

/** What the form holds: exactly what the person typed. */
export interface WithdrawFormValues {
  asset: AssetId;
  qty: string;
  address: string;
}

/** What the form yields once valid: the normalised values that get signed, plus what the review shows. */
export interface WithdrawalDraft {
  asset: AssetId;
  qty: string;
  address: string;
  addressKind: string;
  addressNetwork?: BitcoinNetwork | undefined;
}

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

/**
 * The form's schema with the account's limits (looked up for the asset being validated, so a change of asset
 * can never be checked against another asset's balance). Memoise it on the data the limits come from.
 */
export function withdrawSchema(limitsFor: LimitsFor = NO_LIMITS) {
  return z.pipe(
    z.object({ asset: z.enum(ASSET_IDS, 'Choose an asset.'), qty: z.string(), address: z.string() }),
    z.transform(async (values, ctx): Promise<WithdrawalDraft> => {
      const qty = parseQuantity(values.qty);
      const refusal = qty.ok ? quantityRefusal(values.asset, qty.value, limitsFor(values.asset)) : qty.message;
      if (refusal !== null) ctx.issues.push({ code: 'custom', path: ['qty'], message: refusal, input: values.qty });
      // The address rules and their checksum algorithms (address.ts) load when an address is first checked.
      const { validateAddress } = await import('../../validation/address');
      const address = validateAddress(values.asset, values.address);
      if (!address.ok) ctx.issues.push({ code: 'custom', path: ['address'], message: address.message, input: values.address });
      if (!qty.ok || refusal !== null || !address.ok) return z.NEVER;
      return {
        asset: values.asset,
        qty: qty.value,
        address: address.value,
        addressKind: address.kind,
        addressNetwork: address.network,
      };
    }),
  );
}
