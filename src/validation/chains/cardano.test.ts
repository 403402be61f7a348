import { base58, bech32 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { validate } from './cardano';
import { BASE58_ALPHABET, BECH32_ALPHABET, VALID, withOneCharacterChanged } from './test-vectors';

describe('Cardano addresses', () => {
  it.each(VALID.cardano)('accepts %s', (address) => {
    const testnet = address.startsWith('addr_test1') || address.startsWith('37btjr');
    expect(validate(address)).toMatchObject({ ok: true, value: address, network: testnet ? 'testnet' : 'mainnet' });
  });

  it('describes Shelley and Byron addresses and their network for the review', () => {
    expect(validate(VALID.cardano[0] ?? '')).toMatchObject({ kind: 'Cardano Shelley address' });
    expect(validate(VALID.cardano[8] ?? '')).toMatchObject({ kind: 'Cardano Shelley address (testnet)' });
    expect(validate('Ae2tdPwUPEZFRbyhz3cpfC2CumGzNkFBN2L42rcUc2yjQpEkxDbkPodpMAi')).toMatchObject({ kind: 'Cardano Byron (legacy) address' });
  });

  // CIP-19, "User-facing Encoding", examples table.
  it('accepts the Byron example of the CIP-19 table (testnet)', () => {
    expect(
      validate('37btjrVyb4KDXBNC4haBVPCrro8AQPHwvCMp3RFhhSVWwfFmZ6wwzSK6JK1hY6wHNmtrpTf1kdbva8TCneM2YsiXT7mrzT21EacHnPpz5YyUdj64na'),
    ).toMatchObject({ ok: true, kind: 'Cardano Byron (legacy) address (testnet)' });
  });

  it('refuses the Shelley example of the CIP-19 table: its header (0x60) says testnet under the mainnet addr1', () => {
    // The ledger refuses an output to an address of another network, so this could not be sent on mainnet.
    expect(validate('addr1vpu5vlrf4xkxv2qpwngf6cjhtw542ayty80v8dyr49rf5eg0yu80w')).toMatchObject({
      ok: false,
      message: expect.stringContaining('says it is for network 0'),
    });
  });

  it('refuses each published address with any one character changed', () => {
    for (const address of VALID.cardano) {
      const alphabet = address.startsWith('addr') ? BECH32_ALPHABET : BASE58_ALPHABET;
      for (const changed of withOneCharacterChanged(address, alphabet)) {
        expect(validate(changed), changed).toMatchObject({ ok: false, message: expect.stringContaining('Cardano') });
      }
    }
  });

  it.each([
    // CIP-19 "Test Vectors": type-14 and type-15 (mainnet), type-14 (testnet).
    'stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw',
    'stake178phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gtcccycj5',
    'stake_test1uqehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gssrtvn',
  ])('refuses the stake (reward) address %s in words', (address) => {
    expect(validate(address)).toMatchObject({
      ok: false,
      message: expect.stringContaining('this is a stake (reward) address (stake1…), which names who stakes, not where funds go'),
    });
  });

  it('refuses an addr1 address whose header says testnet (CIP-19 testnet bytes under the mainnet prefix)', () => {
    const testnet = bech32.decode(VALID.cardano[8] as `${string}1${string}`, false);
    const mislabelled = bech32.encode('addr', testnet.words, false);
    expect(validate(mislabelled)).toMatchObject({ ok: false, message: expect.stringContaining('starts with addr1 (mainnet) but says it is for network 0') });
  });

  it('refuses, without running out of memory, base58 whose CBOR declares a huge array', () => {
    // 0x9b: an array with a 64-bit length; then 8 bytes of 0xff.
    const hostile = base58.encode(Uint8Array.of(0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x82, 0x00));
    expect(validate(hostile)).toMatchObject({ ok: false, message: expect.stringContaining('Cardano') });
  });

  it('refuses another chain’s address, saying what it looks like', () => {
    expect(validate('rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh')).toEqual({
      ok: false,
      message: 'A Cardano address starts with addr1 (testnet: addr_test1), or Ae2 or DdzFF for a legacy Byron address; this looks like an XRP Ledger address.',
    });
  });
});
