import { describe, expect, it } from 'vitest';
import { validate } from './bitcoin';
import { BASE58_ALPHABET, BECH32_ALPHABET, VALID, withOneCharacterChanged } from './test-vectors';

describe('Bitcoin addresses', () => {
  it.each(VALID.bitcoin)('accepts %s', (address) => {
    expect(validate(address)).toMatchObject({ ok: true, value: address, kind: expect.stringContaining('Bitcoin') });
  });

  it('refuses each published address with any one character changed', () => {
    for (const address of VALID.bitcoin) {
      const alphabet = /^(bc|tb)1/.test(address) ? BECH32_ALPHABET : BASE58_ALPHABET;
      for (const changed of withOneCharacterChanged(address, alphabet)) {
        expect(validate(changed), changed).toMatchObject({ ok: false, message: expect.stringContaining('Bitcoin') });
      }
    }
  });

  it.each([
    // BIP-350 "Test vectors for v0-v16 native segregated witness addresses": invalid ones.
    ['tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', 'Not a valid Bitcoin address'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'segwit'],
    ['BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', 'segwit'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'segwit'],
    ['bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du', 'segwit'],
  ])('refuses the BIP-350 invalid vector %s (%s)', (address, message) => {
    expect(validate(address)).toMatchObject({ ok: false, message: expect.stringContaining(message) });
  });

  it('names what another chain’s address looks like', () => {
    expect(validate('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toEqual({
      ok: false,
      message: 'A Bitcoin address starts with 1, 3 or bc1 (testnet: m, n, 2 or tb1); this looks like a TRON address.',
    });
  });
});
