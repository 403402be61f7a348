// @ts-check
/**
 * The five specs every engine beside Chromium runs (issue 12): the money path with a non-ASCII secret (the sandbox
 * checks the signature), the email notice, a refused address, an unknown outcome and the reload guard. Each is a
 * plain async function of a Driver and the sandbox's control, so run.mjs can run it in Firefox and in WebKit.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  API_KEY,
  CHECKED_LIST,
  CONFIRM,
  enterKeys,
  ETH_ADDRESS,
  expectControl,
  expectText,
  fillWithdrawal,
  REVIEW,
  reviewAndConfirm,
  SECOND_WITHDRAWAL,
  SECRET,
} from './page-steps.mjs';
import { waitUntil } from './driver.mjs';

/** @typedef {(page: import('./driver.mjs').Driver, sandbox: import('./page-steps.mjs').SandboxControl) => Promise<void>} Spec */

/** @type {Record<string, Spec>} */
export const SPECS = {
  async 'the money path: a withdrawal signed with a non-ASCII secret is accepted as sent'(page, sandbox) {
    await page.goto('/');
    await expectText(page, 'environment-badge', /^Local sandbox exchange/);
    await enterKeys(page);
    await expectText(page, 'figure-free', '10 ETH');
    await fillWithdrawal(page, { qty: '1.50', address: `  ${ETH_ADDRESS} ` });
    await page.click(REVIEW);
    await expectText(page, 'review-qty', '1.5 ETH');
    await expectText(page, 'review-address', '0x 829b d824 b016 326a 401d 083b 33d0 9229 3333 a830');
    assert.deepEqual(await sandbox.withdrawPosts(), [], 'nothing is sent before the person confirms');

    await page.click(CONFIRM);
    await expectText(page, 'status-code', '200');
    await expectText(page, 'status-withdrawal-id', /^wd_/);
    const [post, ...more] = await sandbox.withdrawPosts();
    assert.equal(more.length, 0, 'exactly one request');
    assert.ok(post);
    assert.match(post.body, new RegExp(`^asset=ETH&qty=1\\.5&address=${ETH_ADDRESS}&timestamp=\\d{13}$`));
    assert.equal(post.headers['x-api-key'], API_KEY);
    // The sandbox accepted it, so it verified the signature; this says why: HMAC over the secret's UTF-8 bytes.
    assert.equal(post.headers['x-signature'], createHmac('sha256', Buffer.from(SECRET, 'utf8')).update(post.body).digest('base64'));
    await expectText(page, 'status-sent-body', post.body);
    // The balance is read again: the quantity is now locked.
    await expectText(page, 'figure-free', '8.5 ETH');
  },

  async 'the success leads with the email notice and announces it in one sentence'(page, sandbox) {
    await page.goto('/');
    await enterKeys(page);
    await expectText(page, 'figure-email', 'a••••••••x@example.org');
    await fillWithdrawal(page, { asset: 'USDT', qty: '250', address: ETH_ADDRESS });
    await reviewAndConfirm(page);
    await expectText(page, 'email-notice', /only after you confirm it from the email/);
    await expectText(page, 'withdrawal-announcement', 'Not processed yet: confirm the withdrawal from the email Everstrike sent to a••••••••x@example.org.');
    const id = await expectText(page, 'status-withdrawal-id', /^wd_/);
    const [email] = await sandbox.emails();
    assert.equal(email?.withdrawalId, id, 'the email in the mailbox is for the withdrawal the page shows');
    assert.equal(email?.subject, 'Confirm your withdrawal of 250 USDT');
  },

  async 'an address that is not one is refused next to its field and never sent'(page, sandbox) {
    await page.goto('/');
    await enterKeys(page);
    for (const { address, reason } of [
      { address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', reason: '0x followed by 40' },
      { address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', reason: 'EIP-55 checksum' },
    ]) {
      await fillWithdrawal(page, { qty: '1', address });
      await page.click(REVIEW);
      await waitUntil(
        `an alert saying "${reason}"`,
        () => page.evaluate(() => [...document.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent ?? '')),
        (alerts) => alerts.some((text) => text.includes(reason)),
      );
      assert.equal(await page.evaluate(() => document.querySelector('[data-testid="review-qty"]')), null, 'no review is shown');
    }
    assert.deepEqual(await sandbox.withdrawPosts(), []);
  },

  async 'a connection lost after the exchange acted: outcome unknown, found in the list, never resent unasked'(page, sandbox) {
    // The sandbox processes the withdrawal, then drops the connection: the page never hears the answer.
    await sandbox.fault({ drop: true, passThrough: true });
    await page.goto('/');
    await enterKeys(page);
    await fillWithdrawal(page, { qty: '0.25', address: ETH_ADDRESS });
    await reviewAndConfirm(page);
    await expectText(page, 'status-error-title', 'Outcome unknown: the connection was lost');
    await expectText(page, 'status-error-detail', /Check your withdrawal list/);
    await expectText(page, 'attempt-resolution', /^The exchange has it: withdrawal wd_\w+, awaiting email confirmation, /);
    await expectControl(page, CONFIRM, { disabled: true });
    assert.equal((await sandbox.withdrawPosts()).length, 1);
    await page.click(CHECKED_LIST);
    // The list holds that same withdrawal: the review names it and asks for its own tick too.
    await expectText(page, 'review-duplicate', /Awaiting email confirmation/);
    await expectControl(page, CONFIRM, { disabled: true });
    await page.click(SECOND_WITHDRAWAL);
    await expectControl(page, CONFIRM, { disabled: false });
  },

  async 'reloading mid-send: the reloaded page names the attempt, finds it in the list and gates Confirm'(page, sandbox) {
    // The sandbox holds the request for 2 s, then processes it even though the page has gone.
    await sandbox.fault({ delayMs: 2_000, passThrough: true });
    await page.goto('/');
    await enterKeys(page);
    await fillWithdrawal(page, { qty: '0.25', address: ETH_ADDRESS });
    await reviewAndConfirm(page);
    await expectControl(page, { kind: 'button', name: 'Sending…' }, { disabled: true });
    await waitUntil('the request to reach the sandbox', async () => (await sandbox.withdrawPosts()).length, (count) => count === 1);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.match(stored, /0\.25/, 'the attempt is kept in the browser');
    assert.ok(!stored.includes(SECRET) && !stored.includes(API_KEY), 'never the keys');
    // The page asks before it goes. Puppeteer reports the prompt; WebDriver classic accepts it unseen (what the
    // reloaded page shows below is the guard's other half either way).
    const prompts = await page.reload();
    if (page.seesPrompts) assert.deepEqual(prompts, ['beforeunload']);

    await expectText(page, 'unresolved-attempt', /^A withdrawal was being sent when this page was closed or reloaded.*0\.25 ETH/);
    await expectText(page, 'attempt-resolution', /Add your API key and secret above/);
    // The page reads the list once the keys are in (and again every few seconds): once the exchange has it.
    await waitUntil('the sandbox to process the held request', async () => (await sandbox.withdrawals()).length, (count) => count === 1);
    await enterKeys(page);
    await expectText(page, 'attempt-resolution', /^The exchange has it: withdrawal wd_\w+, awaiting email confirmation/, 10_000);
    // Found: its outcome is known, so the browser no longer keeps it.
    await waitUntil('local storage to be empty', () => page.evaluate(() => localStorage.length), (length) => length === 0);
    await fillWithdrawal(page, { qty: '0.25', address: ETH_ADDRESS });
    await page.click(REVIEW);
    // Once the clock is read, only the check holds Confirm back.
    await waitUntil('the page to ask for the check', () => page.evaluate(() => document.body.textContent ?? ''), (text) => text.includes('First say you checked your withdrawal list') && !text.includes('Reading the exchange’s clock…'));
    await expectControl(page, CONFIRM, { disabled: true });
    assert.equal((await sandbox.withdrawPosts()).length, 1, 'the reload sent nothing again');
    await page.click(CHECKED_LIST);
    // The list holds that same withdrawal: the review names it and asks for its own tick too.
    await expectText(page, 'review-duplicate', /Awaiting email confirmation/);
    await expectControl(page, CONFIRM, { disabled: true });
    await page.click(SECOND_WITHDRAWAL);
    await expectControl(page, CONFIRM, { disabled: false });
  },
};
