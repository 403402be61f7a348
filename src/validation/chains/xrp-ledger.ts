/**
 * XRP Ledger withdrawal addresses: the classic r… address, base58 in the XRPL alphabet (@scure/base
 * base58xrp) of a 0x00 version byte, a 20-byte account id and 4 bytes of double SHA-256 (@noble/hashes).
 * An X-address is refused: it packs a destination tag, which this exchange's withdrawal cannot send.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base58xrp } from '@scure/base';
import type { AddressResult } from '../chains';
import { refuseForm } from './foreign-address';
import { decodeOrNull } from './decode';

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';
const X_ADDRESS = new RegExp(`^[XT]${BASE58}{46}$`);
const CLASSIC = new RegExp(`^r${BASE58}{24,34}$`);
const FORM = 'An XRP Ledger address starts with r and is 25 to 35 characters long';

export function validate(value: string): AddressResult {
  if (X_ADDRESS.test(value)) {
    return {
      ok: false,
      message:
        'This is an XRP Ledger X-address: it includes a destination tag, and a withdrawal here cannot send a destination tag. Ask for the classic address (starting with r) instead, and know that no tag will be sent with it: if the recipient (an exchange, say) needs a tag, the funds may not reach their account.',
    };
  }
  if (!CLASSIC.test(value)) return refuseForm('xrp-ledger', FORM, value);

  const invalid: AddressResult = {
    ok: false,
    message: 'Not a valid XRP Ledger address: its checksum or characters are wrong. Copy it again from its source.',
  };
  const bytes = decodeOrNull(base58xrp, value);
  if (bytes === null) return invalid;
  // 1 version byte (0x00 for an account), 20 bytes of account id, 4 of checksum.
  if (bytes.length !== 25 || bytes[0] !== 0x00) return invalid;
  const expected = sha256(sha256(bytes.subarray(0, 21))).subarray(0, 4);
  const checksum = bytes.subarray(21);
  if (!checksum.every((byte, index) => byte === expected[index])) return invalid;
  return { ok: true, value, kind: 'XRP Ledger classic address (no destination tag is sent)' };
}
