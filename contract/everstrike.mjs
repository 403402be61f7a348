// @ts-check
/**
 * The facts the page (src/), its server (server/) and the sandbox exchange (sandbox/) share, written once:
 * the Everstrike paths the app uses, the `{code, msg, result}` envelope, the withdrawal statuses, the sandbox's
 * demo keys, and the asset table (which chain each asset is sent on, and whether its deposits usually need a memo
 * or tag). Plain JavaScript with JSDoc types, because it runs in three places: the browser build, the compiled
 * server, and the sandbox, which Node runs as it is.
 */

/** The exchange's paths the app calls. The proxy forwards these and nothing else; the sandbox serves them. */
export const EVERSTRIKE_PATHS = /** @type {const} */ ({
  withdraw: '/auth/withdraw',
  time: '/time',
  ping: '/ping',
  assets: '/assets',
  personal: '/personal',
  withdrawals: '/withdrawals',
});

/** @typedef {(typeof EVERSTRIKE_PATHS)[keyof typeof EVERSTRIKE_PATHS]} EverstrikePath */

/** Which of those paths take which method. */
export const EVERSTRIKE_ROUTES = /** @type {const} */ ({
  POST: [EVERSTRIKE_PATHS.withdraw],
  GET: [EVERSTRIKE_PATHS.time, EVERSTRIKE_PATHS.ping, EVERSTRIKE_PATHS.assets, EVERSTRIKE_PATHS.personal, EVERSTRIKE_PATHS.withdrawals],
});

/** The envelope code of the contract's documented success ("200 OK"); any other code is not a success. */
export const SUCCESS_CODE = 200;

/**
 * @template [T=Record<string, never>]
 * @typedef {{ code: number, msg: string, result: T }} Envelope
 */

/**
 * Every JSON answer of the exchange, and every answer the proxy writes itself, has this shape.
 * @template T
 * @param {number} code
 * @param {string} msg
 * @param {T} result
 * @returns {Envelope<T>}
 */
export function envelope(code, msg, result) {
  return { code, msg, result };
}

/** The statuses the exchange documents for a withdrawal, in lifecycle order. */
export const WITHDRAWAL_STATUSES = /** @type {const} */ (['PENDING', 'ACTIVE', 'COMPLETED', 'CANCELLED', 'REJECTED']);
/** @typedef {(typeof WITHDRAWAL_STATUSES)[number]} WithdrawalStatus */

/** Awaiting the email confirmation, or being processed: these change without anyone asking. */
export const OPEN_WITHDRAWAL_STATUSES = /** @type {const} */ (['PENDING', 'ACTIVE']);

/** The sandbox exchange's keys unless SANDBOX_API_KEY / SANDBOX_SECRET say otherwise. Never a real key. */
export const SANDBOX_DEMO_KEYS = /** @type {const} */ ({ apiKey: 'sandbox-demo-key', secret: 'sandbox-demo-secret' });

/** The chains whose address rules the page knows (src/validation/chains.ts names them and loads each one's rules). */
export const CHAIN_IDS = /** @type {const} */ ([
  'ethereum',
  'bnb-smart-chain',
  'avalanche-c',
  'bitcoin',
  'solana',
  'xrp-ledger',
  'cardano',
  'cosmos',
  'polkadot',
  'algorand',
]);
/** @typedef {(typeof CHAIN_IDS)[number]} ChainId */

/**
 * @typedef {object} KnownAsset
 * @property {string} id The exchange's asset id.
 * @property {string} name
 * @property {ChainId | null} chain The chain a withdrawal of it is sent on; null: the page has no rules for it.
 * @property {number} decimals The asset's own decimals (a quantity also has at most 8, the exchange's limit).
 * @property {boolean} memo Deposits to exchanges on its chain usually need a memo or destination tag, which the
 *   withdraw call cannot carry.
 */

/**
 * What the page knows about assets: the exchange's 12 spot assets (its public repository, "As of October 2024"),
 * in that order, then the ERC-20 tokens of its docs' examples. The page offers what GET /assets lists; this table
 * gives each listed asset its chain, and is the list offered when GET /assets cannot be read.
 * @type {readonly KnownAsset[]}
 */
export const KNOWN_ASSETS = [
  { id: 'BTC', name: 'Bitcoin', chain: 'bitcoin', decimals: 8, memo: false },
  { id: 'ETH', name: 'Ethereum', chain: 'ethereum', decimals: 18, memo: false },
  { id: 'BNB', name: 'BNB', chain: 'bnb-smart-chain', decimals: 18, memo: false },
  { id: 'SOL', name: 'Solana', chain: 'solana', decimals: 9, memo: false },
  { id: 'AVAX', name: 'Avalanche', chain: 'avalanche-c', decimals: 18, memo: false },
  { id: 'ATOM', name: 'Cosmos', chain: 'cosmos', decimals: 6, memo: true },
  { id: 'DOT', name: 'Polkadot', chain: 'polkadot', decimals: 10, memo: false },
  { id: 'LINK', name: 'Chainlink', chain: 'ethereum', decimals: 18, memo: false },
  { id: 'ADA', name: 'Cardano', chain: 'cardano', decimals: 6, memo: false },
  { id: 'XRP', name: 'XRP', chain: 'xrp-ledger', decimals: 6, memo: true },
  { id: 'ALGO', name: 'Algorand', chain: 'algorand', decimals: 6, memo: false },
  { id: 'USDT', name: 'Tether USD', chain: 'ethereum', decimals: 6, memo: false },
  { id: 'DAI', name: 'Dai', chain: 'ethereum', decimals: 18, memo: false },
  { id: 'MKR', name: 'Maker', chain: 'ethereum', decimals: 18, memo: false },
  { id: 'ONT', name: 'Ontology', chain: 'ethereum', decimals: 9, memo: false },
  { id: 'MAN', name: 'Matrix AI Network', chain: 'ethereum', decimals: 18, memo: false },
];

/**
 * Assets the page has no rules for whose deposits usually need a memo or tag, should the exchange list them.
 * (XRP and ATOM are in the table above.)
 */
export const MEMO_ASSETS_WITHOUT_RULES = /** @type {const} */ (['XLM', 'EOS', 'HBAR']);

/** The exchange accepts at most this many decimals in a quantity, whatever the asset's own. */
export const MAX_QUANTITY_DECIMALS = 8;
