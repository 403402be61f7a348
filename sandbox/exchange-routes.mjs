// @ts-check
/**
 * The exchange's own endpoints, as the page and the proxy see them: `GET /time`, `/ping`, `/assets`, `/personal`,
 * `/withdrawals` and the signed `POST /auth/withdraw`, all answering in the `{code, msg, result}` envelope. The
 * withdrawal is checked in the documented order (content type, key, signature, permission, fields, timestamp,
 * replay, asset, quantity, address, balance) and handed to the ledger, which "emails" the owner via the mailbox.
 */
import { EVERSTRIKE_PATHS } from '../contract/everstrike.mjs';
import { DECIMAL_PATTERN, fromUnits, toUnits, unitsToNumber } from './amounts.mjs';
import { hasValidApiKey, verifySignature } from './auth.mjs';
import {
  ACCOUNT_EMAIL,
  ASSET_LIST,
  ASSETS,
  isAddressFormatFor,
  VERIFICATION_LEVEL,
  WITHDRAWAL_ALLOWANCE,
} from './exchange-data.mjs';
import { envelope, headerValue, MAX_BODY_BYTES, textReply } from './http-plumbing.mjs';

/** @typedef {import('./types.mjs').ApiRequest} ApiRequest */
/** @typedef {import('./types.mjs').Reply} Reply */
/** @typedef {import('./types.mjs').Withdrawal} Withdrawal */
/** @typedef {import('./types.mjs').WithdrawalRow} WithdrawalRow */
/** @typedef {import('./types.mjs').BalanceRow} BalanceRow */
/** @typedef {import('./ledger.mjs').Ledger} Ledger */
/** @typedef {import('./mailbox.mjs').Mailbox} Mailbox */

/**
 * A timestamp further than this from the server clock is refused (code 414), like the exchange's own client says,
 * unless the request signs a `recv_window` of its own (the exchange's client signs `recv_window=5000`).
 */
export const TIMESTAMP_WINDOW_MS = 5000;
/** The widest `recv_window` accepted (ms): a signed request must not stay valid for long. */
export const MAX_RECV_WINDOW_MS = 60_000;
const WITHDRAW_FIELDS = ['asset', 'qty', 'address', 'timestamp'];
const OPTIONAL_FIELDS = ['recv_window'];

/**
 * The withdrawal's fields, in any order (the page sends asset, qty, address, timestamp; the exchange's own client
 * sends timestamp, recv_window, asset, address, qty), each exactly once, plus an optional recv_window.
 * @param {URLSearchParams} params
 * @returns {{ fields: Record<string, string> } | { error: string }}
 */
export function withdrawFields(params) {
  const keys = [...params.keys()];
  const allowed = [...WITHDRAW_FIELDS, ...OPTIONAL_FIELDS];
  const unique = new Set(keys);
  const complete = WITHDRAW_FIELDS.every((field) => unique.has(field));
  if (unique.size !== keys.length || !complete || keys.some((key) => !allowed.includes(key))) {
    return { error: 'Invalid request: expected fields asset, qty, address, timestamp (any order, each once) and an optional recv_window' };
  }
  return { fields: Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) };
}

/**
 * @param {string} decimal A plain decimal already checked against DECIMAL_PATTERN.
 * @returns {number}
 */
function decimalsOf(decimal) {
  return decimal.split('.')[1]?.length ?? 0;
}

/**
 * A withdrawal as a row of `GET /withdrawals`.
 * @param {Withdrawal} w
 * @returns {WithdrawalRow}
 */
export function withdrawalRow(w) {
  return {
    id: w.id,
    asset: w.asset,
    qty: fromUnits(w.qty),
    net: fromUnits(w.net),
    fee: fromUnits(w.qty - w.net),
    address: w.address,
    status: w.status,
    time: w.time,
    email_confirmed: w.emailConfirmed,
    transaction: w.transactionHash === null ? null : { hash: w.transactionHash },
  };
}

/**
 * @typedef {object} ExchangeContext
 * @property {() => number} now
 * @property {string} apiKey
 * @property {string} secret
 * @property {Ledger} ledger
 * @property {Mailbox} mailbox
 */

/**
 * @param {ExchangeContext} context
 */
