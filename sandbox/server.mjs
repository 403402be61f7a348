// @ts-check
/**
 * Sandbox exchange: a small local stand-in for the Everstrike REST API.
 *
 * It speaks the same contract as the real exchange for the endpoints the app uses (envelope
 * `{code, msg, result}`, HMAC-SHA256 signed form-urlencoded withdrawals, a ±5 s timestamp window),
 * keeps balances and a withdrawal list in memory, and simulates the email confirmation that the
 * real exchange requires before it processes a withdrawal. Control endpoints under `/__sandbox/`
 * let tests inspect requests, inject faults and reset state.
 *
 * Node built-ins only. Run it with `node sandbox/server.mjs` (see README.md beside this file).
 */
import { createServer } from 'node:http';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port] TCP port; 0 picks a free one. Default 8787.
 * @property {string} [host] Interface to bind. Default 127.0.0.1.
 * @property {string} [apiKey] Accepted `x-api-key`. Default env SANDBOX_API_KEY or "sandbox-demo-key".
 * @property {string} [secret] HMAC secret. Default env SANDBOX_SECRET or "sandbox-demo-secret".
 * @property {() => number} [now] Clock in ms since the epoch (for /time and the timestamp window).
 * @property {(line: string) => void} [log] Where the banner and per-withdrawal lines go.
 * @property {boolean} [quiet] Print nothing at all.
 */

/**
 * @typedef {object} Sandbox
 * @property {string} url Base URL, e.g. http://127.0.0.1:8787 (no trailing slash).
 * @property {number} port The bound port (useful with port 0).
 * @property {() => Promise<void>} close Stop listening and drop open connections.
 */

/**
 * @typedef {object} AssetInfo
 * @property {string} id
 * @property {string} name
 * @property {'ethereum' | 'bitcoin'} type
 * @property {string} startingBalance Exact decimal.
 * @property {string} withdrawalFee Exact decimal.
 */

/**
 * @typedef {object} Balance Amounts in 1e-8 units.
 * @property {bigint} free
 * @property {bigint} locked
 * @property {bigint} withdrawn
 */

/**
 * @typedef {object} Withdrawal
 * @property {string} id
 * @property {string} asset
 * @property {bigint} qty Gross quantity in 1e-8 units.
 * @property {bigint} net Quantity minus fee in 1e-8 units.
 * @property {string} address
 * @property {'PENDING' | 'COMPLETED'} status
 * @property {number} time
 * @property {boolean} emailConfirmed
 * @property {string | null} transactionHash
 */

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path Path without the query string.
 * @property {string} url The request target as received (path and query).
 * @property {Record<string, string | string[]>} headers Lower-case names.
 * @property {string} body The body decoded as UTF-8.
 * @property {number} time
 */

/**
 * @typedef {object} Fault
 * @property {string} path
 * @property {number} status
 * @property {string} contentType
 * @property {string} body
 * @property {number} delayMs
 * @property {boolean} drop
 * @property {boolean} passThrough
 * @property {number} remaining
 */

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {string} contentType
 * @property {string} body
 * @property {Record<string, string>} [headers]
 */

/**
 * @typedef {object} ApiRequest
 * @property {string} method
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {Buffer} raw
 */

/** Amounts are kept as integers of 1e-8 units. */
const SCALE = 100_000_000n;
const MAX_BODY_BYTES = 16 * 1024;
const TIMESTAMP_WINDOW_MS = 5000;
const ETH_DEPOSIT_ADDRESS = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const BTC_DEPOSIT_ADDRESS = 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8';
const WITHDRAWAL_ALLOWANCE = 100000;
const WITHDRAW_FIELDS = ['asset', 'qty', 'address', 'timestamp'];
const QTY_PATTERN = /^(?:0|[1-9]\d*)(?:\.\d{1,8})?$/;
const ETH_ADDRESS_PATTERN = /^0x[0-9a-fA-F]{40}$/;
const BTC_ADDRESS_PATTERN = /^(?:[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}|(?:bc1|tb1)[02-9ac-hj-np-z]{8,87})$/;
const DEFAULT_FAULT_BODY = JSON.stringify({ code: 503, msg: 'Service temporarily unavailable', result: {} });
const FAULT_KEYS = new Set(['path', 'status', 'contentType', 'body', 'delayMs', 'drop', 'passThrough', 'times']);
const CONTROL_PREFIX = '/__sandbox';

