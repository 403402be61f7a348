/**
 * The withdrawal form's rules, built from the account limits the exchange gave (free balance, fee,
 * permission), so a quantity the exchange would refuse is refused at the quantity field before anything
 * is signed. Where a limit is unknown it is not enforced: the form shows a warning instead.
 */
import { z } from 'zod/mini';
import { BUILT_IN_ASSETS, type AssetId, type ChainId, type OfferedAsset } from '../../config/assets';
import type { AddressNetwork } from '../../validation/chains';
import { compareDecimals } from '../../validation/decimal';
import { parseQuantity } from '../../validation/quantity';
import { NO_LIMITS, quantityRefusal, type LimitsFor } from './account-limits';

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
  addressNetwork?: AddressNetwork | undefined;
  /** The chain it is sent on; null when the page has no rules for the asset. */
  chain: ChainId | null;
  /** Whether the address passed its chain's rules here (false: the person must check it themselves). */
  addressChecked: boolean;
  /** The destination usually needs a memo or tag, which this API cannot send. */
  memo: boolean;
}

/** Why the exchange's own facts about the asset refuse this quantity (its minimum), or null. */
export function assetQuantityRefusal(asset: OfferedAsset, qty: string): string | null {
  if (asset.minimum !== null && compareDecimals(qty, asset.minimum) < 0) {
    return `The exchange's smallest withdrawal of ${asset.id} is ${asset.minimum} ${asset.id}.`;
  }
  return null;
}

/** The address refusal when its chain's rules could not be fetched. */
export const ADDRESS_RULES_NOT_LOADED = 'The address rules of this chain could not be loaded (the connection may have dropped): try again, or reload the page.';

type AddressCheck = { ok: true; value: string; kind: string; network?: AddressNetwork | undefined; checked: boolean } | { ok: false; message: string };

/**
 * The address by the rules of the asset's chain. For an asset the page has no rules for, only what every chain
 * shares (something entered, nothing invisible, no spaces) is checked, and the address is marked unchecked: it is
 * never judged by another chain's rules.
 */
async function checkAddress(asset: OfferedAsset, input: string): Promise<AddressCheck> {
  // The rules load when an address is first checked, and each chain's checksum code only when that chain is chosen.
  // Code that cannot be fetched checks nothing, so the address is refused (and checked again at the next try).
  let rules;
  try {
    rules = await import('../../validation/chains');
  } catch {
    return { ok: false, message: ADDRESS_RULES_NOT_LOADED };
  }
  const { CHAIN_NAMES, precheckAddress, validateAddress } = rules;
  const checked = precheckAddress(input);
  if (!checked.ok) return checked;
  if (asset.chain === null) return { ok: true, value: checked.value, kind: 'not checked by this page', checked: false };
  let result;
  try {
    result = await validateAddress(asset.chain, checked.value);
  } catch {
    return { ok: false, message: ADDRESS_RULES_NOT_LOADED };
  }
  if (result.ok) return { ...result, checked: true };
  // Which chain the address must be of, in the asset's terms: "USDT here is the Ethereum (ERC-20) token."
  const chainName = CHAIN_NAMES[asset.chain];
  const token = asset.chain === 'ethereum' && asset.id !== 'ETH';
  return { ok: false, message: `${asset.id} ${token ? `here is the ${chainName} token` : `is sent on ${chainName}`}. ${result.message}` };
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
