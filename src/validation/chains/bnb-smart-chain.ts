/**
 * BNB Smart Chain (BEP-20) withdrawal addresses: the EVM rules. A bnb1… address of the retired BNB Beacon
 * Chain is refused in words, since people holding BNB still meet it.
 */
import type { AddressResult } from '../chains';
import { validateEvmAddress } from './evm';

export function validate(value: string): AddressResult {
  if (/^t?bnb1/i.test(value)) {
    return {
      ok: false,
      message:
        'Not a BNB Smart Chain address: the BNB Beacon Chain (bnb1…) is retired; this asset is sent on BNB Smart Chain (BEP-20) to a 0x address.',
    };
  }
  return validateEvmAddress('bnb-smart-chain', 'BNB Smart Chain (BEP-20)', value);
}
