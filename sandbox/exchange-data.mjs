// @ts-check
/**
 * The fixed facts of the sandbox's one account: its assets with fees and starting balances, its email, deposit
 * addresses and limits, and the address formats each asset accepts. Data only, so that the ledger, the routes and
 * the mailbox agree on them.
 */

/** @typedef {import('./types.mjs').AssetInfo} AssetInfo */

/** @type {readonly AssetInfo[]} */
export const ASSET_LIST = [
  { id: 'ETH', name: 'Ethereum', type: 'ethereum', startingBalance: '10', withdrawalFee: '0.005' },
  { id: 'BTC', name: 'Bitcoin', type: 'bitcoin', startingBalance: '1.5', withdrawalFee: '0.0005' },
  { id: 'USDT', name: 'Tether USD', type: 'ethereum', startingBalance: '25000', withdrawalFee: '5' },
  { id: 'DAI', name: 'Dai', type: 'ethereum', startingBalance: '5000', withdrawalFee: '5' },
  { id: 'MKR', name: 'Maker', type: 'ethereum', startingBalance: '12', withdrawalFee: '0.01' },
  { id: 'ONT', name: 'Ontology', type: 'ethereum', startingBalance: '800', withdrawalFee: '1' },
  { id: 'MAN', name: 'Matrix AI Network', type: 'ethereum', startingBalance: '3000', withdrawalFee: '10' },
];

/** A Map, so that request-supplied names such as "__proto__" cannot reach object prototypes. */
export const ASSETS = new Map(ASSET_LIST.map((asset) => [asset.id, asset]));

/** Where the simulated confirmation emails go; also `email` in `/personal`. */
export const ACCOUNT_EMAIL = 'alice.sandbox@example.org';
export const VERIFICATION_LEVEL = 1;
export const WITHDRAWAL_ALLOWANCE = 100000;

const ETH_DEPOSIT_ADDRESS = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const BTC_DEPOSIT_ADDRESS = 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8';
const ETH_ADDRESS_PATTERN = /^0x[0-9a-fA-F]{40}$/;
const BTC_ADDRESS_PATTERN = /^(?:[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}|(?:bc1|tb1)[02-9ac-hj-np-z]{8,87})$/;

/**
 * @param {AssetInfo} asset
 * @returns {string}
 */
export function depositAddressFor(asset) {
  return asset.type === 'bitcoin' ? BTC_DEPOSIT_ADDRESS : ETH_DEPOSIT_ADDRESS;
}

/**
 * The format check the sandbox applies (the real exchange's rules are not published; checksums are the page's job).
 * @param {AssetInfo} asset
 * @param {string} address
 * @returns {boolean}
 */
export function isAddressFormatFor(asset, address) {
  return (asset.type === 'bitcoin' ? BTC_ADDRESS_PATTERN : ETH_ADDRESS_PATTERN).test(address);
}
