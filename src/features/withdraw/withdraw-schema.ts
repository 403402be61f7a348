/**
 * The withdrawal form's rules, built from the account limits the exchange gave (free balance, fee,
 * permission), so a quantity the exchange would refuse is refused at the quantity field before anything
 * is signed. Where a limit is unknown it is not enforced: the form shows a warning instead.
 */
import { z } from 'zod/mini';
import { BUILT_IN_ASSETS, type AssetId, type ChainId, type OfferedAsset } from '../../config/assets';
import type { AccountLimits } from '../../exchange/account-figures';
import type { BitcoinNetwork } from '../../validation/address';
import { compareDecimals } from '../../validation/decimal';
import { describeInvisibleCharacters, findInvisibleCharacters } from '../../validation/invisible-characters';
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
  /** The chain it is sent on; null when the page has no rules for the asset. */
  chain: ChainId | null;
  /** Whether the address passed its chain's rules here (false: the person must check it themselves). */
  addressChecked: boolean;
  /** The destination usually needs a memo or tag, which this API cannot send. */
  memo: boolean;
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

/** Why the exchange's own facts about the asset refuse this quantity (its minimum), or null. */
export function assetQuantityRefusal(asset: OfferedAsset, qty: string): string | null {
  if (asset.minimum !== null && compareDecimals(qty, asset.minimum) < 0) {
    return `The exchange's smallest withdrawal of ${asset.id} is ${asset.minimum} ${asset.id}.`;
  }
  return null;
}

type AddressCheck = { ok: true; value: string; kind: string; network?: BitcoinNetwork | undefined; checked: boolean } | { ok: false; message: string };

/** What is checked for an asset the page has no chain rules for: that it is one plausible token, nothing more. */
function uncheckedAddress(input: string): AddressCheck {
  const value = input.trim();
  if (value === '') return { ok: false, message: 'Enter the address to withdraw to.' };
  const invisible = findInvisibleCharacters(value);
  if (invisible.length > 0) {
    return { ok: false, message: `The address contains ${describeInvisibleCharacters(invisible)}: it can make the address read differently from what would be sent. Type or copy it again from its source.` };
  }
  if (/\s/.test(value)) return { ok: false, message: 'The address must not contain spaces or line breaks.' };
  return { ok: true, value, kind: 'not checked by this page', checked: false };
}

async function checkAddress(asset: OfferedAsset, input: string): Promise<AddressCheck> {
  if (asset.chain === null) return uncheckedAddress(input);
  // The address rules and their checksum algorithms (address.ts) load when an address is first checked.
  const { validateAddress } = await import('../../validation/address');
  const result = validateAddress(asset.id, input);
  return result.ok ? { ...result, checked: true } : result;
}

/**
 * The form's schema with the offered assets (their decimals, minimum, whether withdrawals are on, their chain) and
 * the account's limits (looked up for the asset being validated, so a change of asset can never be checked
 * against another asset's balance). Memoise it on the data both come from.
 */
export function withdrawSchema(limitsFor: LimitsFor = NO_LIMITS, offered: readonly OfferedAsset[] = BUILT_IN_ASSETS) {
  return z.pipe(
    z.object({ asset: z.string(), qty: z.string(), address: z.string() }),
    z.transform(async (values, ctx): Promise<WithdrawalDraft> => {
      const asset = offered.find((candidate) => candidate.id === values.asset);
      if (!asset) {
        ctx.issues.push({ code: 'custom', path: ['asset'], message: 'Choose an asset.', input: values.asset });
        return z.NEVER;
      }
      const assetOff = asset.withdrawalsEnabled === false;
      if (assetOff) {
        const message = `The exchange lists withdrawals of ${asset.id} as switched off, so it would refuse this.`;
        ctx.issues.push({ code: 'custom', path: ['asset'], message, input: values.asset });
      }
      const qty = parseQuantity(values.qty, asset.maxDecimals);
      const refusal = qty.ok ? (quantityRefusal(asset.id, qty.value, limitsFor(asset.id)) ?? assetQuantityRefusal(asset, qty.value)) : qty.message;
      if (refusal !== null) ctx.issues.push({ code: 'custom', path: ['qty'], message: refusal, input: values.qty });
      const address = await checkAddress(asset, values.address);
      if (!address.ok) ctx.issues.push({ code: 'custom', path: ['address'], message: address.message, input: values.address });
      if (assetOff || !qty.ok || refusal !== null || !address.ok) return z.NEVER;
      return {
        asset: asset.id,
        qty: qty.value,
        address: address.value,
        addressKind: address.kind,
        addressNetwork: address.network,
        chain: asset.chain,
        addressChecked: address.checked,
        memo: asset.memo,
      };
    }),
  );
}
