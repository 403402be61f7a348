import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  checkLook,
  enterKeys,
  ETH_ADDRESS,
  fillWithdrawal,
  LOOKS,
  lookInWords,
  recordLayoutShifts,
  SandboxControl,
  sandboxWithdrawals,
  withdrawDirectly,
  WIDTHS,
} from './support.ts';

/**
 * Every state of the page, reached through the real UI against the sandbox, checked by axe-core (default
 * rules) in the light and the dark scheme, at desktop width and at 360 px, with no sideways scrolling; a
 * full-page screenshot of each goes to the test's output folder. Also: what is announced, and how compact
 * the success is on a phone.
 */

let sandbox: SandboxControl;

test.beforeEach(async ({ request }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
});

async function openReview(page: Page, qty: string): Promise<void> {
  await fillWithdrawal(page, { qty, address: ETH_ADDRESS });
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByRole('heading', { name: 'Review what will be signed' })).toBeFocused();
}

/** A history with every kind of row: completed (with its transaction), cancelled, and awaiting confirmation. */
async function historyOfEveryKind(request: APIRequestContext): Promise<void> {
  for (const qty of ['0.1', '0.2', '0.3']) await withdrawDirectly(request, { qty });
  const [awaiting, cancelled, completed] = await sandbox.emails();
  expect((await request.get(completed?.confirmUrl ?? '')).ok()).toBe(true);
  expect((await request.get(cancelled?.cancelUrl ?? '')).ok()).toBe(true);
  expect(awaiting).toBeDefined();
}

/** The page with keys in and the figures read, ready for a withdrawal. */
async function openWithKeys(page: Page): Promise<void> {
  await page.goto('/');
  await enterKeys(page);
  await expect(page.getByTestId('figure-free')).toHaveText(/^\d.* ETH$/);
}

/** From a history of every kind, a withdrawal sent through the page: the success, with four rows. */
async function sendOverHistory(page: Page, request: APIRequestContext): Promise<void> {
  await historyOfEveryKind(request);
  await openWithKeys(page);
  await openReview(page, '0.5');
  await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
  await expect(page.getByRole('heading', { name: 'The exchange accepted the withdrawal request' })).toBeFocused();
  await expect(page.getByTestId('history-row')).toHaveCount(4);
}

/**
 * Each state of the page: how to reach it through the UI (with what it must say there), and what must still hold
 * once it has been looked at. Each state × look is its own test, so each checks one look (axe, sideways scroll,
 * screenshot) and stays far below its timeout even on a busy machine.
 */
interface State {
  title: string;
  reach: (page: Page, request: APIRequestContext) => Promise<void>;
  afterwards?: (page: Page) => Promise<void>;
}

