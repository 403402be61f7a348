import { blake2b } from '@noble/hashes/blake2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base58 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { validate } from './polkadot';
import { ALICE_KUSAMA, ALICE_SUBSTRATE, BASE58_ALPHABET, VALID, withOneCharacterChanged } from './test-vectors';

/** Alice's key under another one-byte SS58 prefix, encoded as the SS58 spec says (for prefixes no source lists). */
function aliceWithPrefix(prefix: number): string {
  const key = base58.decode(ALICE_SUBSTRATE).subarray(1, 33);
  const body = concatBytes(Uint8Array.of(prefix), key);
  const checksum = blake2b(concatBytes(utf8ToBytes('SS58PRE'), body), { dkLen: 64 }).subarray(0, 2);
  return base58.encode(concatBytes(body, checksum));
}

describe('Polkadot addresses', () => {
  it.each(VALID.polkadot)('accepts %s', (address) => {
    expect(validate(address)).toEqual({ ok: true, value: address, kind: 'Polkadot address' });
  });

  it('encodes Alice under prefix 0 exactly as the published Polkadot address (the test encoder is right)', () => {
    expect(aliceWithPrefix(0)).toBe(VALID.polkadot[0]);
  });

  it('refuses each published address with any one character changed', () => {
    for (const address of VALID.polkadot) {
      for (const changed of withOneCharacterChanged(address, BASE58_ALPHABET)) {
        expect(validate(changed), changed).toMatchObject({ ok: false, message: expect.stringContaining('Polkadot address') });
      }
    }
  });

  it.each([
    [ALICE_KUSAMA, 'Not a Polkadot address: this is a Kusama address (SS58 prefix 2).'],
    [ALICE_SUBSTRATE, 'Not a Polkadot address: this is a generic Substrate address (SS58 prefix 42).'],
    [aliceWithPrefix(7), 'Not a Polkadot address: this is an address of the network with SS58 prefix 7.'],
  ])('refuses the same key for another network: %s', (address, message) => {
    expect(validate(address)).toMatchObject({ ok: false, message: expect.stringContaining(message) });
    expect(validate(address)).toMatchObject({ message: expect.stringContaining('A Polkadot address starts with 1 (SS58 prefix 0)') });
  });

  it('refuses what is not SS58, saying what it looks like', () => {
    expect(validate('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA')).toEqual({
      ok: false,
      message: 'A Polkadot address starts with 1 and is 47 or 48 base58 characters; this looks like a Solana address.',
    });
  });
});
