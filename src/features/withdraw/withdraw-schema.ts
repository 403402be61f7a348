import { z } from 'zod';
import { ASSET_IDS, type AssetId } from '../../config/assets';
import { validateAddress, type BitcoinNetwork } from '../../validation/address';
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

export const withdrawSchema = z
  .object({ asset: z.enum(ASSET_IDS, 'Choose an asset.'), qty: z.string(), address: z.string() })
  .transform((values, ctx): WithdrawalDraft => {
    const qty = parseQuantity(values.qty);
    if (!qty.ok) ctx.addIssue({ code: 'custom', path: ['qty'], message: qty.message });
    const address = validateAddress(values.asset, values.address);
    if (!address.ok) ctx.addIssue({ code: 'custom', path: ['address'], message: address.message });
    if (!qty.ok || !address.ok) return z.NEVER;
    return {
      asset: values.asset,
      qty: qty.value,
      address: address.value,
      addressKind: address.kind,
      addressNetwork: address.network,
    };
  });
