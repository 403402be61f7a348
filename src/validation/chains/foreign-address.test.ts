import { describe, expect, it } from 'vitest';
import { describeForeignAddress } from './foreign-address';

describe('describeForeignAddress', () => {
  it.each([
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'an Ethereum address'],
    // Tether's USDT contract on TRON, as TRONSCAN and Tether publish it.
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'a TRON address'],
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'a Bitcoin address'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'a Bitcoin address'],
    ['n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', 'a Bitcoin testnet address'],
    ['TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA', 'a Solana address'],
    ['rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh', 'an XRP Ledger address'],
    ['XVLhHMPHU98es4dbozjVtdWzVrDjtV18pX8yuPT7y4xaEHi', 'an XRP Ledger X-address'],
    ['addr1vx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzers66hrl8', 'a Cardano address'],
    ['stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw', 'a Cardano stake (reward) address'],
    ['Ae2tdPwUPEZFRbyhz3cpfC2CumGzNkFBN2L42rcUc2yjQpEkxDbkPodpMAi', 'a Cardano Byron (legacy) address'],
    ['cosmos1r5v5srda7xfth3hn2s26txvrcrntldjumt8mhl', 'a Cosmos Hub address'],
    ['cosmosvaloper130mdu9a0etmeuw52qfxk73pn0ga6gawkxsrlwf', 'a Cosmos validator operator address'],
    ['15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5', 'a Polkadot address'],
    ['HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F', 'a Kusama address'],
    ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', 'a generic Substrate address'],
    ['VCMJKWOY5P5P7SKMZFFOCEROPJCZOTIJMNIYNUCKH7LRO45JMJP6UYBIJA', 'an Algorand address'],
    // blockchain_utils (mrtnetwork) address test vectors: a BNB Beacon Chain address.
    ['bnb1vhvnd7v8900adfytj2yl9sldapa6p9ghcnaqtz', 'a BNB Beacon Chain address (bnb1…), a chain that is retired'],
    ['X-avax1wst8jt3z3fm9ce0z6akj3266zmgccdp03hjlaj', 'an Avalanche X-Chain address'],
    ['P-avax1wst8jt3z3fm9ce0z6akj3266zmgccdp03hjlaj', 'an Avalanche P-Chain address'],
  ])('tells %s is %s', (value, description) => {
    expect(describeForeignAddress(value)).toContain(description);
  });

  it('says nothing of an address shaped like the expected chain’s own, or of an unknown shape', () => {
    expect(describeForeignAddress('rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh', 'xrp-ledger')).toBeNull();
    expect(describeForeignAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'bnb-smart-chain')).toBeNull();
    expect(describeForeignAddress('hello')).toBeNull();
    expect(describeForeignAddress('rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh', 'solana')).toBe('an XRP Ledger address');
  });
});