export function createExchangeRoutes({ now, apiKey, secret, ledger, mailbox }) {
  /** @type {Set<string>} Signatures of authenticated, fresh withdrawals already seen (replay protection), O(1) lookups. */
  let seenSignatures = new Set();

  /** @returns {Reply} */
  function getRoot() {
    const text = [
      'Everstrike sandbox exchange (fake; for local testing only).',
      '',
      'This server only speaks the exchange API: GET /time, /ping, /assets, /personal, /withdrawals',
      'and POST /auth/withdraw. The withdrawal app itself is served elsewhere (npm run demo starts both).',
      'Confirmation emails arrive in the simulated mailbox at /mailbox.',
      'Control endpoints for tests live under /__sandbox/ (see sandbox/README.md).',
      '',
    ].join('\n');
    return textReply(200, text);
  }

  /** @returns {Reply} */
  function getAssets() {
    /** @type {Record<string, unknown>} */
    const result = {};
    for (const asset of ASSET_LIST) {
      result[asset.id] = {
        id: asset.id,
        name: asset.name,
        decimals: asset.decimals,
        fees: { withdrawal: Number(asset.withdrawalFee) },
        ...(asset.minimum === null ? {} : { min_withdrawal: Number(asset.minimum) }),
        withdrawals_enabled: ledger.isAssetEnabled(asset.id),
      };
    }
    return envelope(200, 200, '', result);
  }

  /**
   * @param {ApiRequest} req
   * @returns {Reply}
   */
  function getPersonal(req) {
    if (!hasValidApiKey(req.headers, apiKey)) return envelope(401, 401, 'Invalid API key');
    /** @type {Record<string, BalanceRow>} */
    const balances = {};
    /** @type {Record<string, string>} */
    const depositAddresses = {};
    for (const asset of ASSET_LIST) {
      const balance = ledger.balanceOf(asset.id);
      balances[asset.id] = {
        free: unitsToNumber(balance.free),
        locked: unitsToNumber(balance.locked),
        withdrawn: unitsToNumber(balance.withdrawn),
        pnl: 0,
        margin: 0,
        fees: 0,
      };
      depositAddresses[asset.id] = asset.depositAddress;
    }
    return envelope(200, 200, '', {
      email: ACCOUNT_EMAIL,
      verification_level: VERIFICATION_LEVEL,
      permissions: { withdraw_enabled: ledger.isWithdrawEnabled(), api_enabled: true, trade_enabled: true },
      withdrawal_allowance: WITHDRAWAL_ALLOWANCE,
      balances,
      deposit_addresses: depositAddresses,
    });
  }

  /**
   * @param {ApiRequest} req
   * @returns {Reply}
   */
  function getWithdrawals(req) {
    if (!hasValidApiKey(req.headers, apiKey)) return envelope(401, 401, 'Invalid API key');
    return envelope(200, 200, '', ledger.list().map(withdrawalRow));
  }

  /**
   * POST /auth/withdraw, checked in the documented order.
   * @param {ApiRequest} req
   * @returns {Reply}
   */
  function postWithdraw(req) {
    // 1. content type
    const contentType = (headerValue(req.headers, 'content-type') ?? '').toLowerCase();
    if (!contentType.startsWith('application/x-www-form-urlencoded')) {
      return envelope(503, 503, 'Invalid request: content-type must be application/x-www-form-urlencoded');
    }
    // 2. API key
    if (!hasValidApiKey(req.headers, apiKey)) return envelope(401, 401, 'Invalid API key');
    // 3. signature over the exact body bytes
    const signature = headerValue(req.headers, 'x-signature');
    if (signature === undefined || !verifySignature(secret, req.raw, signature)) {
      return envelope(401, 401, 'Invalid signature');
    }
    // 4. the key may withdraw
    if (!ledger.isWithdrawEnabled()) return envelope(503, 503, 'Withdrawals are disabled for this API key');
    // 5. fields: asset, qty, address, timestamp, each once, in any order, and an optional recv_window
    const parsed = withdrawFields(new URLSearchParams(req.raw.toString('utf8')));
    if ('error' in parsed) return envelope(503, 503, parsed.error);
    const { asset: assetId = '', qty: qtyText = '', address = '', timestamp: timestampText = '', recv_window: windowText } = parsed.fields;
    // 6. timestamp window (the signed recv_window, when given)
    if (!/^\d+$/.test(timestampText)) {
      return envelope(503, 503, 'Invalid request: timestamp must be an integer number of milliseconds');
    }
    if (windowText !== undefined && (!/^\d+$/.test(windowText) || Number(windowText) < 1 || Number(windowText) > MAX_RECV_WINDOW_MS)) {
      return envelope(503, 503, `Invalid request: recv_window must be a whole number of milliseconds from 1 to ${MAX_RECV_WINDOW_MS}`);
    }
    const window = windowText === undefined ? TIMESTAMP_WINDOW_MS : Number(windowText);
    const drift = now() - Number(timestampText);
    if (drift > window) return envelope(503, 414, 'The timestamp is too old.');
    if (drift < -window) return envelope(503, 414, 'The timestamp is too far in the future.');
    // 7. replay protection: an authenticated, fresh request is remembered by its signature
    if (seenSignatures.has(signature)) return envelope(503, 503, 'Duplicate request');
    seenSignatures.add(signature);
    // 8. asset
    const asset = ASSETS.get(assetId);
    if (!asset) return envelope(503, 503, 'Unknown asset');
    // 9. quantity
    if (!DECIMAL_PATTERN.test(qtyText)) return envelope(503, 503, 'Invalid quantity');
    const qty = toUnits(qtyText);
    if (qty <= 0n) return envelope(503, 503, 'Invalid quantity');
    if (!ledger.isAssetEnabled(asset.id)) return envelope(503, 503, `Withdrawals of ${asset.id} are disabled`);
    if (decimalsOf(qtyText) > asset.decimals) return envelope(503, 503, `Invalid quantity: ${asset.id} has ${asset.decimals} decimals`);
    const fee = toUnits(asset.withdrawalFee);
    if (qty <= fee) return envelope(503, 503, 'Quantity must exceed the withdrawal fee');
    if (asset.minimum !== null && qty < toUnits(asset.minimum)) {
      return envelope(503, 503, `The minimum withdrawal of ${asset.id} is ${asset.minimum}`);
    }
    // 10. address
    if (!isAddressFormatFor(asset, address)) return envelope(503, 503, 'Invalid address');
    // 11. balance, then PENDING with the quantity locked, and the confirmation email
    const withdrawal = ledger.submit({ asset: asset.id, qty, fee, address });
    if (!withdrawal) return envelope(503, 503, 'Insufficient balance');
    mailbox.send(withdrawal);
    return envelope(200, 200, 'Withdrawal submitted. It will be processed once you confirm it by email.', {
      id: withdrawal.id,
      asset: withdrawal.asset,
      qty: fromUnits(withdrawal.qty),
      net: fromUnits(withdrawal.net),
      address,
      status: withdrawal.status,
      time: withdrawal.time,
    });
  }

  /** @type {Map<string, { method: 'GET' | 'POST', run: (req: ApiRequest) => Reply }>} */
  const routes = new Map([
    ['/', { method: 'GET', run: getRoot }],
    [EVERSTRIKE_PATHS.time, { method: 'GET', run: () => envelope(200, 200, '', Math.trunc(now())) }],
    [EVERSTRIKE_PATHS.ping, { method: 'GET', run: () => envelope(200, 200, 'pong', {}) }],
    [EVERSTRIKE_PATHS.assets, { method: 'GET', run: getAssets }],
    [EVERSTRIKE_PATHS.personal, { method: 'GET', run: getPersonal }],
    [EVERSTRIKE_PATHS.withdrawals, { method: 'GET', run: getWithdrawals }],
    [EVERSTRIKE_PATHS.withdraw, { method: 'POST', run: postWithdraw }],
  ]);

  return {
    /** Forgets the seen signatures. */
    reset() {
      seenSignatures = new Set();
    },

    /**
     * @param {ApiRequest} req
     * @returns {Reply}
     */
    handle(req) {
      const route = routes.get(req.path);
      if (!route) return envelope(404, 404, 'Not found');
      if (req.method !== route.method && !(route.method === 'GET' && req.method === 'HEAD')) {
        const allow = route.method === 'GET' ? 'GET, HEAD' : 'POST';
        return { ...envelope(405, 405, 'Method not allowed'), headers: { allow } };
      }
      if (req.tooLarge) return envelope(413, 413, `Request body too large (limit ${MAX_BODY_BYTES} bytes)`);
      return route.run(req);
    },
  };
}

/** @typedef {ReturnType<typeof createExchangeRoutes>} ExchangeRoutes */
