import { expect, test, type Page } from '@playwright/test';
import { enterKeys, ETH_ADDRESS, fillWithdrawal, SandboxControl } from './support.ts';

/**
 * The page runs under Trusted Types with no policy at all (`require-trusted-types-for 'script'; trusted-types
 * 'none'`): the built app, the hydration of its prerendered first screen, every lazily loaded view and the curl
 * copy work without one console error or CSP violation, and a string given to an HTML sink throws.
 */

let sandbox: SandboxControl;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async ({ request }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
});

/** Console errors, uncaught errors and CSP violation reports of `page`, from its first script on. */
async function recordProblems(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} at ${event.sourceFile}:${event.lineNumber}`));
  });
  return async () => {
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    return [...problems, ...violations.map((violation) => `CSP violation: ${violation}`)];
  };
}

test('a whole withdrawal, from the first screen to Completed, runs with no console error and no CSP violation', async ({ page }) => {
  const problems = await recordProblems(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'; trusted-types 'none'");
  // Hydrated: the badge is filled in by the app, not by the prerendered HTML.
  await expect(page.getByTestId('environment-badge')).toHaveText(/Local sandbox exchange/);

  // The keys bring the account figures and the history (lazy views); the address brings its rules (lazy).
  await enterKeys(page);
  await expect(page.getByText('No withdrawals on this account.')).toBeVisible();
  await fillWithdrawal(page, { qty: '0.4', address: ETH_ADDRESS });
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByTestId('review-qty')).toHaveText('0.4 ETH');

  await page.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^curl -X POST /);

  await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
  await expect(page.getByTestId('status-code')).toHaveText('200');
  await expect(page.getByTestId('email-notice')).toBeVisible();
  expect(await sandbox.withdrawPosts()).toHaveLength(1);

  // Confirmed from the sandbox's mailbox as a person would: its link, its page, its Confirm link.
  const [mailbox] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByTestId('email-notice').getByRole('link', { name: 'Open the sandbox mailbox' }).click(),
  ]);
  await mailbox.getByRole('link', { name: 'Confirm withdrawal' }).first().click();
  await expect(mailbox.getByRole('heading', { name: 'Withdrawal confirmed' })).toBeVisible();
  await mailbox.close();
  const row = page.getByTestId('history-row').filter({ hasText: '0.4' });
  await expect(row.getByTestId('history-status')).toHaveText('Completed', { timeout: 20_000 });

  expect(await problems()).toEqual([]);
});

test('a string given to an HTML or script sink throws, and no policy can be made', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('environment-badge')).toHaveText(/Local sandbox exchange/);
  const attempt = (run: () => void) => page.evaluate(run).then(
    () => 'accepted',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );

  const innerHtml = await attempt(() => {
    document.body.innerHTML = '<b>x</b>';
  });
  expect(innerHtml).toMatch(/TypeError/);
  expect(innerHtml).toContain('TrustedHTML');
  const scriptSrc = await attempt(() => {
    document.createElement('script').src = '/evil.js';
  });
  expect(scriptSrc).toContain('TrustedScriptURL');
  const policy = await attempt(() => {
    type Factory = { createPolicy: (name: string, rules: { createHTML: (text: string) => string }) => unknown };
    const factory = (window as unknown as { trustedTypes?: Factory }).trustedTypes;
    if (factory === undefined) return;
    factory.createPolicy('anything', { createHTML: (text) => text });
  });
  expect(policy).toMatch(/policy|trusted/i);
  // The page is still the app, untouched.
  await expect(page.getByRole('heading', { name: 'Everstrike withdrawal' })).toBeVisible();
});