/** @type {readonly AssetInfo[]} */
const ASSET_LIST = [
  { id: 'ETH', name: 'Ethereum', type: 'ethereum', startingBalance: '10', withdrawalFee: '0.005' },
  { id: 'BTC', name: 'Bitcoin', type: 'bitcoin', startingBalance: '1.5', withdrawalFee: '0.0005' },
  { id: 'USDT', name: 'Tether USD', type: 'ethereum', startingBalance: '25000', withdrawalFee: '5' },
  { id: 'DAI', name: 'Dai', type: 'ethereum', startingBalance: '5000', withdrawalFee: '5' },
  { id: 'MKR', name: 'Maker', type: 'ethereum', startingBalance: '12', withdrawalFee: '0.01' },
  { id: 'ONT', name: 'Ontology', type: 'ethereum', startingBalance: '800', withdrawalFee: '1' },
  { id: 'MAN', name: 'Matrix AI Network', type: 'ethereum', startingBalance: '3000', withdrawalFee: '10' },
];
/** A Map, so that request-supplied names such as "__proto__" cannot reach object prototypes. */
const ASSETS = new Map(ASSET_LIST.map((asset) => [asset.id, asset]));

// ---------------------------------------------------------------------------------------------
// Exact decimals

/**
 * Parses a decimal string already checked against QTY_PATTERN (at most 8 decimals) into 1e-8 units.
 * @param {string} text
 * @returns {bigint}
 */
function toUnits(text) {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(8, '0'));
}

/**
 * Formats 1e-8 units as a plain decimal string without trailing zeros ("1.495", "25000").
 * @param {bigint} units
 * @returns {string}
 */
