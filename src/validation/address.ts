/**
 * Compatibility for the current callers, keyed by asset: the asset's address family names a chain, whose rules
 * (chains/evm.ts, chains/bitcoin-address.ts) judge the address after the checks every chain shares
 * (chains.ts). The form schema loads this module when an address is first checked. New code uses
 * `validateAddress(chain, …)` from chains.ts, which loads only the chosen chain's rules.
 */
import { assetFamily, type AddressFamily, type AssetId } from '../config/assets';
import { precheckAddress, type AddressNetwork, type AddressResult } from './chains';
import { validateBitcoinAddress } from './chains/bitcoin-address';
import { validateEvmAddress } from './chains/evm';

export { toChecksumAddress } from './chains/evm';
export type { AddressResult } from './chains';
export type BitcoinNetwork = AddressNetwork;

/** Each address family of today's asset table is one chain of chains.ts. */
const RULES: Record<AddressFamily, (value: string) => AddressResult> = {
  ethereum: (value) => validateEvmAddress('ethereum', 'Ethereum', value),
  bitcoin: validateBitcoinAsset,
};

/** Today's wording for an Ethereum address given for BTC, which current callers show and test. */
function validateBitcoinAsset(value: string): AddressResult {
  if (value.startsWith('0x')) return { ok: false, message: 'This is an Ethereum address; BTC needs a Bitcoin address.' };
  return validateBitcoinAddress(value);
}

/** Checks a withdrawal address against the format (and checksum, where it has one) of the asset's chain. */
export function validateAddress(asset: AssetId, input: string): AddressResult {
  const checked = precheckAddress(input);
  if (!checked.ok) return checked;
  return RULES[assetFamily(asset)](checked.value);
}
