// @ts-check
/**
 * The control endpoints under `/__sandbox/` that tests and load scripts use to inspect and steer the sandbox: the
 * request log, reset, fault injection, account settings (withdraw permission, free balances), the mailbox as JSON
 * and the email-confirmation alias. They answer plain JSON (not the exchange's envelope) and are never recorded.
 * Nothing another site makes a browser send reaches them: such requests get 403, and a POST must be
 * `application/json` (415 otherwise), which a page of another origin cannot send without a CORS preflight.
 */
import { DECIMAL_PATTERN, toUnits } from './amounts.mjs';
import { ASSETS } from './exchange-data.mjs';
import { parseFault } from './faults.mjs';
import { headerValue, jsonReply } from './http-plumbing.mjs';
import { isJsonMediaType } from './request-guards.mjs';

/** @typedef {import('./types.mjs').AccountUpdate} AccountUpdate */
/** @typedef {import('./types.mjs').ApiRequest} ApiRequest */
/** @typedef {import('./types.mjs').RecordedRequest} RecordedRequest */
/** @typedef {import('./types.mjs').Reply} Reply */
/** @typedef {import('./faults.mjs').FaultQueue} FaultQueue */
/** @typedef {import('./ledger.mjs').Ledger} Ledger */
/** @typedef {import('./mailbox.mjs').Mailbox} Mailbox */

export const CONTROL_PREFIX = '/__sandbox';
const ACCOUNT_KEYS = ['withdrawEnabled', 'balances', 'disabledAssets'];

/**
 * @param {string} text
 * @returns {{ value: Record<string, unknown> } | { error: string }}
 */
