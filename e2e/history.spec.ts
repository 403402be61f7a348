import { expect, test } from '@playwright/test';
import { enterKeys, ETH_ADDRESS, fillWithdrawal, reviewAndConfirm, SandboxControl } from './support.ts';

/** The withdrawal history follows the data: it appears with the keys and moves on by itself. */

let sandbox: SandboxControl;

test.beforeEach(async ({ request }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
});

test('the history appears unasked and reaches "Completed" through the sandbox mailbox, without a reload', async ({ page }) => {
  await page.goto('/');
  await enterKeys(page);
  await expect(page.getByText('No withdrawals on this account.')).toBeVisible();

  await fillWithdrawal(page, { qty: '0.75', address: ETH_ADDRESS });
  await reviewAndConfirm(page);
  await expect(page.getByTestId('email-notice')).toBeVisible();

  const row = page.getByTestId('history-row').filter({ hasText: '0.75' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('history-status')).toHaveText('Awaiting email confirmation');
  await expect(row).toContainText('0.005');
  await expect(row).toContainText('0.745');
  await expect(row.getByTestId('history-address')).toHaveAttribute('title', ETH_ADDRESS);
  await expect(page.getByTestId('history-as-of')).toHaveText(/^As of \d\d:\d\d:\d\d$/);

  // The person opens the mailbox from the page and confirms there, in another tab.
  const [mailbox] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByTestId('email-notice').getByRole('link', { name: 'Open the sandbox mailbox' }).click(),
  ]);
  await mailbox.getByRole('link', { name: 'Confirm withdrawal' }).first().click();
  await expect(mailbox.getByText(/confirmed/i).first()).toBeVisible();
  await mailbox.close();

  // Back on the page, untouched: the list is read again every 5 s while the withdrawal is open.
  await expect(row.getByTestId('history-status')).toHaveText('Completed', { timeout: 20_000 });
  await expect(row.getByTestId('history-tx')).toHaveAttribute('title', /^0x[0-9a-f]{64}$/);
  const requestsWhenDone = (await sandbox.requests()).filter((entry) => entry.path === '/withdrawals').length;
  expect(requestsWhenDone).toBeGreaterThanOrEqual(2);
});

test('the history is newest first and polling stops once nothing is open', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await enterKeys(page);
  for (const qty of ['0.1', '0.2']) {
    await fillWithdrawal(page, { qty, address: ETH_ADDRESS });
    await reviewAndConfirm(page);
    await expect(page.getByTestId('email-notice')).toBeVisible();
    await page.getByRole('button', { name: 'New withdrawal' }).click();
  }
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('0.2');
  await expect(rows.nth(1)).toContainText('0.1');

  // Cancel both from the mailbox: nothing is open any more.
  for (const email of await sandbox.emails()) {
    const cancelled = await page.request.get(email.cancelUrl);
    expect(cancelled.ok()).toBe(true);
  }
  await page.clock.runFor(5_000);
  await expect(rows.getByTestId('history-status')).toHaveText(['Cancelled', 'Cancelled']);
  const reads = async () => (await sandbox.requests()).filter((entry) => entry.path === '/withdrawals').length;
  const settled = await reads();
  await page.clock.runFor(60_000);
  expect(await reads()).toBe(settled);
});
