// @ts-check
/**
 * What `npm run load` and `npm run bench` share to talk to a local exchange: starting the sandbox and the
 * built server as child processes, one HTTP exchange that never rejects, and a withdrawal signed exactly as
 * the page signs it (the form body in order asset, qty, address, timestamp; HMAC-SHA256 in WebCrypto, base64).
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { SANDBOX_DEMO_KEYS } from '../../contract/everstrike.mjs';
import { PROJECT_ROOT } from '../build.mjs';

export const SANDBOX_API_KEY = SANDBOX_DEMO_KEYS.apiKey;
const SANDBOX_SECRET = SANDBOX_DEMO_KEYS.secret;
const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const REQUEST_TIMEOUT_MS = 30_000;

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
export const stopChildren = () => children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
process.on('exit', stopChildren);
process.on('SIGINT', () => process.exit(130));

/**
 * Starts `script` (relative to the project) and resolves with the URL its banner prints.
 * @param {string} script
 * @param {Record<string, string>} env
 * @param {RegExp} banner its first group is the URL
 */
export function startChild(script, env, banner) {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  // The server's per-request lines and warnings are not the report; they are shown only if it fails to start.
  let errors = '';
  child.stderr?.on('data', (/** @type {Buffer} */ chunk) => {
    if (errors.length < 10_000) errors += chunk.toString();
  });
  child.once('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(errors);
  });
  return /** @type {Promise<string>} */ (
    new Promise((resolve, reject) => {
      let printed = '';
      child.stdout?.on('data', (/** @type {Buffer} */ chunk) => {
        if (printed.length > 10_000) return;
        printed += chunk.toString();
        const match = printed.match(banner);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`${script} exited with code ${code}`)));
      setTimeout(() => reject(new Error(`${script} printed no banner within 15 s`)), 15_000).unref();
    })
  );
}

/**
 * The sandbox on a free loopback port; resolves with its URL.
 * @param {Record<string, string>} [env] more settings, e.g. SANDBOX_PROCESSING_MS
 */
export const startSandbox = (env = {}) =>
  startChild('sandbox/server.mjs', { SANDBOX_PORT: '0', SANDBOX_HOST: '127.0.0.1', ...env }, /listening on (http:\/\/[\d.:]+)/);

/**
 * The built production server on a free loopback port, forwarding to `exchangeUrl`; resolves with its URL.
 * @param {string} exchangeUrl
 */
export const startServer = (exchangeUrl) =>
  startChild('dist-server/server/main.js', { PORT: '0', HOST: '127.0.0.1', EVERSTRIKE_API_URL: exchangeUrl }, /app at (http:\/\/[\d.:]+)/);

/**
 * @typedef {object} Answer
 * @property {number} status 0 when there was no answer
 * @property {string} mark the proxy's x-everstrike-proxy header, if any
 * @property {string} text
 * @property {number} ms
 */

/**
 * A keep-alive agent, so latency figures measure requests, not TCP handshakes.
 * @param {number} maxSockets
 */
export const keepAliveAgent = (maxSockets) => new Agent({ keepAlive: true, maxSockets });

/**
 * One HTTP exchange; never rejects.
 * @param {Agent} agent
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string }} [init]
 * @returns {Promise<Answer>}
 */
export function send(agent, url, init = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const noAnswer = () => resolve({ status: 0, mark: 'no answer', text: '', ms: performance.now() - started });
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks = /** @type {Buffer[]} */ ([]);
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const mark = res.headers['x-everstrike-proxy'];
        resolve({ status: res.statusCode ?? 0, mark: typeof mark === 'string' ? mark : '', text: Buffer.concat(chunks).toString(), ms: performance.now() - started });
      });
      res.on('error', noAnswer);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', noAnswer);
    req.end(init.body);
  });
}

const subtle = globalThis.crypto.subtle;
const key = await subtle.importKey('raw', new TextEncoder().encode(SANDBOX_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

/**
 * The page's money path for a USDT withdrawal of `qty`, stamped now, for the sandbox's demo key.
 * @param {string} qty
 */
export async function signedWithdrawal(qty) {
  const body = new URLSearchParams({ asset: 'USDT', qty, address: ADDRESS, timestamp: String(Date.now()) }).toString();
  const signature = Buffer.from(await subtle.sign('HMAC', key, new TextEncoder().encode(body))).toString('base64');
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': SANDBOX_API_KEY, 'x-signature': signature } };
}

/** A quantity unique to request `i` (6.000001, 6.000002, …: USDT takes 6 decimals), so each withdrawal can be recognised. */
export const qtyFor = (/** @type {number} */ i) => `6.${String(i).padStart(6, '0')}`;

/** Exact 1e-8 units of a decimal string, for matching the sandbox's list (which drops trailing zeros). */
export const units = (/** @type {string} */ qty) => {
  const [whole = '0', fraction = ''] = qty.split('.');
  return BigInt(whole) * 100_000_000n + BigInt(fraction.padEnd(8, '0'));
};

/** @param {number[]} sorted ascending @param {number} p */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
