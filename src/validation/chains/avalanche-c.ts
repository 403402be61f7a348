/**
 * Avalanche C-Chain withdrawal addresses: the EVM rules. Addresses of Avalanche's other chains (X-avax1…,
 * P-avax1…) are refused in words: only the C-Chain's 0x address receives here.
 */
import type { AddressResult } from '../chains';
import { validateEvmAddress } from './evm';

const OTHER_CHAINS: Record<string, string> = { X: 'X-Chain', P: 'P-Chain' };

export function validate(value: string): AddressResult {
  const other = /^([XP])-(avax|fuji)1/i.exec(value);
  const otherChain = other?.[1] === undefined ? undefined : OTHER_CHAINS[other[1].toUpperCase()];
  if (otherChain !== undefined) {
    return {
      ok: false,
      message: `Not an Avalanche C-Chain address: this is an address of Avalanche's ${otherChain} (${other?.[0] ?? ''}…); this asset is sent on the Avalanche C-Chain, to a 0x address only.`,
    };
  }
  return validateEvmAddress('avalanche-c', 'Avalanche C-Chain', value);
}
