/**
 * The checksum algorithms behind address validation: keccak-256 for EIP-55, Base58Check (double SHA-256) and
 * bech32/bech32m for Bitcoin, from the audited @noble/hashes and @scure/base. A module of its own so the page
 * loads these bytes only when an address is first checked, not before its first paint.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bech32, bech32m, createBase58check } from '@scure/base';

export { bech32, bech32m };

/** keccak-256 of the text's UTF-8 bytes, as lowercase hex. */
export function keccak256Hex(text: string): string {
  return bytesToHex(keccak_256(new TextEncoder().encode(text)));
}

export const base58check = createBase58check(sha256);
