// @ts-check
/**
 * The fixed facts of the sandbox's one account: its assets (the contract's table, plus one the page has no rules
 * for) with fees, minimums, decimals, starting balances and a deposit address each, its email and limits, and the
 * address shape each chain accepts. Data only, so that the ledger, the routes and the mailbox agree on them.
 */
import { KNOWN_ASSETS } from '../contract/everstrike.mjs';

/** @typedef {import('./types.mjs').AssetInfo} AssetInfo */
/** @typedef {import('../contract/everstrike.mjs').ChainId} ChainId */

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';
const BECH32 = '[02-9ac-hj-np-z]';

/**
 * The address shape each chain takes. The real exchange's rules are not published and checksums are the page's
 * job; the sandbox only refuses what is plainly another chain's, as an exchange would.
 * @type {Record<ChainId | 'tron', RegExp>}
 */
const ADDRESS_SHAPES = {
  ethereum: /^0x[0-9a-fA-F]{40}$/,
  'bnb-smart-chain': /^0x[0-9a-fA-F]{40}$/,
  'avalanche-c': /^0x[0-9a-fA-F]{40}$/,
  bitcoin: new RegExp(`^(?:[13mn2]${BASE58}{25,34}|(?:bc1|tb1)${BECH32}{8,87})$`),
  solana: new RegExp(`^${BASE58}{32,44}$`),
  'xrp-ledger': /^r[1-9A-HJ-NP-Za-km-z]{24,34}$/,
  cardano: new RegExp(`^(?:addr1${BECH32}{50,120}|addr_test1${BECH32}{50,120}|(?:Ae2|DdzFF)${BASE58}{40,120})$`),
  cosmos: new RegExp(`^cosmos1${BECH32}{38,58}$`),
  polkadot: new RegExp(`^1${BASE58}{46,47}$`),
  algorand: /^[A-Z2-7]{58}$/,
  tron: new RegExp(`^T${BASE58}{33}$`),
};

const ETH_DEPOSIT = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

/**
 * What the sandbox adds to the contract's table for each asset: a realistic fee, a minimum where exchanges set
 * one above the fee, starting balance, and a deposit address (valid for its chain).
 * @type {Record<string, { fee: string, minimum?: string, balance: string, deposit: string }>}
 */
const SANDBOX_TERMS = {
  BTC: { fee: '0.0005', balance: '1.5', deposit: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8' },
  ETH: { fee: '0.005', balance: '10', deposit: ETH_DEPOSIT },
  BNB: { fee: '0.0005', balance: '25', deposit: ETH_DEPOSIT },
  SOL: { fee: '0.01', balance: '150', deposit: '3aBPKGG83Z3HquvTGh5CBKBso6GDCL15vzSHyDdCzhx8' },
  AVAX: { fee: '0.01', balance: '300', deposit: ETH_DEPOSIT },
  ATOM: { fee: '0.005', balance: '800', deposit: 'cosmos1v36cd9agh89dhm8apc0nqs2jvd6gt948jppmxh' },
  DOT: { fee: '0.1', minimum: '1.5', balance: '1200', deposit: '13yXRxn7rDRHKKTyHfiodPWoPYJeoqDo3WZ95wKscMvmTQA3' },
  LINK: { fee: '0.5', balance: '500', deposit: ETH_DEPOSIT },
  ADA: {
    fee: '1',
    minimum: '2',
    balance: '20000',
    deposit: 'addr1q8qa9cl5q5tzwwzftf4herv74lqdrchnqs2jvd6gt948hr8q7yppxfp4getks7v2nwktmnkl7qq3yge5g4txw7yfn24st4x5nt',
  },
  XRP: { fee: '0.25', minimum: '20', balance: '15000', deposit: 'rfKd36q1Ps4zJHqEXpsieJoAhTPBURjfrg' },
  ALGO: { fee: '0.01', balance: '30000', deposit: 'UKZ4JVPG64EBSKR3JROW474QUGZMHVHF6YDRQKJ2JNOG27UPUCY3FWPRPA' },
  USDT: { fee: '5', balance: '25000', deposit: ETH_DEPOSIT },
  DAI: { fee: '5', balance: '5000', deposit: ETH_DEPOSIT },
  MKR: { fee: '0.01', balance: '12', deposit: ETH_DEPOSIT },
  ONT: { fee: '1', balance: '800', deposit: ETH_DEPOSIT },
  MAN: { fee: '10', balance: '3000', deposit: ETH_DEPOSIT },
};

/**
 * The asset the page has no address rules for, so that path can be rehearsed: TRON's own coin.
 * @type {AssetInfo}
 */
const UNCHECKED_ASSET = {
  id: 'TRX',
  name: 'TRON',
  decimals: 6,
  withdrawalFee: '1',
  minimum: null,
  startingBalance: '50000',
  depositAddress: 'TZDrdggvUfSh9Zd9Vj17k9RJDzUAuhQaHb',
  addressShape: ADDRESS_SHAPES.tron,
};

/** @type {readonly AssetInfo[]} */
export const ASSET_LIST = [
  ...KNOWN_ASSETS.map((known) => {
    const terms = SANDBOX_TERMS[known.id];
    if (!terms || !known.chain) throw new Error(`sandbox: no terms for ${known.id}`);
    return {
      id: known.id,
      name: known.name,
      decimals: known.decimals,
      withdrawalFee: terms.fee,
      minimum: terms.minimum ?? null,
      startingBalance: terms.balance,
      depositAddress: terms.deposit,
      addressShape: ADDRESS_SHAPES[known.chain],
    };
  }),
  UNCHECKED_ASSET,
];

/** A Map, so that request-supplied names such as "__proto__" cannot reach object prototypes. */
export const ASSETS = new Map(ASSET_LIST.map((asset) => [asset.id, asset]));

/** Where the simulated confirmation emails go; also `email` in `/personal`. */
export const ACCOUNT_EMAIL = 'alice.sandbox@example.org';
export const VERIFICATION_LEVEL = 1;
export const WITHDRAWAL_ALLOWANCE = 100000;

/**
 * The shape check the sandbox applies to a withdrawal address.
 * @param {AssetInfo} asset
 * @param {string} address
 * @returns {boolean}
 */
export function isAddressFormatFor(asset, address) {
  return asset.addressShape.test(address);
}
