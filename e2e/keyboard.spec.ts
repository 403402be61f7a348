import { expect, test, type Locator, type Page } from '@playwright/test';
import { API_KEY, ETH_ADDRESS, focusIndicatorsAdded, focusLook, SandboxControl, SECRET } from './support.ts';

/**
 * The whole withdrawal by keyboard alone (no mouse, no .click()): keys, asset, quantity, address, review,
 * Escape, review again, confirm, the email notice, a new withdrawal, forgetting the keys. At each step the
 * focus is where the person needs it, never on <body>, and every control shows exactly one focus indicator,
 * in the light and the dark scheme.
 */

let sandbox: SandboxControl;

test.beforeEach(async ({ request, page }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
  // Records every time the focus is left on <body> after leaving an element (checked a frame later, once
  // the page has had its chance to move it somewhere sensible).
  await page.addInitScript(() => {
    const lost: string[] = [];
    Object.assign(window, { focusLostToBody: lost });
    document.addEventListener('focusout', (event) => {
      const left = event.target instanceof Element ? `${event.target.tagName} ${event.target.textContent?.slice(0, 40) ?? ''}` : String(event.target);
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) lost.push(left);
      });
    });
  });
});

async function focusLostToBody(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { focusLostToBody: string[] }).focusLostToBody);
}

/** Presses Tab and expects `target` to take the focus with exactly one focus indicator. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  const before = await focusLook(target);
  await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
  expect(focusIndicatorsAdded(before, await focusLook(target)), 'a focused control shows one focus indicator, not none, not two').toBe(1);
}

/** Presses Tab until `target` has the focus (for stretches with several stops), at most `limit` times. */
async function tabUntil(page: Page, target: Locator, limit = 10): Promise<void> {
  for (let stop = 0; stop < limit; stop += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  await expect(target).toBeFocused();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('a whole withdrawal by keyboard alone, with the focus on what matters at each step', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByTestId('environment-badge')).toBeVisible();

      // 1. Keys.
      await tabTo(page, page.getByLabel('API key', { exact: true }));
      await page.keyboard.type(API_KEY);
      await tabTo(page, page.getByRole('button', { name: 'Show API key' }));
      await tabTo(page, page.getByLabel('Secret key', { exact: true }));
      await page.keyboard.type(SECRET);
      await tabTo(page, page.getByRole('button', { name: 'Show Secret key' }));
      await tabTo(page, page.getByRole('button', { name: 'Use keys for this tab' }));
      await page.keyboard.press('Enter');
      // Focus says the keys are in; the next stops are "Forget keys", then the withdrawal.
      await expect(page.getByTestId('keys-in-use')).toBeFocused();
      await expect(page.getByTestId('keys-in-use')).toContainText('Using API key');
      await tabTo(page, page.getByRole('button', { name: 'Forget keys' }));

      // 2. Asset, quantity, address; Enter in a field asks for the review.
      const asset = page.getByLabel('Asset');
      await tabTo(page, asset);
      // Typing a letter picks the first asset it starts (the only one with U); ArrowDown moves one down from ETH.
      await page.keyboard.press('ArrowDown');
      await expect(asset).toHaveValue('BNB');
      await page.keyboard.press('u');
      await expect(asset).toHaveValue('USDT');
      await tabTo(page, page.getByLabel('Quantity'));
      await page.keyboard.type('1250.5');
      await expect(page.getByTestId('figure-free')).toHaveText('25000 USDT');
      await tabTo(page, page.getByRole('button', { name: /^Max/ }));
      await tabTo(page, page.getByLabel('Address', { exact: true }));
      await page.keyboard.type(ETH_ADDRESS);
      await page.keyboard.press('Enter');

      // 3. The review takes the focus; Escape leaves it and gives the focus back to the form, entries kept.
      const reviewHeading = page.getByRole('heading', { name: 'Review what will be signed' });
      await expect(reviewHeading).toBeFocused();
      await expect(reviewHeading).toBeInViewport();
      await page.keyboard.press('Escape');
      await expect(reviewHeading).toHaveCount(0);
      await expect(asset).toBeFocused();
      await expect(asset).toHaveValue('USDT');
      await expect(page.getByLabel('Quantity')).toHaveValue('1250.5');

      // 4. Back to the review through its button; then to Confirm.
      await tabUntil(page, page.getByRole('button', { name: 'Review withdrawal' }));
      await page.keyboard.press('Enter');
      await expect(reviewHeading).toBeFocused();
      const confirm = page.getByRole('button', { name: 'Confirm withdrawal' });
      await expect(confirm).toBeEnabled();
      await tabTo(page, page.getByRole('button', { name: 'Copy address' }));
      await tabTo(page, page.getByRole('button', { name: 'Copy as curl' }));
      await tabTo(page, confirm);
      await page.keyboard.press('Enter');

      // 5. The answer takes the focus, on screen; the next stop is inside the email notice.
      const result = page.getByRole('heading', { name: 'The exchange accepted the withdrawal request' });
      await expect(result).toBeFocused();
      await expect(result).toBeInViewport();
      await expect(page.getByTestId('withdrawal-announcement')).toHaveText(/^Not processed yet: confirm the withdrawal from the email/);
      await tabTo(page, page.getByTestId('email-notice').getByRole('link', { name: 'Open the sandbox mailbox' }));
      expect(await sandbox.withdrawPosts()).toHaveLength(1);

      // 6. A new withdrawal starts on the first field; going back a stop reaches "Forget keys".
      await tabUntil(page, page.getByRole('button', { name: 'New withdrawal' }));
      await page.keyboard.press('Enter');
      await expect(asset).toBeFocused();
      await expect(page.getByLabel('Quantity')).toHaveValue('');
      await page.keyboard.press('Shift+Tab');
      await expect(page.getByRole('button', { name: 'Forget keys' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByLabel('API key', { exact: true })).toBeFocused();

      expect(await focusLostToBody(page)).toEqual([]);
    });
  });
}

test('a refusal by keyboard: the error takes the focus, Escape goes back to the form with every entry', async ({ page }) => {
  await sandbox.fault({ status: 503, body: JSON.stringify({ code: 503, msg: 'Insufficient balance', result: {} }) });
  await page.goto('/');
  await page.keyboard.press('Tab');
  await page.keyboard.type(API_KEY);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type(SECRET);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('keys-in-use')).toBeFocused();
  await tabUntil(page, page.getByLabel('Quantity'));
  await page.keyboard.type('0.5');
  await tabUntil(page, page.getByLabel('Address', { exact: true }));
  await page.keyboard.type(ETH_ADDRESS);
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('button', { name: 'Confirm withdrawal' });
  await expect(confirm).toBeEnabled();
  await tabUntil(page, confirm);
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('status-error-title')).toBeFocused();
  await expect(page.getByTestId('status-error-title')).toHaveText('The exchange refused the request');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Asset')).toBeFocused();
  await expect(page.getByLabel('Quantity')).toHaveValue('0.5');
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue(ETH_ADDRESS);
  expect(await focusLostToBody(page)).toEqual([]);
  expect(await sandbox.withdrawPosts()).toHaveLength(1);
});
