import { bech32 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { validate as validateAvalanche } from './avalanche-c';
import { validate as validateBnb } from './bnb-smart-chain';
import { validate as validateEthereum, toChecksumAddress } from './ethereum';
import { VALID } from './test-vectors';

const HEX = '0123456789abcdefABCDEF';

const CHAINS = [
  ['Ethereum', validateEthereum],
  ['BNB Smart Chain (BEP-20)', validateBnb],
  ['Avalanche C-Chain', validateAvalanche],
] as const;

describe.each(CHAINS)('%s addresses', (label, validate) => {
  it.each(VALID.ethereum)('accepts the EIP-55 example %s, checksum verified', (address) => {
    expect(validate(address)).toEqual({ ok: true, value: address, kind: `${label} address (EIP-55 checksum verified)` });
    expect(toChecksumAddress(address.slice(2))).toBe(address);
  });

  it('refuses each EIP-55 example with any one hex character changed', () => {
    for (const address of VALID.ethereum) {
      for (let index = 2; index < address.length; index++) {
        const char = address.charAt(index);
        // Another digit or letter, or the same letter in the other case.
        const replacement = HEX.charAt((HEX.indexOf(char) + 1) % HEX.length);
        const changed = address.slice(0, index) + replacement + address.slice(index + 1);
        expect(validate(changed), changed).toMatchObject({ ok: false, message: expect.stringContaining(`${label} address does not match its EIP-55`) });
      }
    }
  });

  it('accepts an all-lowercase address and says there is no checksum to verify', () => {
    expect(validate('0x829bd824b016326a401d083b33d092293333a830')).toMatchObject({ ok: true, kind: expect.stringContaining('no checksum') });
  });

  it('refuses a wrong length, naming the chain and what the input looks like', () => {
    expect(validate('0x829bd824b016326a401d083b33d092293333a83')).toEqual({
      ok: false,
      message: `${/^[AEIOU]/.test(label) ? 'An' : 'A'} ${label} address is 0x followed by 40 hexadecimal characters (0-9, a-f).`,
    });
    expect(validate('rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh')).toMatchObject({
      message: expect.stringContaining(`${label} address is 0x followed by 40 hexadecimal characters (0-9, a-f); this looks like an XRP Ledger address.`),
    });
  });
});

describe('BNB Smart Chain', () => {
  it('refuses a BNB Beacon Chain address in words', () => {
    // blockchain_utils (mrtnetwork) address test vectors: a bnb1 address.
    expect(validateBnb('bnb1vhvnd7v8900adfytj2yl9sldapa6p9ghcnaqtz')).toEqual({
      ok: false,
      message: 'Not a BNB Smart Chain address: the BNB Beacon Chain (bnb1…) is retired; this asset is sent on BNB Smart Chain (BEP-20) to a 0x address.',
    });
  });
});

describe('Avalanche C-Chain', () => {
  // Avalanche X- and P-Chain addresses: the chain letter, a dash and bech32 with the prefix avax (built here
  // from a 20-byte account, as Avalanche's wallets show them).
  const account = bech32.encode('avax', bech32.toWords(new Uint8Array(20).fill(7)));

  it.each([
    ['X', 'X-Chain'],
    ['P', 'P-Chain'],
  ])('refuses an %s-avax1 address, naming the %s', (letter, chain) => {
    expect(validateAvalanche(`${letter}-${account}`)).toEqual({
      ok: false,
      message: `Not an Avalanche C-Chain address: this is an address of Avalanche's ${chain} (${letter}-avax1…); this asset is sent on the Avalanche C-Chain, to a 0x address only.`,
    });
  });
});
