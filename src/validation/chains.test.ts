import { describe, expect, it } from 'vitest';
import { CHAIN_IDS, CHAIN_NAMES, validateAddress, type ChainId } from './chains';
import { VALID } from './chains/test-vectors';

/** How each chain's refusals name it. */
const NAMED: Record<ChainId, string> = {
  ethereum: 'Ethereum',
  'bnb-smart-chain': 'BNB Smart Chain',
  'avalanche-c': 'Avalanche C-Chain',
  bitcoin: 'Bitcoin',
  solana: 'Solana',
  'xrp-ledger': 'XRP Ledger',
  cardano: 'Cardano',
  cosmos: 'Cosmos Hub',
  polkadot: 'Polkadot',
  algorand: 'Algorand',
};

const EVM: readonly ChainId[] = ['ethereum', 'bnb-smart-chain', 'avalanche-c'];
const sameForm = (a: ChainId, b: ChainId) => a === b || (EVM.includes(a) && EVM.includes(b));

describe('the chains', () => {
  it('are the ten the exchange will name, each with its display name', () => {
    expect(CHAIN_IDS).toHaveLength(10);
    expect(CHAIN_NAMES['bnb-smart-chain']).toBe('BNB Smart Chain (BEP-20)');
    for (const chain of CHAIN_IDS) expect(CHAIN_NAMES[chain]).toContain(NAMED[chain].split(' ')[0]);
  });
});

describe('validateAddress: the checks every chain shares', () => {
  it.each(CHAIN_IDS)('%s: refuses an empty address', async (chain) => {
    expect(await validateAddress(chain, '  \n')).toEqual({ ok: false, message: 'Enter the address to withdraw to.' });
  });

  it('refuses an invisible direction control, saying what it is and what it can do', async () => {
    const address = `0x5aAeb6053F3E94C9b9A09f3\u202E3669435E7Ef1BeAed`;
    expect(await validateAddress('ethereum', address)).toEqual({
      ok: false,
      message:
        'The address contains an invisible RIGHT-TO-LEFT OVERRIDE (U+202E): it can make the address read differently from what would be sent. Type or copy it again from its source.',
    });
  });

  it.each(CHAIN_IDS)('%s: refuses a zero-width space inside a valid address', async (chain) => {
    const valid = VALID[chain][0] ?? '';
    const result = await validateAddress(chain, `${valid.slice(0, 5)}\u200B${valid.slice(5)}`);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('invisible ZERO WIDTH SPACE (U+200B)') });
  });

  it('counts several invisible characters and names each kind', async () => {
    const result = await validateAddress('solana', 'Tokenkeg\u200BQfeZ\u200ByiNwAJbNbGKPFXC\u2066WuBvf9Ss623VQ5DA');
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining('3 invisible characters: ZERO WIDTH SPACE (U+200B), LEFT-TO-RIGHT ISOLATE (U+2066)'),
    });
  });

  it('refuses spaces and line breaks inside, as spaces, not as invisible characters', async () => {
    for (const inside of [' ', '\n', '\t']) {
      expect(await validateAddress('xrp-ledger', `rHb9CJAWyB4rj91VRW${inside}n96DkukG4bwdtyTh`)).toEqual({
        ok: false,
        message: 'The address must not contain spaces or line breaks.',
      });
    }
  });

  it.each(CHAIN_IDS)('%s: accepts each published address, trimmed, as the value that is signed', async (chain) => {
    for (const vector of VALID[chain]) {
      expect(await validateAddress(chain, ` ${vector}\n`)).toMatchObject({ ok: true, value: vector });
    }
  });
});

describe("validateAddress: one chain's address given for another", () => {
  it.each(CHAIN_IDS)('%s: refuses every other chain’s published addresses, naming the chain expected', async (expected) => {
    for (const other of CHAIN_IDS.filter((chain) => !sameForm(chain, expected))) {
      for (const vector of VALID[other]) {
        const result = await validateAddress(expected, vector);
        expect(result, `${other} ${vector}`).toMatchObject({ ok: false, message: expect.stringContaining(NAMED[expected]) });
      }
    }
  });

  it('says what the address looks like instead, where its shape tells', async () => {
    expect(await validateAddress('solana', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toMatchObject({
      message: expect.stringMatching(/^A Solana address .*; this looks like an Ethereum address/),
    });
    expect(await validateAddress('xrp-ledger', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toEqual({
      ok: false,
      message: 'An XRP Ledger address starts with r and is 25 to 35 characters long; this looks like a TRON address.',
    });
    expect(await validateAddress('cardano', 'cosmos1r5v5srda7xfth3hn2s26txvrcrntldjumt8mhl')).toMatchObject({
      message: expect.stringContaining('this looks like a Cosmos Hub address'),
    });
    expect(await validateAddress('algorand', '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5')).toMatchObject({
      message: expect.stringContaining('this looks like a Polkadot address'),
    });
    expect(await validateAddress('ethereum', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toMatchObject({
      message: expect.stringContaining('this looks like a Bitcoin address'),
    });
  });
});
