import { expect, test } from '@playwright/test';
import { enterKeys, ETH_ADDRESS, fillWithdrawal, SandboxControl } from './support.ts';

/** The account figures on the form, Max, and the refusals that happen before anything is signed. */

let sandbox: SandboxControl;

test.beforeEach(async ({ request }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
});

test('balance, fee, what arrives and the masked email are on the form before any review', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('figure-free')).toHaveCount(0);
  await enterKeys(page);

  await expect(page.getByTestId('figure-free')).toHaveText('10 ETH');
  await expect(page.getByTestId('figure-fee')).toHaveText('0.005 ETH');
  await expect(page.getByTestId('figure-withdrawals')).toHaveText('enabled');
  await expect(page.getByTestId('figure-allowance')).not.toHaveText(/unknown|Reading/);
  await expect(page.getByTestId('figure-email')).toHaveText('a••••••••x@example.org');
  await expect(page.getByRole('link', { name: 'Open the sandbox mailbox' }).first()).toHaveAttribute('href', /\/mailbox$/);
  await expect(page.getByTestId('figure-receive')).toHaveText('—');

  await page.getByLabel('Quantity').fill('0.3');
  await expect(page.getByTestId('figure-receive')).toHaveText('0.295 ETH');
  await page.getByLabel('Asset').selectOption('USDT');
  await page.getByLabel('Quantity').fill('1250.5');
  await expect(page.getByTestId('figure-free')).toHaveText('25000 USDT');
  await expect(page.getByTestId('figure-receive')).toHaveText('1245.5 USDT');
  // Nothing was signed or sent to show all this.
  expect(await sandbox.withdrawPosts()).toHaveLength(0);
});

test('Max fills in the free balance exactly, and that much can be sent', async ({ page }) => {
  await sandbox.account({ balances: { ETH: '1.23456789' } });
  await page.goto('/');
  await enterKeys(page);
  await expect(page.getByTestId('figure-free')).toHaveText('1.23456789 ETH');
  await page.getByRole('button', { name: /^Max/ }).click();
  await expect(page.getByLabel('Quantity')).toHaveValue('1.23456789');
  await expect(page.getByTestId('figure-receive')).toHaveText('1.22956789 ETH');

  await page.getByLabel('Address', { exact: true }).fill(ETH_ADDRESS);
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
  await expect(page.getByTestId('email-notice')).toBeVisible();
  const [post] = await sandbox.withdrawPosts();
  expect(new URLSearchParams(post?.body).get('qty')).toBe('1.23456789');
  await expect(page.getByTestId('figure-free')).toHaveText('0 ETH');
});

const refusals = [
  { name: 'more than the free balance', qty: '10.00000001', alert: 'more than your free balance of 10 ETH' },
  { name: 'not more than the fee', qty: '0.005', alert: 'The withdrawal fee is 0.005 ETH' },
];

for (const { name, qty, alert } of refusals) {
  test(`a quantity ${name} is refused at the quantity field and never signed`, async ({ page }) => {
    await page.goto('/');
    await enterKeys(page);
    await expect(page.getByTestId('figure-free')).toHaveText('10 ETH');
    await fillWithdrawal(page, { qty, address: ETH_ADDRESS });
    await page.getByRole('button', { name: 'Review withdrawal' }).click();
    await expect(page.getByRole('alert').filter({ hasText: alert })).toBeVisible();
    await expect(page.getByLabel('Quantity')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: 'Confirm withdrawal' })).toHaveCount(0);
    await page.keyboard.press('Enter');
    expect(await sandbox.withdrawPosts()).toHaveLength(0);
  });
}

test('a key whose withdrawals are disabled is refused before signing', async ({ page }) => {
  await sandbox.account({ withdrawEnabled: false });
  await page.goto('/');
  await enterKeys(page);
  await expect(page.getByTestId('figure-withdrawals')).toHaveText('disabled for this key');
  await fillWithdrawal(page, { qty: '1', address: ETH_ADDRESS });
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'withdrawals are not enabled' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm withdrawal' })).toHaveCount(0);
  expect(await sandbox.withdrawPosts()).toHaveLength(0);
});

test('when the balance cannot be read the page says so in place, warns instead of refusing, and still works', async ({ page }) => {
  await sandbox.fault({ path: '/personal', status: 503, body: JSON.stringify({ code: 503, msg: 'Account service down', result: {} }) });
  await page.goto('/');
  await enterKeys(page);
  await expect(page.getByTestId('figures-personal-problem')).toContainText('Balance unknown');
  await expect(page.getByTestId('figures-personal-problem')).toContainText('Account service down');
  await expect(page.getByTestId('figure-free')).toHaveText('unknown');
  await expect(page.getByTestId('figure-fee')).toHaveText('0.005 ETH');
  await fillWithdrawal(page, { qty: '0.5', address: ETH_ADDRESS });
  await expect(page.getByTestId('quantity-warnings')).toContainText('free balance is unknown');
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByTestId('review-warnings')).toContainText('free balance is unknown');
  await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
  await expect(page.getByTestId('email-notice')).toBeVisible();
  // The read after the send succeeds: the figures come back by themselves.
  await expect(page.getByTestId('figure-free')).toHaveText('9.5 ETH');
});
