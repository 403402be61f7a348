/**
 * Polkadot withdrawal addresses: SS58, base58 (@scure/base) of a network prefix, a 32-byte public key and the
 * first 2 bytes of blake2b-512 over 'SS58PRE' ‖ prefix ‖ key (@noble/hashes). Only prefix 0 is Polkadot; the
 * same key written for Kusama (2), generic Substrate (42) or another network is refused, named.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base58 } from '@scure/base';
import type { AddressResult } from '../chains';
import { refuseForm } from './foreign-address';
import { decodeOrNull } from './decode';

const FORM = 'A Polkadot address starts with 1 and is 47 or 48 base58 characters';
const SS58PRE = utf8ToBytes('SS58PRE');
const POLKADOT = 0;
const OTHER_NETWORKS: Record<number, string> = { 2: 'Kusama', 42: 'generic Substrate' };

/** The SS58 network prefix and its length in bytes: one byte below 64, two (14 bits) from 64 to 16383. */
function readPrefix(bytes: Uint8Array): { network: number; length: number } | null {
  const [first, second] = bytes;
  if (first === undefined) return null;
  if (first < 64) return { network: first, length: 1 };
  if (first < 128 && second !== undefined) {
    return { network: ((first & 0x3f) << 2) | (second >> 6) | ((second & 0x3f) << 8), length: 2 };
  }
  return null;
}

export function validate(value: string): AddressResult {
  const bytes = decodeOrNull(base58, value);
  if (bytes === null) return refuseForm('polkadot', FORM, value);
  const prefix = readPrefix(bytes);
  // A 32-byte account and a 2-byte checksum after the prefix.
  if (!prefix || bytes.length !== prefix.length + 34) return refuseForm('polkadot', FORM, value);

  const body = bytes.subarray(0, prefix.length + 32);
  const expected = blake2b(concatBytes(SS58PRE, body), { dkLen: 64 }).subarray(0, 2);
  if (!bytes.subarray(body.length).every((byte, index) => byte === expected[index])) {
    return {
      ok: false,
      message: 'Not a valid Polkadot address: its checksum or characters are wrong. Copy it again from its source.',
    };
  }
  if (prefix.network !== POLKADOT) {
    const name = OTHER_NETWORKS[prefix.network];
    const what = name === undefined ? `an address of the network with SS58 prefix ${prefix.network}` : `a ${name} address (SS58 prefix ${prefix.network})`;
    return {
      ok: false,
      message: `Not a Polkadot address: this is ${what}. A Polkadot address starts with 1 (SS58 prefix 0); your wallet can show the same account in its Polkadot form.`,
    };
  }
  return { ok: true, value, kind: 'Polkadot address' };
}
