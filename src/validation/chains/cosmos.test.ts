import { bech32 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { validate } from './cosmos';
import { BECH32_ALPHABET, VALID, withOneCharacterChanged } from './test-vectors';

/** The same account bytes under another prefix (what a wallet of another Cosmos network shows). */
function withPrefix(address: string, prefix: string): string {
  return bech32.encode(prefix, bech32.decode(address as `${string}1${string}`).words);
}

describe('Cosmos Hub addresses', () => {
  it.each(VALID.cosmos)('accepts %s', (address) => {
    expect(validate(address)).toEqual({ ok: true, value: address, kind: 'Cosmos Hub address' });
  });

  it('accepts a 32-byte account (module accounts, secp256r1 keys)', () => {
    const address = bech32.encode('cosmos', bech32.toWords(new Uint8Array(32).fill(1)));
    expect(validate(address)).toMatchObject({ ok: true });
  });

  it('refuses each published address with any one character changed', () => {
    for (const address of VALID.cosmos) {
      for (const changed of withOneCharacterChanged(address, BECH32_ALPHABET)) {
        expect(validate(changed), changed).toMatchObject({ ok: false, message: expect.stringContaining('Cosmos Hub') });
      }
    }
  });

  it('refuses a validator operator address: never a withdrawal destination', () => {
    // KiFoundation/cosmos-indexer, backend_test.go: Strangelove's validator operator address.
    expect(validate('cosmosvaloper130mdu9a0etmeuw52qfxk73pn0ga6gawkxsrlwf')).toMatchObject({
      ok: false,
      message: expect.stringContaining('validator operator address (cosmosvaloper1…), which identifies a validator for staking and is never a withdrawal destination'),
    });
  });

  it.each([
    [withPrefix('cosmos1r5v5srda7xfth3hn2s26txvrcrntldjumt8mhl', 'osmo'), 'this is an address of Osmosis (osmo1…), another network'],
    // Zondax ledger-cosmos-js, tests/basic.spec.js: a Terra address.
    ['terra1w34k53py5v5xyluazqpq65agyajavep29d9qch', 'this is an address of Terra (terra1…)'],
    [withPrefix('cosmos1r5v5srda7xfth3hn2s26txvrcrntldjumt8mhl', 'zzz'), 'a bech32 address with the prefix zzz, of another network or role'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'this looks like a Bitcoin address'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'A Cosmos Hub address starts with cosmos1; this looks like an Ethereum address'],
  ])('refuses %s, naming what it is', (address, message) => {
    expect(validate(address)).toMatchObject({ ok: false, message: expect.stringContaining(message) });
  });

  it('refuses a cosmos1 address of neither 20 nor 32 bytes', () => {
    const address = bech32.encode('cosmos', bech32.toWords(new Uint8Array(21)));
    expect(validate(address)).toMatchObject({ ok: false, message: expect.stringContaining('neither 20 nor 32 bytes') });
  });
});
