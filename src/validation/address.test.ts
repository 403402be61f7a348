import { describe, expect, it } from 'vitest';
import { toChecksumAddress, validateAddress } from './address';

describe('validateAddress for Ethereum-family assets', () => {
  // The EIP-55 specification's own examples.
  it.each([
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ])('accepts the checksummed address %s', (address) => {
    expect(validateAddress('ETH', address)).toMatchObject({ ok: true, value: address, kind: expect.stringContaining('EIP-55') });
    expect(toChecksumAddress(address.slice(2))).toBe(address);
  });

  it('accepts all-lowercase and all-uppercase addresses, which carry no checksum', () => {
    expect(validateAddress('USDT', '0x829bd824b016326a401d083b33d092293333a830')).toMatchObject({ ok: true });
    expect(validateAddress('DAI', '0x829BD824B016326A401D083B33D092293333A830')).toMatchObject({ ok: true });
  });

  it('refuses a mixed-case address whose checksum does not match', () => {
    // One letter's case differs from EIP-55's own example. (This is the USDT address in the shared signature
    // vectors: it signs fine, but a careful wallet must refuse it.)
    const result = validateAddress('ETH', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD');
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('EIP-55 checksum') });
  });

  it('trims whitespace around a pasted address', () => {
    expect(validateAddress('ETH', '  0x829bd824b016326a401d083b33d092293333a830\n')).toMatchObject({
      ok: true,
      value: '0x829bd824b016326a401d083b33d092293333a830',
    });
  });

  it.each([
    ['', 'Enter the address'],
    ['829bd824b016326a401d083b33d092293333a830', '0x followed by 40'],
    ['0x829bd824b016326a401d083b33d092293333a83', '0x followed by 40'],
    ['0x829bd824b016326a401d083b33d092293333a8300', '0x followed by 40'],
    ['0x829bd824b016326a401d083b33d092293333a83g', '0x followed by 40'],
    ['0x829bd824b016326a401d 083b33d092293333a830', 'spaces'],
    ['n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', '0x followed by 40'],
  ])('refuses %j', (address, message) => {
    expect(validateAddress('MKR', address)).toMatchObject({ ok: false, message: expect.stringContaining(message) });
  });
});

describe('validateAddress for BTC', () => {
  it.each([
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'mainnet', 'P2PKH'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'mainnet', 'P2SH'],
    ['n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', 'testnet', 'P2PKH'],
    ['2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc', 'testnet', 'P2SH'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'mainnet', 'segwit v0'],
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'mainnet', 'segwit v0'],
    ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', 'testnet', 'segwit v0'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'mainnet', 'taproot'],
    ['tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c', 'testnet', 'taproot'],
  ])('accepts %s (%s %s)', (address, network, kind) => {
    expect(validateAddress('BTC', address)).toMatchObject({ ok: true, value: address, network, kind: expect.stringContaining(kind) });
  });

  it.each([
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3', 'checksum'],
    ['n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe9', 'checksum'],
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0', 'checksum'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'segwit'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8f3t4', 'segwit'],
    // Witness v1+ written with the old bech32 checksum: valid under BIP-173, refused by BIP-350.
    ['bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du', 'segwit'],
    ['0x829bd824b016326a401d083b33d092293333a830', 'Ethereum address'],
    ['', 'Enter the address'],
  ])('refuses %j', (address, message) => {
    expect(validateAddress('BTC', address)).toMatchObject({ ok: false, message: expect.stringContaining(message) });
  });
});
