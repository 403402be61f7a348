/**
 * Algorand withdrawal addresses: 58 characters of RFC 4648 base32 without padding (@scure/base), decoding to
 * a 32-byte public key and the last 4 bytes of its SHA-512/256 (@noble/hashes) as checksum.
 */
import { sha512_256 } from '@noble/hashes/sha2.js';
import { base32nopad } from '@scure/base';
import type { AddressResult } from '../chains';
import { refuseForm } from './foreign-address';
import { decodeOrNull } from './decode';

const SHAPE = /^[A-Z2-7]{58}$/;

export function validate(value: string): AddressResult {
  if (!SHAPE.test(value)) {
    return refuseForm('algorand', 'An Algorand address is 58 characters: capital letters A to Z and digits 2 to 7', value);
  }
  const invalid: AddressResult = {
    ok: false,
    message: 'Not a valid Algorand address: its checksum or characters are wrong. Copy it again from its source.',
  };
  const bytes = decodeOrNull(base32nopad, value);
  if (bytes === null) return invalid;
  if (bytes.length !== 36) return invalid;
  const key = bytes.subarray(0, 32);
  const expected = sha512_256(key).subarray(-4);
  if (!bytes.subarray(32).every((byte, index) => byte === expected[index])) return invalid;
  return { ok: true, value, kind: 'Algorand address' };
}