function fromUnits(units) {
  const sign = units < 0n ? '-' : '';
  const magnitude = units < 0n ? -units : units;
  const whole = magnitude / SCALE;
  const fraction = (magnitude % SCALE).toString().padStart(8, '0').replace(/0+$/, '');
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/**
 * @param {bigint} units
 * @returns {number} For display only.
 */
function unitsToNumber(units) {
  return Number(fromUnits(units));
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/**
 * @param {number} status
 * @param {unknown} value
 * @returns {Reply}
 */
function jsonReply(status, value) {
  return { status, contentType: 'application/json', body: JSON.stringify(value) };
}

/**
 * The exchange's envelope.
 * @param {number} status HTTP status.
 * @param {number} code Envelope code.
 * @param {string} msg
 * @param {unknown} [result]
 * @returns {Reply}
 */
function envelope(status, code, msg, result = {}) {
  return jsonReply(status, { code, msg, result });
}

/**
 * @param {string} text
 * @returns {string}
 */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * @param {number} status
 * @param {string} title
 * @param {string} message
 * @returns {Reply}
 */
function htmlReply(status, title, message) {
  const body =
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)}</title></head>\n<body><p>${escapeHtml(message)}</p></body></html>\n`;
  return { status, contentType: 'text/html; charset=utf-8', body };
}

/**
 * Constant-time string comparison (different lengths are simply unequal).
 * @param {string} a
 * @param {string} b
 * @returns {boolean}
 */
function safeEqual(a, b) {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {string} name Lower-case header name.
 * @returns {string | undefined}
 */
function headerValue(headers, name) {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Reads the whole body, keeping at most MAX_BODY_BYTES (the rest is drained and discarded so
 * that the client still receives the 413 answer).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<{ raw: Buffer, tooLarge: boolean }>}
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        const keep = chunk.length - (size - MAX_BODY_BYTES);
        if (keep > 0) chunks.push(chunk.subarray(0, keep));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ raw: Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {Reply} reply
 */
function send(res, reply) {
  if (res.destroyed || res.writableEnded) return;
  const noBody = reply.status === 204 || reply.status === 304 || (reply.status >= 100 && reply.status < 200);
  if (noBody) {
    res.writeHead(reply.status, { ...reply.headers });
    res.end();
    return;
  }
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    'content-type': reply.contentType,
    'content-length': String(body.length),
    ...reply.headers,
  });
  res.end(body);
}

/**
 * Validates the JSON body of POST /__sandbox/fault.
 * @param {string} text
 * @returns {{ fault: Fault } | { error: string }}
 */
function parseFault(text) {
  /** @type {unknown} */
  let input;
  try {
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { error: 'Body must be JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { error: 'Body must be a JSON object' };
  }
  /** @type {Record<string, unknown>} */
  const spec = { ...input };
  const unknownKeys = Object.keys(spec).filter((key) => !FAULT_KEYS.has(key));
  if (unknownKeys.length > 0) {
    return { error: `Unknown fault option(s): ${unknownKeys.join(', ')}; expected ${[...FAULT_KEYS].join(', ')}` };
  }
  const { path = '/auth/withdraw', status = 503, contentType = 'application/json', body = DEFAULT_FAULT_BODY } = spec;
  const { delayMs = 0, drop = false, passThrough = false, times = 1 } = spec;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith(CONTROL_PREFIX)) {
    return { error: 'path must be a string starting with "/" and outside /__sandbox' };
  }
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    return { error: 'status must be an integer from 200 to 599' };
  }
  if (typeof contentType !== 'string') return { error: 'contentType must be a string' };
  if (typeof body !== 'string') return { error: 'body must be a string' };
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > 600_000) {
    return { error: 'delayMs must be a number from 0 to 600000' };
  }
  if (typeof drop !== 'boolean') return { error: 'drop must be a boolean' };
  if (typeof passThrough !== 'boolean') return { error: 'passThrough must be a boolean' };
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
    return { error: 'times must be a positive integer' };
  }
  return { fault: { path, status, contentType, body, delayMs, drop, passThrough, remaining: times } };
}

// ---------------------------------------------------------------------------------------------
// The server

/**
 * Starts the sandbox exchange.
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
export function startSandbox(options = {}) {
  const {
    port = 8787,
    host = '127.0.0.1',
    apiKey = process.env.SANDBOX_API_KEY || 'sandbox-demo-key',
    secret = process.env.SANDBOX_SECRET || 'sandbox-demo-secret',
    now = () => Date.now(),
    log = console.log,
    quiet = false,
  } = options;

  /** @param {string} line */
  const say = (line) => {
    if (!quiet) log(line);
  };

  // ----- state (restored by reset) -----
  /** @type {Map<string, Balance>} */
  const balances = new Map();
  /** @type {Withdrawal[]} newest first */
  let withdrawals = [];
  /** @type {Set<string>} */
  let seenSignatures = new Set();
  /** @type {RecordedRequest[]} */
  let requests = [];
  /** @type {Fault[]} */
  let faults = [];

  function reset() {
    balances.clear();
    for (const asset of ASSET_LIST) {
      balances.set(asset.id, { free: toUnits(asset.startingBalance), locked: 0n, withdrawn: 0n });
    }
    withdrawals = [];
    seenSignatures = new Set();
    requests = [];
    faults = [];
  }
  reset();

  let baseUrl = '';
  let closed = false;
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set();

  /**
   * @param {number} ms
   * @returns {Promise<void>}
   */
  function sleep(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  /**
   * Takes one use of the first queued fault for this path, if any.
   * @param {string} path
   * @returns {Fault | undefined}
   */
  function takeFault(path) {
    const index = faults.findIndex((fault) => fault.path === path);
    const fault = faults[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults.splice(index, 1);
    return fault;
  }

  /**
   * @param {Balance | undefined} balance
   * @returns {Balance}
   */
  function must(balance) {
    if (!balance) throw new Error('sandbox: missing balance entry');
    return balance;
  }

  /**
   * @param {Withdrawal} w
   */
  function describeWithdrawal(w) {
    return {
      id: w.id,
      asset: w.asset,
      qty: fromUnits(w.qty),
      net: fromUnits(w.net),
      address: w.address,
      status: w.status,
      time: w.time,
      email_confirmed: w.emailConfirmed,
      transaction: w.transactionHash === null ? null : { hash: w.transactionHash },
    };
  }

  /**
   * @param {ApiRequest} req
   * @returns {boolean}
   */
  function hasValidApiKey(req) {
    const key = headerValue(req.headers, 'x-api-key');
    return key !== undefined && safeEqual(key, apiKey);
  }

  // ----- exchange endpoints -----

  /** @returns {Reply} */
  function getTime() {
    return envelope(200, 200, '', Math.trunc(now()));
  }

  /** @returns {Reply} */
  function getPing() {
    return envelope(200, 200, 'pong', {});
  }

  /** @returns {Reply} */
  function getAssets() {
    /** @type {Record<string, unknown>} */
    const result = {};
    for (const asset of ASSET_LIST) {
      result[asset.id] = {
        id: asset.id,
        name: asset.name,
        type: asset.type,
        decimals: 8,
        fees: { withdrawal: Number(asset.withdrawalFee) },
        withdrawals_enabled: true,
      };
    }
    return envelope(200, 200, '', result);
  }

  /**
   * @param {ApiRequest} req
   * @returns {Reply}
   */
  function getPersonal(req) {
    if (!hasValidApiKey(req)) return envelope(401, 401, 'Invalid API key');
    /** @type {Record<string, unknown>} */
    const balanceResult = {};
    /** @type {Record<string, string>} */
    const depositAddresses = {};
    for (const asset of ASSET_LIST) {
      const balance = must(balances.get(asset.id));
      balanceResult[asset.id] = {
        free: unitsToNumber(balance.free),
        locked: unitsToNumber(balance.locked),
        withdrawn: unitsToNumber(balance.withdrawn),
        pnl: 0,
        margin: 0,
        fees: 0,
      };
      depositAddresses[asset.id] = asset.type === 'bitcoin' ? BTC_DEPOSIT_ADDRESS : ETH_DEPOSIT_ADDRESS;
    }
    return envelope(200, 200, '', {
      email: 'demo@sandbox.local',
      verification_level: 1,
      permissions: { withdraw_enabled: true, api_enabled: true, trade_enabled: true },
      withdrawal_allowance: WITHDRAWAL_ALLOWANCE,
      balances: balanceResult,
      deposit_addresses: depositAddresses,
    });
  }

  /**
   * @param {ApiRequest} req
   * @returns {Reply}
   */
  function getWithdrawals(req) {
    if (!hasValidApiKey(req)) return envelope(401, 401, 'Invalid API key');
    return envelope(200, 200, '', withdrawals.map(describeWithdrawal));
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
    if (!hasValidApiKey(req)) return envelope(401, 401, 'Invalid API key');
    // 3. signature over the exact body bytes
    const signature = headerValue(req.headers, 'x-signature');
    const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(req.raw).digest('base64');
    if (signature === undefined || !safeEqual(signature, expected)) return envelope(401, 401, 'Invalid signature');
    // 4. fields: exactly asset, qty, address, timestamp, in that order
    const params = new URLSearchParams(req.raw.toString('utf8'));
    const keys = [...params.keys()];
    if (keys.length !== WITHDRAW_FIELDS.length || keys.some((key, i) => key !== WITHDRAW_FIELDS[i])) {
      return envelope(503, 503, 'Invalid request: expected fields asset, qty, address, timestamp');
    }
    const assetId = params.get('asset') ?? '';
    const qtyText = params.get('qty') ?? '';
    const address = params.get('address') ?? '';
    const timestampText = params.get('timestamp') ?? '';
    // 5. timestamp window
    if (!/^\d+$/.test(timestampText)) {
      return envelope(503, 503, 'Invalid request: timestamp must be an integer number of milliseconds');
    }
    const drift = now() - Number(timestampText);
    if (drift > TIMESTAMP_WINDOW_MS) return envelope(503, 414, 'The timestamp is too old.');
    if (drift < -TIMESTAMP_WINDOW_MS) return envelope(503, 414, 'The timestamp is too far in the future.');
    // 6. replay protection: an authenticated, fresh request is remembered by its signature
    if (seenSignatures.has(expected)) return envelope(503, 503, 'Duplicate request');
    seenSignatures.add(expected);
    // 7. asset
    const asset = ASSETS.get(assetId);
    if (!asset) return envelope(503, 503, 'Unknown asset');
    // 8. quantity
    if (!QTY_PATTERN.test(qtyText)) return envelope(503, 503, 'Invalid quantity');
    const qty = toUnits(qtyText);
    if (qty <= 0n) return envelope(503, 503, 'Invalid quantity');
    const fee = toUnits(asset.withdrawalFee);
    if (qty <= fee) return envelope(503, 503, 'Quantity must exceed the withdrawal fee');
    // 9. address
    const addressPattern = asset.type === 'bitcoin' ? BTC_ADDRESS_PATTERN : ETH_ADDRESS_PATTERN;
    if (!addressPattern.test(address)) return envelope(503, 503, 'Invalid address');
    // 10. balance
    const balance = must(balances.get(asset.id));
    if (qty > balance.free) return envelope(503, 503, 'Insufficient balance');

    balance.free -= qty;
    balance.locked += qty;
    /** @type {Withdrawal} */
    const withdrawal = {
      id: `wd_${randomBytes(6).toString('hex')}`,
      asset: asset.id,
      qty,
      net: qty - fee,
      address,
      status: 'PENDING',
      time: Math.trunc(now()),
      emailConfirmed: false,
      transactionHash: null,
    };
    withdrawals.unshift(withdrawal);
    const qtyOut = fromUnits(qty);
    say(
      `withdrawal ${withdrawal.id} ${qtyOut} ${asset.id} to ${address} awaiting email confirmation: ` +
        `open ${baseUrl}${CONTROL_PREFIX}/confirm/${withdrawal.id}`,
    );
    return envelope(200, 200, 'Withdrawal submitted. It will be processed once you confirm it by email.', {
      id: withdrawal.id,
      asset: asset.id,
      qty: qtyOut,
      net: fromUnits(withdrawal.net),
      address,
      status: withdrawal.status,
      time: withdrawal.time,
    });
  }

  /** @returns {Reply} */
  function getRoot() {
    const text = [
      'Everstrike sandbox exchange (fake; for local testing only).',
      '',
      'This server only speaks the exchange API: GET /time, /ping, /assets, /personal, /withdrawals',
      'and POST /auth/withdraw. The withdrawal app itself is served elsewhere (npm run demo starts both).',
      `Control endpoints for tests live under ${CONTROL_PREFIX}/ (see sandbox/README.md).`,
      '',
    ].join('\n');
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: text };
  }

  /** @type {Map<string, { method: 'GET' | 'POST', run: (req: ApiRequest) => Reply }>} */
  const routes = new Map([
    ['/', { method: 'GET', run: getRoot }],
    ['/time', { method: 'GET', run: getTime }],
    ['/ping', { method: 'GET', run: getPing }],
    ['/assets', { method: 'GET', run: getAssets }],
    ['/personal', { method: 'GET', run: getPersonal }],
    ['/withdrawals', { method: 'GET', run: getWithdrawals }],
    ['/auth/withdraw', { method: 'POST', run: postWithdraw }],
  ]);

  /**
   * @param {string} path
   * @param {ApiRequest} req
   * @param {boolean} tooLarge
   * @returns {Reply}
   */
  function api(path, req, tooLarge) {
    const route = routes.get(path);
    if (!route) return envelope(404, 404, 'Not found');
    const methodOk = req.method === route.method || (route.method === 'GET' && req.method === 'HEAD');
    if (!methodOk) {
      return { ...envelope(405, 405, 'Method not allowed'), headers: { allow: route.method === 'GET' ? 'GET, HEAD' : 'POST' } };
    }
    if (tooLarge) return envelope(413, 413, `Request body too large (limit ${MAX_BODY_BYTES} bytes)`);
    return route.run(req);
  }

  // ----- control endpoints -----

  /**
   * @param {string} id
   * @returns {Reply}
   */
  function confirm(id) {
    const withdrawal = withdrawals.find((w) => w.id === id);
    if (!withdrawal) return htmlReply(404, 'Unknown withdrawal (sandbox)', `No withdrawal ${id} (sandbox)`);
    if (withdrawal.status === 'PENDING') {
      const balance = must(balances.get(withdrawal.asset));
      balance.locked -= withdrawal.qty;
      balance.withdrawn += withdrawal.qty;
      withdrawal.status = 'COMPLETED';
      withdrawal.emailConfirmed = true;
      withdrawal.transactionHash = `0x${randomBytes(32).toString('hex')}`;
      say(`withdrawal ${withdrawal.id} confirmed by (simulated) email; transaction ${withdrawal.transactionHash}`);
    }
    return htmlReply(200, 'Withdrawal confirmed (sandbox)', `Withdrawal ${withdrawal.id} confirmed (sandbox)`);
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {Buffer} raw
   * @param {boolean} tooLarge
   * @returns {Reply}
   */
  function control(method, path, raw, tooLarge) {
    const sub = path.slice(CONTROL_PREFIX.length);
    /** @type {'GET' | 'POST' | undefined} */
    let allowed;
    if (sub === '/requests') allowed = 'GET';
    else if (sub === '/reset' || sub === '/fault') allowed = 'POST';
    else if (/^\/confirm\/[^/]+$/.test(sub)) allowed = 'GET';
    if (!allowed) return jsonReply(404, { ok: false, error: 'Unknown sandbox control endpoint' });
    if (method !== allowed && !(allowed === 'GET' && method === 'HEAD')) {
      return { ...jsonReply(405, { ok: false, error: 'Method not allowed' }), headers: { allow: allowed } };
    }
    if (tooLarge) return jsonReply(413, { ok: false, error: 'Body too large' });

    if (sub === '/requests') return jsonReply(200, { requests });
    if (sub === '/reset') {
      reset();
      return jsonReply(200, { ok: true });
    }
    if (sub === '/fault') {
      const parsed = parseFault(raw.toString('utf8'));
      if ('error' in parsed) return jsonReply(400, { ok: false, error: parsed.error });
      faults.push(parsed.fault);
      return jsonReply(200, { ok: true });
    }
    let id = sub.slice('/confirm/'.length);
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep the raw text; it will not match any id
    }
    return confirm(id);
  }

  // ----- request handling -----

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    const queryStart = target.indexOf('?');
    const path = queryStart === -1 ? target : target.slice(0, queryStart);
    const { raw, tooLarge } = await readBody(req);

    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      send(res, control(method, path, raw, tooLarge));
      return;
    }

    /** @type {Record<string, string | string[]>} */
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = value;
    }
    requests.push({ method, path, url: target, headers, body: raw.toString('utf8'), time: now() });

    /** @type {ApiRequest} */
    const apiRequest = { method, headers: req.headers, raw };
    const fault = takeFault(path);
    if (!fault) {
      send(res, api(path, apiRequest, tooLarge));
      return;
    }
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (closed) return;
    if (fault.passThrough) {
      // Processed even if the client has gone away meanwhile, as a real server would.
      const reply = api(path, apiRequest, tooLarge);
      if (fault.drop) req.socket.destroy();
      else send(res, reply);
      return;
    }
    if (fault.drop) {
      req.socket.destroy();
      return;
    }
    send(res, { status: fault.status, contentType: fault.contentType, body: fault.body });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A client that disconnects mid-body lands here as well; answer only if still possible.
      if (!res.headersSent && !res.destroyed) send(res, envelope(500, 500, 'Internal sandbox error'));
    });
  });

  return new Promise((resolve, reject) => {
    /** @param {Error} error */
    const onError = (error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      const boundPort = typeof address === 'object' && address !== null ? address.port : port;
      const displayHost =
        host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
      baseUrl = `http://${displayHost}:${boundPort}`;

      const usesDemoSecret = secret === 'sandbox-demo-secret';
      say(
        [
          `Everstrike sandbox exchange listening on ${baseUrl}`,
          `  API key: ${apiKey}`,
          usesDemoSecret
            ? `  Secret:  ${secret}   (fake demo credentials, only valid here)`
            : '  Secret:  (custom, from SANDBOX_SECRET; not printed)',
          '  Withdrawals stay PENDING until you simulate the email confirmation:',
          '  open the confirmation URL printed for each withdrawal.',
        ].join('\n'),
      );

      resolve({
        url: baseUrl,
        port: boundPort,
        close() {
          if (closed) return Promise.resolve();
          closed = true;
          for (const timer of timers) clearTimeout(timer);
          timers.clear();
          return new Promise((resolveClose) => {
            server.close(() => resolveClose());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// CLI

async function main() {
  const portText = process.env.SANDBOX_PORT || '8787';
  const host = process.env.SANDBOX_HOST || '127.0.0.1';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    console.error(`Sandbox: SANDBOX_PORT must be a port number from 0 to 65535, got "${portText}".`);
    process.exit(1);
  }
  /** @type {Sandbox | undefined} */
  let sandbox;
  // Handlers go in before the banner is printed, so a signal sent right after it is never fatal.
  let stopping = false;
  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`Sandbox: ${signal} received, shutting down.`);
    (sandbox ? sandbox.close() : Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    sandbox = await startSandbox({ port, host });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'EADDRINUSE') {
      console.error(
        `Sandbox: port ${port} on ${host} is already in use. Stop the other process or pick another port, ` +
          `e.g. SANDBOX_PORT=8788 npm run sandbox.`,
      );
    } else {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Sandbox: could not listen on ${host}:${port}: ${message}`);
    }
    process.exit(1);
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  void main();
}
