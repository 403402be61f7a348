import { describe, expect, it } from 'vitest';
import { findLookAlikes, isFirstTimeAddress, markDifferences, previousAddresses, sameAddress, splitAddress, type AddressRecord } from './look-alike';

const ETH = '0x829bd824b016326a401d083b33d092293333a830';
// Same first 4 and last 4 after 0x, different middle: what a poisoner makes.
const ETH_POISON = '0x829b0000000000000000000000000000000a830';
const BTC = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const BASE58 = 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8';

describe('splitAddress', () => {
  it.each([
    ['0xABCDEF0123', '0x', 'ABCDEF0123', true],
    ['bc1qar0srrr', 'bc1', 'qar0srrr', true],
    ['X-avax1abcdefgh', 'x-avax1', 'abcdefgh', true],
    ['addr_test1vq2', 'addr_test1', 'vq2', true],
    ['addr1qxy', 'addr1', 'qxy', true],
    ['cosmos1abc', 'cosmos1', 'abc', true],
    [BASE58, '', BASE58, false],
    ['0xnot-hex', '0x', 'not-hex', false],
  ])('%s → prefix %s', (address, prefix, body, caseInsensitive) => {
    expect(splitAddress(address)).toEqual({ prefix, body, caseInsensitive });
  });
});

describe('sameAddress', () => {
  it('takes hex and bech32 in any case, Base58 character for character', () => {
    expect(sameAddress(ETH, ETH.toUpperCase().replace('0X', '0x'))).toBe(true);
    expect(sameAddress(BTC, BTC.toUpperCase())).toBe(true);
    expect(sameAddress(BASE58, BASE58.toLowerCase())).toBe(false);
    expect(sameAddress(ETH, ETH_POISON)).toBe(false);
  });
});

describe('findLookAlikes', () => {
  it('finds a previous address with the same first and last 4 characters after 0x but another middle', () => {
    expect(findLookAlikes(ETH_POISON, [ETH])).toEqual([ETH]);
    expect(findLookAlikes(ETH, [ETH_POISON, '0x1111d824b016326a401d083b33d092293333a830'])).toEqual([ETH_POISON]);
  });

  it('compares hex in any case, and does not call the same address a look-alike', () => {
    expect(findLookAlikes(ETH_POISON.toUpperCase().replace('0X', '0x'), [ETH])).toEqual([ETH]);
    expect(findLookAlikes(ETH.toUpperCase().replace('0X', '0x'), [ETH])).toEqual([]);
    expect(findLookAlikes(ETH, [ETH])).toEqual([]);
  });

  it('looks past the bech32 prefix, not at it', () => {
    const poison = 'bc1qar0zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzf5mdq';
    expect(findLookAlikes(poison, [BTC])).toEqual([BTC]);
    // Sharing only "bc1q" and the end is not enough: the 4 characters after the prefix must match.
    expect(findLookAlikes('bc1qzzzzrrr7xfkvy5l643lydnw9re59gtzzwf5mdq', [BTC])).toEqual([]);
  });

  it('compares Base58 with its case: a change of case at the ends makes it another look', () => {
    const poison = 'n4JEzzzzzzzzzzzzzzzzzzzzzzzzzzAKe8';
    expect(findLookAlikes(poison, [BASE58])).toEqual([BASE58]);
    expect(findLookAlikes('n4jezzzzzzzzzzzzzzzzzzzzzzzzzzAKe8', [BASE58])).toEqual([]);
    expect(findLookAlikes(BASE58.toLowerCase(), [BASE58])).toEqual([]);
  });

  it('ignores another chain, a short text, and names each look-alike once', () => {
    expect(findLookAlikes('829bzzzza830', [ETH])).toEqual([]);
    expect(findLookAlikes('0x829ba830', ['0x829ba830'])).toEqual([]);
    expect(findLookAlikes('0x829b', [ETH])).toEqual([]);
    expect(findLookAlikes(ETH_POISON, [ETH, ETH.toUpperCase().replace('0X', '0x')])).toEqual([ETH]);
  });

  it('catches an end differing only where only the first or last 4 are shared', () => {
    expect(findLookAlikes('0x829bd824b016326a401d083b33d09229333ba830', [ETH])).toEqual([ETH]);
    expect(findLookAlikes('0x829bd824b016326a401d083b33d092293333a831', [ETH])).toEqual([]);
  });
});

describe('markDifferences', () => {
  it('marks each place where the other address has another character, in any case for hex', () => {
    const marked = markDifferences('0xAbcd12', '0xabce12');
    expect(marked.map((m) => m.char).join('')).toBe('0xAbcd12');
    expect(marked.map((m) => (m.differs ? '^' : '.')).join('')).toBe('.....^..');
  });

  it('compares Base58 with its case, and marks the tail of the longer one', () => {
    expect(markDifferences('aBcdef', 'abcd').map((m) => m.differs)).toEqual([false, true, false, false, true, true]);
    expect(markDifferences('abcd', 'abcdef').map((m) => m.differs)).toEqual([false, false, false, false]);
  });
});

const row = (address: string, time: number | null, asset = 'ETH'): AddressRecord => ({ asset, address, time });

describe('previousAddresses and isFirstTimeAddress', () => {
  const rows = [row(ETH, 100), row(ETH_POISON, 300), row(ETH.toUpperCase().replace('0X', '0x'), 200), row(BTC, 400, 'BTC'), row('0xdead\u202Ebeef', 500), row('0xfeed', null)];

  it('lists the addresses of the chosen asset, each once, newest first, unknown times last, never one with invisible characters', () => {
    expect(previousAddresses(rows, 'ETH')).toEqual([ETH_POISON, ETH.toUpperCase().replace('0X', '0x'), '0xfeed']);
    expect(previousAddresses(rows, 'btc')).toEqual([BTC]);
    expect(previousAddresses([], 'ETH')).toEqual([]);
  });

  it('says whether an address is new for the asset', () => {
    expect(isFirstTimeAddress(ETH, rows, 'ETH')).toBe(false);
    expect(isFirstTimeAddress(ETH.toLowerCase(), rows, 'ETH')).toBe(false);
    expect(isFirstTimeAddress(BTC, rows, 'ETH')).toBe(true);
    expect(isFirstTimeAddress('0x829bd824b016326a401d083b33d092293333a831', rows, 'ETH')).toBe(true);
  });
});
