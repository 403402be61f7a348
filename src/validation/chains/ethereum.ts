/** Ethereum (ERC-20) withdrawal addresses: the EVM rules (0x, 40 hex digits, EIP-55 when mixed case). */
import type { AddressResult } from '../chains';
import { validateEvmAddress } from './evm';

export { toChecksumAddress } from './evm';

export function validate(value: string): AddressResult {
  return validateEvmAddress('ethereum', 'Ethereum', value);
}
