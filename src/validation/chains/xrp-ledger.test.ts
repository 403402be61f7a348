import { describe, expect, it } from 'vitest';
import { BASE58_ALPHABET, VALID, withOneCharacterChanged } from './test-vectors';
import { validate } from './xrp-ledger';

describe('XRP Ledger addresses', () => {
  it.each(VALID['xrp-ledger'])('accepts the classic address %s', (address) => {
    expect(validate(address)).toEqual({ ok: true, value: address, kind: 'XRP Ledger classic address (no destination tag is sent)' });
  });

  it('refuses each published address with any one character changed', () => {
    for (const address of VALID['xrp-ledger']) {
      for (const changed of withOneCharacterChanged(address, BASE58_ALPHABET)) {
        expect(validate(changed), changed).toMatchObject({ ok: false, message: expect.stringContaining('XRP Ledger address') });
      }
    }
  });

  it.each([
    // ripple-address-codec README, "X-address Conversion": a mainnet X-address (with tag 4294967295) and a test one.
    'XVLhHMPHU98es4dbozjVtdWzVrDjtV18pX8yuPT7y4xaEHi',
    'T7oKJ3q7s94kDH6tpkBowhetT1JKfcfdSCmAXbS75iATyLD',
  ])('refuses the X-address %s, asking for the classic address and warning that no tag is sent', (address) => {
    const result = validate(address);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('X-address: it includes a destination tag') });
    expect(result).toMatchObject({ message: expect.stringContaining('Ask for the classic address (starting with r)') });
    expect(result).toMatchObject({ message: expect.stringContaining('no tag will be sent') });
  });

  it('refuses a TRON address, saying so', () => {
    expect(validate('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toEqual({
      ok: false,
      message: 'An XRP Ledger address starts with r and is 25 to 35 characters long; this looks like a TRON address.',
    });
  });
});
