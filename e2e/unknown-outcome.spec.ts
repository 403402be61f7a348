import { expect, test } from '@playwright/test';
import { enterKeys, ETH_ADDRESS, fillWithdrawal, reviewAndConfirm, SandboxControl } from './support.ts';

/** Outcomes the page cannot know from the answer: resolved against the list, never resent by themselves. */

let sandbox: SandboxControl;

test.beforeEach(async ({ request }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
});

test('after an unknown outcome the page reads the list at once and shows the accepted withdrawal unasked', async ({ page }) => {
  // The sandbox accepts the withdrawal, then drops the connection: the page never hears the answer.
  await sandbox.fault({ drop: true, passThrough: true });
  await page.goto('/');
  await enterKeys(page);
  await expect(page.getByTestId('figure-free')).toHaveText('10 ETH');
  await fillWithdrawal(page, { asset: 'USDT', qty: '1250.5', address: ETH_ADDRESS });
  await reviewAndConfirm(page);

  await expect(page.getByTestId('status-error-title')).toHaveText(/^Outcome unknown/);
  const [withdrawal] = (await sandbox.emails()).map((email) => email.withdrawalId);
  await expect(page.getByTestId('attempt-resolution')).toHaveText(
    new RegExp(`^The exchange has it: withdrawal ${withdrawal}, awaiting email confirmation, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.$`),
  );
  await expect(page.getByTestId('history-row').filter({ hasText: '1250.5' })).toContainText('Awaiting email confirmation');
  // The figures are read again too: the money is no longer free.
  await expect(page.getByTestId('figure-free')).toHaveText('23749.5 USDT');
  await expect(page.getByRole('alert').filter({ hasText: 'more than your free balance' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Confirm withdrawal' })).toBeDisabled();
  expect(await sandbox.withdrawPosts()).toHaveLength(1);
});

test('a 200 answer with code 0 is not shown as accepted: the outcome is unknown and the resend is gated', async ({ page }) => {
  await sandbox.fault({ status: 200, body: JSON.stringify({ code: 0, msg: 'error', result: {} }) });
  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { qty: '0.5', address: ETH_ADDRESS });
  await reviewAndConfirm(page);

  await expect(page.getByTestId('status-error-title')).toHaveText('Outcome unknown: not a success answer');
  await expect(page.getByTestId('status-error-detail')).toContainText('The exchange answered code 0: error.');
  await expect(page.getByTestId('email-notice')).toHaveCount(0);
  await expect(page.getByText('The exchange accepted the withdrawal request.')).toHaveCount(0);
  // The fault answered without processing it: the list says so, and sending again needs the person's word.
  await expect(page.getByTestId('attempt-resolution')).toHaveText(/^Not in the list as of \d\d:\d\d:\d\d\./);
  const confirm = page.getByRole('button', { name: 'Confirm withdrawal' });
  await expect(confirm).toBeDisabled();
  await page.getByLabel(/I checked my withdrawal list/).check();
  await confirm.click();
  await expect(page.getByTestId('email-notice')).toBeVisible();
  expect(await sandbox.withdrawPosts()).toHaveLength(2);
});

test('reloading mid-send asks first; the reloaded page names the attempt, finds it in the list and gates Confirm', async ({ page }) => {
  // The sandbox holds the request for 2 s, then processes it even though the page has gone.
  await sandbox.fault({ delayMs: 2_000, passThrough: true });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { qty: '0.25', address: ETH_ADDRESS });
  await reviewAndConfirm(page);
  await expect(page.getByRole('button', { name: 'Sending…' })).toBeDisabled();
  await expect.poll(async () => (await sandbox.withdrawPosts()).length).toBe(1);

  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).toContain('0.25');
  expect(stored).not.toContain('sandbox-demo');
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);

  const notice = page.getByTestId('unresolved-attempt');
  await expect(notice.getByRole('heading')).toHaveText('A withdrawal was being sent when this page was closed or reloaded');
  await expect(notice).toContainText('0.25 ETH');
  await expect(page.getByTestId('attempt-resolution')).toContainText('Add your API key and secret above');
  await enterKeys(page);
  await expect(page.getByTestId('attempt-resolution')).toHaveText(/^The exchange has it: withdrawal wd_\w+, awaiting email confirmation/, { timeout: 15_000 });
  // Found: its outcome is known, so the tab no longer keeps it.
  await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(0);

  // The same withdrawal cannot simply be confirmed again.
  await fillWithdrawal(page, { qty: '0.25', address: ETH_ADDRESS });
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  const confirm = page.getByRole('button', { name: 'Confirm withdrawal' });
  // Once the clock is read, only the check holds Confirm back.
  await expect(page.getByText('Reading the exchange’s clock…')).toHaveCount(0);
  await expect(page.getByText(/First say you checked your withdrawal list/)).toBeVisible();
  await expect(confirm).toBeDisabled();
  expect(await sandbox.withdrawPosts()).toHaveLength(1);
  await page.getByLabel(/I checked my withdrawal list/).check();
  // The list holds that same withdrawal, so the review names it and asks for its own tick too.
  await expect(page.getByTestId('review-duplicate')).toContainText('Awaiting email confirmation');
  await expect(confirm).toBeDisabled();
  await page.getByLabel('I mean a second withdrawal of the same amount to the same address.').check();
  await expect(confirm).toBeEnabled();
});
