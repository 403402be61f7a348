import { describe, expect, it } from 'vitest';
import { validate } from './algorand';
import { VALID, withOneCharacterChanged } from './test-vectors';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

describe('Algorand addresses', () => {
  it.each(VALID.algorand)('accepts %s', (address) => {
    expect(validate(address)).toEqual({ ok: true, value: address, kind: 'Algorand address' });
  });

  it('refuses each published address with any one character changed', () => {
    for (const address of VALID.algorand) {
      for (const changed of withOneCharacterChanged(address, BASE32)) {
        expect(validate(changed), changed).toMatchObject({ ok: false, message: expect.stringContaining('Algorand address') });
      }
    }
  });

  it.each([
    ['vcmjkwoy5p5p7skmzffoceropjczotijmniynuckh7lro45jmjp6uybija', 'capital letters A to Z and digits 2 to 7'],
    ['VCMJKWOY5P5P7SKMZFFOCEROPJCZOTIJMNIYNUCKH7LRO45JMJP6UYBIJ', 'An Algorand address is 58 characters'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'this looks like an Ethereum address'],
  ])('refuses %s', (address, message) => {
    expect(validate(address)).toMatchObject({ ok: false, message: expect.stringContaining(message) });
  });
});