function parseJsonObject(text) {
  /** @type {unknown} */
  let input;
  try {
    input = JSON.parse(text);
  } catch {
    return { error: 'Body must be JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { error: 'Body must be a JSON object' };
  return { value: { ...input } };
}

/**
 * Validates the JSON body of `POST /__sandbox/account`:
 * `{ "withdrawEnabled"?: boolean, "balances"?: { "<ASSET>": "<decimal string>" }, "disabledAssets"?: ["<ASSET>"] }`,
 * at least one of them.
 * @param {string} text
 * @returns {{ update: AccountUpdate } | { error: string }}
 */
export function parseAccountUpdate(text) {
  const parsed = parseJsonObject(text);
  if ('error' in parsed) return parsed;
  const spec = parsed.value;
  const unknownKeys = Object.keys(spec).filter((key) => !ACCOUNT_KEYS.includes(key));
  if (unknownKeys.length > 0) {
    return { error: `Unknown account option(s): ${unknownKeys.join(', ')}; expected ${ACCOUNT_KEYS.join(', ')}` };
  }
  if (Object.keys(spec).length === 0) return { error: `Give at least one of ${ACCOUNT_KEYS.join(', ')}` };
  /** @type {AccountUpdate} */
  const update = {};
  if ('withdrawEnabled' in spec) {
    if (typeof spec.withdrawEnabled !== 'boolean') return { error: 'withdrawEnabled must be a boolean' };
    update.withdrawEnabled = spec.withdrawEnabled;
  }
  if ('balances' in spec) {
    const { balances } = spec;
    if (typeof balances !== 'object' || balances === null || Array.isArray(balances)) {
      return { error: 'balances must be an object of asset → decimal string, e.g. {"ETH": "12.5"}' };
    }
    /** @type {Map<string, bigint>} */
    const free = new Map();
    for (const [asset, amount] of Object.entries(balances)) {
      if (!ASSETS.has(asset)) return { error: `Unknown asset in balances: ${asset}; expected ${[...ASSETS.keys()].join(', ')}` };
      if (typeof amount !== 'string' || !DECIMAL_PATTERN.test(amount)) {
        return { error: `balances.${asset} must be a decimal string with at most 8 places, e.g. "12.5"` };
      }
      free.set(asset, toUnits(amount));
    }
    if (free.size === 0) return { error: 'balances must name at least one asset' };
    update.balances = free;
  }
  if ('disabledAssets' in spec) {
    const { disabledAssets } = spec;
    if (!Array.isArray(disabledAssets) || disabledAssets.some((asset) => typeof asset !== 'string' || !ASSETS.has(asset))) {
      return { error: `disabledAssets must be a list of asset ids among ${[...ASSETS.keys()].join(', ')}` };
    }
    update.disabledAssets = disabledAssets;
  }
  return { update };
}

/**
 * @typedef {object} ControlContext
 * @property {() => RecordedRequest[]} requests
 * @property {() => void} reset Restores the whole sandbox to its starting state.
 * @property {FaultQueue} faults
 * @property {Ledger} ledger
 * @property {Mailbox} mailbox
 */

/** @type {Record<string, 'GET' | 'POST'>} */
const METHODS = { '/requests': 'GET', '/reset': 'POST', '/fault': 'POST', '/account': 'POST', '/mailbox': 'GET' };
const CONFIRM_PATTERN = /^\/confirm\/([^/]+)$/;

/**
 * @param {ControlContext} context
 */
export function createControlRoutes({ requests, reset, faults, ledger, mailbox }) {
  /**
   * @param {string} text
   * @returns {Reply}
   */
  function postAccount(text) {
    const parsed = parseAccountUpdate(text);
    if ('error' in parsed) return jsonReply(400, { ok: false, error: parsed.error });
    const { withdrawEnabled, balances, disabledAssets } = parsed.update;
    if (withdrawEnabled !== undefined) ledger.setWithdrawEnabled(withdrawEnabled);
    if (disabledAssets !== undefined) ledger.setDisabledAssets(disabledAssets);
    for (const [asset, units] of balances ?? []) ledger.setFree(asset, units);
    return jsonReply(200, { ok: true });
  }

  /**
   * @param {ApiRequest} req A request whose path starts with CONTROL_PREFIX.
   * @returns {Reply}
   */
  function handle(req) {
    const sub = req.path.slice(CONTROL_PREFIX.length);
    const confirm = CONFIRM_PATTERN.exec(sub);
    const allowed = confirm ? 'GET' : Object.hasOwn(METHODS, sub) ? METHODS[sub] : undefined;
    if (req.fromAnotherSite) return jsonReply(403, { ok: false, error: 'Sandbox control endpoints refuse requests sent by another site' });
    if (!allowed) return jsonReply(404, { ok: false, error: 'Unknown sandbox control endpoint' });
    if (req.method !== allowed && !(allowed === 'GET' && req.method === 'HEAD' && !confirm)) {
      return { ...jsonReply(405, { ok: false, error: 'Method not allowed' }), headers: { allow: allowed } };
    }
    if (req.method === 'POST' && !isJsonMediaType(headerValue(req.headers, 'content-type'))) {
      return jsonReply(415, { ok: false, error: 'Sandbox control POSTs take Content-Type: application/json (reset: an empty body or {})' });
    }
    if (req.tooLarge) return jsonReply(413, { ok: false, error: 'Body too large' });
    const text = req.raw.toString('utf8');

    // The alias of the email's "Confirm withdrawal" link, with the same answer page.
    if (confirm) return mailbox.handle('GET', `/mailbox/confirm/${confirm[1] ?? ''}`);
    if (sub === '/requests') return jsonReply(200, { requests: requests() });
    if (sub === '/mailbox') return jsonReply(200, { emails: mailbox.views() });
    if (sub === '/account') return postAccount(text);
    if (sub === '/reset') {
      reset();
      return jsonReply(200, { ok: true });
    }
    const parsed = parseFault(text); // sub === '/fault'
    if ('error' in parsed) return jsonReply(400, { ok: false, error: parsed.error });
    faults.add(parsed.fault);
    return jsonReply(200, { ok: true });
  }

  return { handle };
}
