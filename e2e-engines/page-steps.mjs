// @ts-check
/**
 * What the engine specs share: talking to the sandbox's control endpoints, and the person's steps and checks on
 * the page (keys, the form, text by test id), written once over the Driver interface.
 */
import assert from 'node:assert/strict';
import { findInPage, textInPage, waitUntil } from './driver.mjs';

/** The keys the sandbox is started with: a non-ASCII secret, so a signature it accepts proves UTF-8 encoding. */
export const API_KEY = 'engines-key';
export const SECRET = 'clé-secrète-ÆØÅ-漢字';
export const ETH_ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';

/** @typedef {import('./driver.mjs').Driver} Driver */
/** @typedef {import('../sandbox/types.mjs').RecordedRequest} RecordedRequest */

/** The sandbox's control endpoints (never reachable through the app's proxy). */
export class SandboxControl {
  /** @param {string} url */
  constructor(url) {
    this.url = url;
  }

  /** @param {string} path @param {unknown} [body] */
  async post(path, body) {
    const answer = await fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    assert.equal(answer.status, 200, `POST ${path}: ${await answer.text()}`);
  }

  reset() {
    return this.post('/__sandbox/reset');
  }

  /** @param {Record<string, unknown>} fault */
  fault(fault) {
    return this.post('/__sandbox/fault', fault);
  }

  /** @returns {Promise<RecordedRequest[]>} */
  async withdrawPosts() {
    const { requests } = /** @type {{ requests: RecordedRequest[] }} */ (await (await fetch(`${this.url}/__sandbox/requests`)).json());
    return requests.filter((entry) => entry.method === 'POST' && entry.path === '/auth/withdraw');
  }

  /** The exchange's own withdrawal list (what the page reads), newest first. */
  async withdrawals() {
    const answer = await fetch(`${this.url}/withdrawals`, { headers: { 'x-api-key': API_KEY } });
    return /** @type {{ id: string, status: string }[]} */ ((await answer.json()).result);
  }

  /** @returns {Promise<{ withdrawalId: string, status: string, subject: string }[]>} */
  async emails() {
    return (await (await fetch(`${this.url}/__sandbox/mailbox`)).json()).emails;
  }
}

/**
 * Waits until the element with `testId` has text matching `expected` (a whole string, or a pattern).
 * @param {Driver} page
 * @param {string} testId
 * @param {string | RegExp} expected
 * @param {number} [ms]
 */
export async function expectText(page, testId, expected, ms) {
  const fits = (/** @type {string | null} */ text) => text !== null && (typeof expected === 'string' ? text === expected : expected.test(text));
  return /** @type {Promise<string>} */ (waitUntil(`[data-testid="${testId}"] to read ${expected}`, () => page.evaluate(textInPage, testId), fits, ms));
}

/**
 * Waits until the named element is there and (not) disabled.
 * @param {Driver} page
 * @param {import('./driver.mjs').Query} query
 * @param {{ disabled: boolean }} state
 */
export async function expectControl(page, query, { disabled }) {
  await waitUntil(
    `${query.kind} "${query.name}" ${disabled ? 'disabled' : 'enabled'}`,
    () => page.evaluate(findInPage, query, 'state'),
    (found) => found !== null && 'present' in found && found.present && found.disabled === disabled,
  );
}

/** @param {Driver} page */
export async function enterKeys(page, apiKey = API_KEY, secret = SECRET) {
  await page.fill({ kind: 'label', name: 'API key' }, apiKey);
  await page.fill({ kind: 'label', name: 'Secret key' }, secret);
  await page.click({ kind: 'button', name: 'Use keys for this tab' });
  await expectControl(page, { kind: 'button', name: 'Forget keys' }, { disabled: false });
}

/**
 * @param {Driver} page
 * @param {{ asset?: string, qty: string, address: string }} values
 */
export async function fillWithdrawal(page, values) {
  await page.select({ kind: 'label', name: 'Asset' }, values.asset ?? 'ETH');
  await page.fill({ kind: 'label', name: 'Quantity' }, values.qty);
  await page.fill({ kind: 'label', name: 'Address' }, values.address);
}

export const REVIEW = /** @type {const} */ ({ kind: 'button', name: 'Review withdrawal' });
export const CONFIRM = /** @type {const} */ ({ kind: 'button', name: 'Confirm withdrawal' });
export const CHECKED_LIST = /** @type {const} */ ({ kind: 'checkbox', name: 'I checked my withdrawal list', prefix: true });
/** The review's tick for a withdrawal the exchange's list already holds (the same asset, quantity and address). */
export const SECOND_WITHDRAWAL = /** @type {const} */ ({ kind: 'checkbox', name: 'I mean a second withdrawal', prefix: true });

/** @param {Driver} page */
export async function reviewAndConfirm(page) {
  await page.click(REVIEW);
  await page.click(CONFIRM);
}
