/**
 * Published addresses for each chain, with where each comes from, for the chain modules' tests and the
 * cross-chain tests of chains.ts. Test data only: nothing in the app imports it.
 */
import type { ChainId } from '../chains';

/** The EIP-55 specification's own examples (EIP-55, "Test Cases"). */
const EIP55 = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

export const VALID: Record<ChainId, readonly string[]> = {
  ethereum: EIP55,
  // BNB Smart Chain and Avalanche C-Chain use Ethereum's address form and EIP-55 unchanged.
  'bnb-smart-chain': EIP55,
  'avalanche-c': EIP55,
  bitcoin: [
    // BIP-173 and BIP-350, "Test vectors" (valid addresses).
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
    'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c',
    // The Bitcoin wiki's examples ("Invoice address", "Technical background of version 1 Bitcoin addresses").
    '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
    '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
  ],
  solana: [
    // Program ids from the Solana documentation: the SPL Token program, the System Program, the Vote program.
    'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
    '11111111111111111111111111111111',
    'Vote111111111111111111111111111111111111111',
  ],
  'xrp-ledger': [
    // xrpl.org, "Accounts" / "Addresses": the genesis account.
    'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh',
    // ripple-address-codec README (XRPLF/xrpl.js), "X-address Conversion": the classic addresses of its examples.
    'rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf',
    'r3SVzk8ApofDJuVBPKdmbbLjWGCCXpBQ2g',
  ],
  cardano: [
    // CIP-19 "Test Vectors", mainnet types 0 to 7 and testnet types 0 and 6.
    'addr1qx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgse35a3x',
    'addr1z8phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gten0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgs9yc0hh',
    'addr1yx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzerkr0vd4msrxnuwnccdxlhdjar77j6lg0wypcc9uar5d2shs2z78ve',
    'addr1x8phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gt7r0vd4msrxnuwnccdxlhdjar77j6lg0wypcc9uar5d2shskhj42g',
    'addr1gx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer5pnz75xxcrzqf96k',
    'addr128phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gtupnz75xxcrtw79hu',
    'addr1vx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzers66hrl8',
    'addr1w8phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gtcyjy7wx',
    'addr_test1qz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgs68faae',
    'addr_test1vz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzerspjrlsz',
    // cardano-wallet docs, "Byron Address Format": Example 1 (Yoroi, mainnet) and Example 2 (Daedalus, testnet).
    'Ae2tdPwUPEZFRbyhz3cpfC2CumGzNkFBN2L42rcUc2yjQpEkxDbkPodpMAi',
    '37btjrVyb4KEB2STADSsj3MYSAdj52X5FrFWpw2r7Wmj2GDzXjFRsHWuZqrw7zSkwopv8Ci3VWeg6bisU9dgJxW5hb2MZYeduNKbQJrqz3zVBsu9nT',
  ],
  cosmos: [
    // Cosmos SDK docs, "Address Encoding" (bech32): the account address of its examples.
    'cosmos1r5v5srda7xfth3hn2s26txvrcrntldjumt8mhl',
    // terra.js (terra-money), bech32.spec.ts: the Cosmos Hub address its Terra checks refuse.
    'cosmos176m2p8l3fps3dal7h8gf9jvrv98tu3rqfdht86',
  ],
  polkadot: [
    // Substrate's development account Alice (`subkey inspect //Alice`, public key d43593c7…a56da27d) in
    // Polkadot form, as in the Polkadot wiki's and polkadot.js's examples.
    '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5',
  ],
  algorand: [
    // Algorand developer docs / algosdk: the zero address (ALGORAND_ZERO_ADDRESS_STRING).
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAY5HFKQ',
    // Algorand developer docs, transaction examples: the example account.
    'VCMJKWOY5P5P7SKMZFFOCEROPJCZOTIJMNIYNUCKH7LRO45JMJP6UYBIJA',
  ],
};

/** Alice's key written for other SS58 networks (same sources as above). */
export const ALICE_KUSAMA = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
export const ALICE_SUBSTRATE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

export const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export const BECH32_ALPHABET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/**
 * Every copy of `vector` with one character replaced by the next one of `alphabet` (characters outside it, such
 * as a bech32 separator or the x of 0x, are left alone): what a typo makes of the address.
 */
export function withOneCharacterChanged(vector: string, alphabet: string): string[] {
  const changed: string[] = [];
  for (let index = 0; index < vector.length; index++) {
    const position = alphabet.indexOf(vector.charAt(index));
    if (position === -1) continue;
    const replacement = alphabet.charAt((position + 1) % alphabet.length);
    changed.push(vector.slice(0, index) + replacement + vector.slice(index + 1));
  }
  return changed;
}