const STATES: Record<string, State> = {
  empty: {
    title: 'the empty page passes axe',
    async reach(page) {
      await page.goto('/');
      await expect(page.getByTestId('environment-badge')).toBeVisible();
    },
  },
  invalid: {
    title: 'invalid fields pass axe',
    async reach(page) {
      await openWithKeys(page);
      await fillWithdrawal(page, { qty: '1e-7', address: 'not an address' });
      await page.getByRole('button', { name: 'Review withdrawal' }).click();
      await expect(page.getByRole('alert')).toHaveCount(2);
    },
  },
  review: {
    title: 'the review passes axe',
    async reach(page) {
      await openWithKeys(page);
      await openReview(page, '0.5');
      await expect(page.getByRole('button', { name: 'Confirm withdrawal' })).toBeEnabled();
    },
  },
  success: {
    title: 'the success passes axe',
    reach: sendOverHistory,
  },
  history: {
    title: 'a history with every kind of row passes axe',
    async reach(page, request) {
      await sendOverHistory(page, request);
      // The confirmed withdrawal completes in the sandbox and the page's own polling shows it, with its hash.
      await expect(page.getByTestId('history-tx')).toHaveCount(1, { timeout: 15_000 });
      await expect(page.getByTestId('history-status')).toHaveText(['Awaiting email confirmation', 'Awaiting email confirmation', 'Cancelled', 'Completed']);
      await page.getByRole('heading', { name: '3. Your withdrawals' }).scrollIntoViewIfNeeded();
    },
  },
  sending: {
    title: 'sending passes axe and shows the seconds waited against the timeout',
    async reach(page) {
      // The sandbox sits on the withdrawal far longer than the check takes; the page's timeout is 20 s.
      await sandbox.fault({ delayMs: 60_000 });
      await openWithKeys(page);
      await openReview(page, '0.4');
      await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
      const elapsed = page.getByTestId('sending-elapsed');
      await expect(elapsed).toHaveText(/^\d+ s of 20 s$/);
      await expect(page.getByRole('progressbar', { name: 'Time waiting for the exchange’s answer' })).toHaveAttribute('max', '20');
      await expect(elapsed).not.toHaveText('0 s of 20 s');
    },
    async afterwards(page) {
      await expect(page.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    },
  },
  'exchange-error': {
    title: 'an exchange error passes axe and is announced by its title',
    async reach(page) {
      await sandbox.fault({ status: 503, body: JSON.stringify({ code: 503, msg: 'Withdrawals are paused for maintenance', result: {} }) });
      await openWithKeys(page);
      await openReview(page, '0.4');
      await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
      await expect(page.getByTestId('status-error-title')).toBeFocused();
      await expect(page.getByTestId('withdrawal-announcement')).toHaveText(
        'The exchange refused the request: Withdrawals are paused for maintenance (code 503, HTTP 503).',
      );
    },
  },
  'unknown-outcome': {
    title: 'an unknown outcome passes axe and says so first',
    async reach(page) {
      await sandbox.fault({ drop: true, passThrough: true });
      await openWithKeys(page);
      await openReview(page, '0.25');
      await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
      await expect(page.getByTestId('status-error-title')).toBeFocused();
      await expect(page.getByTestId('withdrawal-announcement')).toHaveText(/^Outcome unknown: the connection was lost\. /);
      await expect(page.getByTestId('attempt-resolution')).toHaveText(/^The exchange has it/);
    },
  },
};

for (const [name, state] of Object.entries(STATES)) {
  for (const look of LOOKS) {
    test(`${state.title} (${lookInWords(look)})`, async ({ page, request }, testInfo) => {
      await state.reach(page, request);
      await checkLook(page, testInfo, name, look);
      await state.afterwards?.(page);
    });
  }
}

test('on a phone the success leads with the email notice, is announced in one short sentence, and stays compact', async ({ page }, testInfo) => {
  await page.setViewportSize(WIDTHS.phone);
  await page.goto('/');
  await enterKeys(page);
  await expect(page.getByTestId('figure-email')).toHaveText('a••••••••x@example.org');
  await openReview(page, '1.5');
  await page.getByRole('button', { name: 'Confirm withdrawal' }).click();

  const heading = page.getByRole('heading', { name: 'The exchange accepted the withdrawal request' });
  await expect(heading).toBeFocused();
  // The essentials are on the first screen the result scrolls to: what to do next comes right under the heading.
  await expect(heading).toBeInViewport();
  await expect(page.getByTestId('email-notice')).toBeInViewport({ ratio: 1 });
  const announcement = page.getByTestId('withdrawal-announcement');
  await expect(announcement).toHaveText('Not processed yet: confirm the withdrawal from the email Everstrike sent to a••••••••x@example.org.');
  // The raw body is on the page (collapsed), never in what is announced.
  await expect(page.getByTestId('status-sent-body')).toBeHidden();
  await expect(page.getByTestId('status-sent-body')).toHaveText(/^asset=ETH&qty=1\.5&address=/);

  await expect(page.getByTestId('history-row')).toHaveCount(1);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  testInfo.annotations.push({ type: 'success page height at 360×800', description: `${height} px` });
  console.log(`success page height at 360×800: ${height} px`);
  await page.screenshot({ path: testInfo.outputPath('success-phone-first-screen.png') });
});

for (const [widthName, size] of Object.entries(WIDTHS)) {
  test(`what arrives by itself moves nothing (${widthName}): the exchange badge, the history's polls`, async ({ page, request }) => {
    // Windows without any input from the person: every layout shift in them counts, so none is allowed.
    await page.setViewportSize(size);
    await page.clock.install();
    const shifts = await recordLayoutShifts(page);
    await page.goto('/');
    await expect(page.getByTestId('environment-badge')).toBeVisible();
    expect(await shifts.take(), 'the page moved while it loaded').toEqual([]);

    await enterKeys(page);
    await openReview(page, '0.75');
    await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
    const row = page.getByTestId('history-row');
    await expect(row.getByTestId('history-status')).toHaveText('Awaiting email confirmation');
    await page.getByRole('heading', { name: '3. Your withdrawals' }).scrollIntoViewIfNeeded();
    await shifts.take();

    // The person confirms from the email, elsewhere; the exchange completes it; the page's next poll shows it.
    const [email] = await sandbox.emails();
    expect((await request.get(email?.confirmUrl ?? '')).ok()).toBe(true);
    await expect.poll(async () => (await sandboxWithdrawals(request))[0]?.status, { timeout: 10_000 }).toBe('COMPLETED');
    await page.clock.runFor(5_000);
    await expect(row.getByTestId('history-status')).toHaveText('Completed');
    await expect(row.getByTestId('history-tx')).toBeVisible();
    await page.clock.runFor(5_000);
    expect(await shifts.take(), 'the history moved the page when it was read again').toEqual([]);
  });
}
