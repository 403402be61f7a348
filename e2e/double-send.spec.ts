import { expect, test, type Page } from '@playwright/test';
import { enterKeys, ETH_ADDRESS, fillWithdrawal, SandboxControl, withdrawDirectly } from './support.ts';

/**
 * No path sends the same withdrawal twice without the person saying so, and a look-alike address is stopped:
 * two tabs, a tab closed after an unknown outcome, the same tab a minute later, a poisoned address, a new one.
 */

let sandbox: SandboxControl;

test.beforeEach(async ({ request }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
});

/** Lower-case hex (no checksum to break) that starts and ends like ETH_ADDRESS: what a poisoner plants. */
const POISONED = '0x829b00000000000000000000000000000000a830';

async function reviewOf(page: Page, qty: string, address = ETH_ADDRESS): Promise<void> {
  await fillWithdrawal(page, { qty, address });
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByTestId('review-qty')).toHaveText(`${qty} ETH`);
}

const confirmOf = (page: Page) => page.getByRole('button', { name: 'Confirm withdrawal' });

test('two tabs: the second sees the first one sending at once, and then names it as the same withdrawal', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  for (const page of [first, second]) {
    await page.goto('/');
    await enterKeys(page);
  }
  // The exchange is slow: the first tab's withdrawal is on its way for 3 s.
  await sandbox.fault({ path: '/auth/withdraw', delayMs: 3000, passThrough: true });
  await reviewOf(first, '0.25');
  await confirmOf(first).click();
  await expect(second.getByTestId('unresolved-attempt')).toContainText('0.25 ETH');
  await expect(second.getByRole('heading', { name: /Another tab of this page is sending a withdrawal/ })).toBeVisible();
  await reviewOf(second, '0.25');
  await expect(confirmOf(second)).toBeDisabled();

  // The first is accepted; the second tab now finds it in the exchange's list and names it.
  await expect(first.getByTestId('email-notice')).toBeVisible();
  await expect(second.getByTestId('review-duplicate')).toContainText(/wd_[0-9a-f]+, Awaiting email confirmation/);
  await expect(confirmOf(second)).toBeDisabled();
  await second.getByLabel('I mean a second withdrawal of the same amount to the same address.').check();
  await expect(confirmOf(second)).toBeEnabled();
  expect(await sandbox.withdrawPosts()).toHaveLength(1);
});

test('a tab closed after an unknown outcome: a fresh tab names the withdrawal the exchange has', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/');
  await enterKeys(first);
  await sandbox.fault({ path: '/auth/withdraw', drop: true, passThrough: true });
  await reviewOf(first, '0.3');
  await confirmOf(first).click();
  await expect(first.getByTestId('attempt-resolution')).toContainText('The exchange has it');
  await first.close();

  const fresh = await context.newPage();
  await fresh.goto('/');
  await enterKeys(fresh);
  await reviewOf(fresh, '0.3');
  await expect(fresh.getByTestId('review-duplicate')).toContainText('Awaiting email confirmation');
  await expect(confirmOf(fresh)).toBeDisabled();
  expect(await sandbox.withdrawPosts()).toHaveLength(1);
});

test('the same withdrawal again in the same tab is named, and gated until the person means a second one', async ({ page }) => {
  await page.goto('/');
  await enterKeys(page);
  await reviewOf(page, '0.4');
  await expect(page.getByTestId('review-duplicate')).toHaveCount(0);
  await confirmOf(page).click();
  await expect(page.getByTestId('email-notice')).toBeVisible();
  await page.getByRole('button', { name: 'New withdrawal' }).click();

  await reviewOf(page, '0.4');
  await expect(page.getByTestId('review-duplicate')).toContainText('The exchange already has this same withdrawal (0.4 ETH to this address)');
  await expect(confirmOf(page)).toBeDisabled();
  await page.getByLabel('I mean a second withdrawal of the same amount to the same address.').check();
  await confirmOf(page).click();
  await expect(page.getByTestId('email-notice')).toBeVisible();
  expect(await sandbox.withdrawPosts()).toHaveLength(2);
});

test('a look-alike of an address used before is stopped and shown side by side, the differences marked', async ({ page, request }) => {
  await withdrawDirectly(request, { qty: '1', address: ETH_ADDRESS });
  await page.goto('/');
  await enterKeys(page);
  // The field offers the address used before.
  await expect(page.getByTestId('previous-addresses').locator('option')).toHaveAttribute('value', ETH_ADDRESS);
  await reviewOf(page, '0.5', POISONED);
  const warning = page.getByTestId('review-look-alike');
  await expect(warning).toContainText('looks like one you withdrew ETH to before, but it is not the same address');
  await expect(warning.getByTestId('look-alike-previous')).toHaveText(ETH_ADDRESS);
  await expect(warning.getByTestId('look-alike-current')).toHaveText(POISONED);
  // Every character between the shared ends differs here, and is marked.
  const marked = await warning.getByTestId('look-alike-current').locator('mark').count();
  expect(marked).toBeGreaterThan(20);
  await expect(page.getByTestId('review-first-time')).toContainText('First withdrawal of ETH to this address');
  await expect(confirmOf(page)).toBeDisabled();
  await page.getByLabel('I compared every character: this is the address I mean.').check();
  await expect(confirmOf(page)).toBeEnabled();
  // Only the earlier withdrawal (sent straight to the sandbox to make the history) was ever sent.
  expect(await sandbox.withdrawPosts()).toHaveLength(1);
});

test('an address used before is not called new; a new one is', async ({ page, request }) => {
  await withdrawDirectly(request, { qty: '1', address: ETH_ADDRESS });
  await page.goto('/');
  await enterKeys(page);
  await reviewOf(page, '0.6');
  await expect(confirmOf(page)).toBeEnabled();
  await expect(page.getByTestId('review-first-time')).toHaveCount(0);
  await expect(page.getByTestId('review-known-address')).toHaveText('You have withdrawn ETH to this exact address before, as your withdrawal list shows.');
  await page.getByRole('button', { name: 'Edit' }).click();
  await reviewOf(page, '0.6', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
  await expect(page.getByTestId('review-first-time')).toBeVisible();
  await expect(page.getByTestId('review-known-address')).toHaveCount(0);
  await expect(page.getByTestId('review-look-alike')).toHaveCount(0);
});
