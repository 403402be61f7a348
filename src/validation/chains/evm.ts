/**
 * The address rules shared by the EVM chains (Ethereum, BNB Smart Chain, Avalanche C-Chain): 0x and 40 hex
 * digits, with the EIP-55 checksum verified when the address is written in mixed case (keccak256 from the
 * audited @noble/hashes). Each chain's module names itself and adds the look-alikes of its own ecosystem.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { AddressResult, ChainId } from '../chains';
import { refuseForm } from './foreign-address';

const EVM_SHAPE = /^0x[0-9a-fA-F]{40}$/;

/** `label` is the chain as the messages name it ("Ethereum", "BNB Smart Chain (BEP-20)"). */
export function validateEvmAddress(chain: ChainId, label: string, value: string): AddressResult {
  if (!EVM_SHAPE.test(value)) {
    return refuseForm(chain, `${withArticle(label)} address is 0x followed by 40 hexadecimal characters (0-9, a-f)`, value);
  }
  const hex = value.slice(2);
  const hasChecksumCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  if (!hasChecksumCase) return { ok: true, value, kind: `${label} address (no checksum capitalisation to verify)` };
  if (value !== toChecksumAddress(hex)) {
    return {
      ok: false,
      message: `The capitalisation of this ${label} address does not match its EIP-55 checksum: it probably contains a typo. Copy it again from its source.`,
    };
  }
  return { ok: true, value, kind: `${label} address (EIP-55 checksum verified)` };
}

/** "An Ethereum", "A BNB Smart Chain (BEP-20)": the label with the article that starts a sentence. */
export function withArticle(label: string): string {
  return `${/^[AEIOU]/.test(label) ? 'An' : 'A'} ${label}`;
}

/** EIP-55: a hex letter is upper case when the matching nibble of keccak256(lowercase hex) is 8 or more. */
export function toChecksumAddress(hex: string): string {
  const lower = hex.toLowerCase();
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(lower)));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const char = lower.charAt(i);
    out += parseInt(hash.charAt(i), 16) >= 8 ? char.toUpperCase() : char;
  }
  return out;
}
