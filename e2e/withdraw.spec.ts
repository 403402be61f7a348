import { expect, test } from '@playwright/test';
import { API_KEY, enterKeys, ETH_ADDRESS, fillWithdrawal, reviewAndConfirm, SandboxControl, SECRET } from './support.ts';

let sandbox: SandboxControl;

test.beforeEach(async ({ request }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
});

test('a person sends a withdrawal and is told to confirm it by email', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto('/');
  await expect(page.getByTestId('environment-badge')).toHaveText(/Local sandbox exchange/);
  await enterKeys(page);
  await fillWithdrawal(page, { asset: 'ETH', qty: '1.50', address: `  ${ETH_ADDRESS} ` });

  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByTestId('review-qty')).toHaveText('1.5 ETH');
  await expect(page.getByTestId('review-address')).toHaveText('0x 829b d824 b016 326a 401d 083b 33d0 9229 3333 a830');
  await expect(page.getByTestId('review-body')).toContainText(`asset=ETH&qty=1.5&address=${ETH_ADDRESS}&timestamp=`);
  await expect(page.getByTestId('review-target')).toContainText('Local sandbox exchange');
  await expect(page.getByTestId('review-available')).toHaveText('10 ETH');
  await expect(page.getByTestId('review-fee')).toContainText('0.005 ETH');
  // Nothing is sent before the person confirms.
  expect(await sandbox.withdrawPosts()).toHaveLength(0);

  const beforeConfirm = Date.now();
  await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
  await expect(page.getByTestId('status-code')).toHaveText('200');
  await expect(page.getByTestId('status-withdrawal-id')).toHaveText(/^wd_/);
  await expect(page.getByTestId('email-notice')).toContainText('only after you confirm it from the email');

  const posts = await sandbox.withdrawPosts();
  expect(posts).toHaveLength(1);
  const [post] = posts;
  const fields = [...new URLSearchParams(post?.body).entries()];
  expect(fields.map(([name]) => name)).toEqual(['asset', 'qty', 'address', 'timestamp']);
  expect(post?.body).toMatch(new RegExp(`^asset=ETH&qty=1\\.5&address=${ETH_ADDRESS}&timestamp=\\d{13}$`));
  // What the page says it sent is exactly what the exchange received.
  await expect(page.getByTestId('status-sent-body')).toHaveText(post?.body ?? '');
  const timestamp = Number(new URLSearchParams(post?.body).get('timestamp'));
  expect(timestamp).toBeGreaterThanOrEqual(beforeConfirm - 1000);
  expect(post?.headers['x-api-key']).toBe(API_KEY);
  expect(post?.headers['content-type']).toBe('application/x-www-form-urlencoded');

  // The balance is read again: the quantity is now locked for this withdrawal.
  await expect(page.getByTestId('figure-free')).toHaveText('8.5 ETH');
  // The withdrawal list shows it, unasked, waiting for the email confirmation.
  await expect(page.getByTestId('history-row').filter({ hasText: ETH_ADDRESS })).toContainText('Awaiting email confirmation');
  expect(problems).toEqual([]);
});

test('an invalid quantity or address is explained next to its field and never sent', async ({ page }) => {
  await page.goto('/');
  await enterKeys(page);
  const cases = [
    { qty: '1e-7', address: ETH_ADDRESS, alert: 'without an exponent' },
    { qty: '0.000000001', address: ETH_ADDRESS, alert: 'at most 8 decimals' },
    { qty: '-1', address: ETH_ADDRESS, alert: 'without a sign' },
    { qty: '1', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', alert: 'EIP-55 checksum' },
    { qty: '1', address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', alert: '0x followed by 40' },
  ];
  for (const { qty, address, alert } of cases) {
    await fillWithdrawal(page, { qty, address });
    await page.getByRole('button', { name: 'Review withdrawal' }).click();
    await expect(page.getByRole('alert').filter({ hasText: alert })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Confirm withdrawal' })).toHaveCount(0);
  }
  await fillWithdrawal(page, { asset: 'BTC', qty: '0.1', address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe9' });
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'checksum' })).toBeVisible();
  await page.keyboard.press('Enter');
  expect(await sandbox.withdrawPosts()).toHaveLength(0);
});

test("a 503 shows the exchange's message and keeps every value", async ({ page }) => {
  await sandbox.fault({ status: 503, body: JSON.stringify({ code: 503, msg: 'Withdrawals are paused for maintenance', result: {} }) });
  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { asset: 'USDT', qty: '1250.5', address: ETH_ADDRESS });
  await reviewAndConfirm(page);

  await expect(page.getByTestId('status-error-title')).toHaveText('The exchange refused the request');
  await expect(page.getByTestId('status-error-detail')).toContainText('Withdrawals are paused for maintenance');
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByLabel('Asset')).toHaveValue('USDT');
  await expect(page.getByLabel('Quantity')).toHaveValue('1250.5');
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue(ETH_ADDRESS);
  expect(await sandbox.withdrawPosts()).toHaveLength(1);

  // The person chooses to send again, and this time the exchange accepts it.
  await reviewAndConfirm(page);
  await expect(page.getByTestId('email-notice')).toBeVisible();
  expect(await sandbox.withdrawPosts()).toHaveLength(2);
});

test('an HTML error page from a gateway is explained, and the outcome is called unknown', async ({ page }) => {
  await sandbox.fault({ status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { qty: '0.5', address: ETH_ADDRESS });
  await reviewAndConfirm(page);
  await expect(page.getByTestId('status-error-title')).toHaveText('Outcome unknown: unreadable answer');
  await expect(page.getByTestId('status-error-detail')).toContainText('an HTML page');
  await expect(page.getByTestId('status-error-detail')).toContainText('Check your withdrawal list');
});

test('a connection lost after the exchange acted says the outcome is unknown and never retries', async ({ page }) => {
  // The sandbox processes the withdrawal, then drops the connection without answering.
  await sandbox.fault({ drop: true, passThrough: true });
  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { qty: '0.25', address: ETH_ADDRESS });
  await reviewAndConfirm(page);

  await expect(page.getByTestId('status-error-title')).toHaveText('Outcome unknown: the connection was lost');
  await expect(page.getByTestId('status-error-detail')).toContainText('Check your withdrawal list');
  const confirm = page.getByRole('button', { name: 'Confirm withdrawal' });
  await expect(confirm).toBeDisabled();

  // The list, read unasked, shows that the exchange did take it: exactly the reason not to resend blindly.
  await expect(page.getByTestId('attempt-resolution')).toHaveText(/^The exchange has it: withdrawal wd_\w+, awaiting email confirmation, /);
  await expect(page.getByTestId('history-row').filter({ hasText: '0.25' })).toContainText('Awaiting email confirmation');
  await expect(confirm).toBeDisabled();
  expect(await sandbox.withdrawPosts()).toHaveLength(1);

  await page.getByLabel(/I checked my withdrawal list/).check();
  // The list holds that same withdrawal: the review names it and asks for its own tick too.
  await expect(page.getByTestId('review-duplicate')).toContainText('Awaiting email confirmation');
  await expect(confirm).toBeDisabled();
  await page.getByLabel('I mean a second withdrawal of the same amount to the same address.').check();
  await expect(confirm).toBeEnabled();
});

test('a withdrawal that gets no answer in time is called unknown, not retried', async ({ page }) => {
  // The sandbox sits on the request far longer than the page waits; the page's clock is jumped past its timeout.
  await sandbox.fault({ delayMs: 60_000 });
  await page.clock.install();
  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { qty: '0.4', address: ETH_ADDRESS });
  await reviewAndConfirm(page);
  await expect(page.getByRole('button', { name: 'Sending…' })).toBeDisabled();
  await expect.poll(async () => (await sandbox.withdrawPosts()).length).toBe(1);

  await page.clock.fastForward(21_000);
  await expect(page.getByTestId('status-error-title')).toHaveText('Outcome unknown: no answer in time');
  await expect(page.getByTestId('status-error-detail')).toContainText('Check your withdrawal list');
  await expect(page.getByRole('button', { name: 'Confirm withdrawal' })).toBeDisabled();
  await page.clock.fastForward(120_000);
  expect(await sandbox.withdrawPosts()).toHaveLength(1);
});

test("a computer clock a minute fast is corrected from the exchange's clock", async ({ page }) => {
  // Only the page's clock moves; the sandbox keeps real time and refuses timestamps more than 5 s off.
  await page.clock.setSystemTime(Date.now() + 60_000);
  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { qty: '0.3', address: ETH_ADDRESS });
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  // The page names the offset it measured; the round trip makes it a little under or over a minute.
  const offsetNote = page.getByText(/Your clock is \d+\.\d s ahead of the exchange’s/);
  await expect(offsetNote).toBeVisible();
  const offsetSeconds = Number(/(\d+\.\d) s ahead/.exec((await offsetNote.textContent()) ?? '')?.[1]);
  expect(offsetSeconds).toBeGreaterThanOrEqual(55);
  expect(offsetSeconds).toBeLessThanOrEqual(65);
  await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
  await expect(page.getByTestId('email-notice')).toBeVisible();
  const [post] = await sandbox.withdrawPosts();
  const skew = Number(new URLSearchParams(post?.body).get('timestamp')) - Date.now();
  expect(Math.abs(skew)).toBeLessThan(5_000);
});

test('clicking Confirm many times, or pressing Enter, sends exactly one request', async ({ page }) => {
  // Hold the answer back for a moment so the extra clicks land while the request is in flight.
  await sandbox.fault({ delayMs: 1500, passThrough: true });
  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { qty: '0.1', address: ETH_ADDRESS });
  await page.getByRole('button', { name: 'Review withdrawal' }).click();

  const confirm = page.getByRole('button', { name: 'Confirm withdrawal' });
  await confirm.focus();
  // Three clicks dispatched in the same task, before React can re-render and disable the button.
  await confirm.evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
    button.click();
  });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('email-notice')).toBeVisible();
  await page.waitForTimeout(300);
  expect(await sandbox.withdrawPosts()).toHaveLength(1);
});

test('the secret never leaves the page and is never stored', async ({ page, context }) => {
  const seen: string[] = [];
  page.on('request', (request) => {
    seen.push(`${request.method()} ${request.url()}\n${JSON.stringify(request.headers())}\n${request.postData() ?? ''}`);
  });
  await context.addCookies([{ name: 'session', value: 'app-cookie', url: 'http://127.0.0.1' }]);

  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { qty: '0.2', address: ETH_ADDRESS });
  await reviewAndConfirm(page);
  await expect(page.getByTestId('email-notice')).toBeVisible();

  expect(seen.length).toBeGreaterThan(0);
  for (const entry of seen) expect(entry).not.toContain(SECRET);
  const received = await sandbox.requests();
  expect(received.length).toBeGreaterThan(0);
  for (const entry of received) {
    expect(JSON.stringify(entry)).not.toContain(SECRET);
    // The proxy strips what would identify the page or its cookies.
    expect(Object.keys(entry.headers)).not.toEqual(expect.arrayContaining(['cookie']));
    expect(entry.headers.origin).toBeUndefined();
    expect(entry.headers.referer).toBeUndefined();
    expect(entry.headers.cookie).toBeUndefined();
  }

  const stored = await page.evaluate(async () => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
    databases: JSON.stringify(await indexedDB.databases()),
    url: location.href,
  }));
  expect(stored.local).toBe('{}');
  expect(stored.session).toBe('{}');
  expect(stored.databases).toBe('[]');
  expect(JSON.stringify(stored)).not.toContain(SECRET);
  expect(stored.url).not.toContain(API_KEY);
  expect(JSON.stringify(await context.cookies())).not.toContain(SECRET);

  // Keys vanish with a reload.
  await page.reload();
  await expect(page.getByLabel('Secret key', { exact: true })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Forget keys' })).toHaveCount(0);
});

test('the proxy forwards only the Everstrike paths the app uses', async ({ request }) => {
  const blocked = await request.get('/api/__sandbox/requests');
  expect(blocked.status()).toBe(404);
  expect(blocked.headers()['x-everstrike-proxy']).toBe('not-forwarded');
  expect((await request.get('/api/auth/withdraw')).status()).toBe(404);
  expect((await request.get('/api/time/../__sandbox/requests')).status()).toBe(404);

  const time = await request.get('/api/time');
  expect(time.ok()).toBe(true);
  expect(((await time.json()) as { result: number }).result).toBeGreaterThan(1_700_000_000_000);

  const received = await sandbox.requests();
  expect(received.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /time']);
});

test('the built app is served with a strict content security policy', async ({ request }) => {
  const response = await request.get('/');
  const policy = response.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("connect-src 'self'");
  // The stylesheet is inlined (the first screen paints with the HTML alone) and allowed by its hash only.
  expect(policy).toMatch(/style-src 'self' 'sha256-[\w+/]+=*';/);
  expect(await response.text()).not.toContain('rel="stylesheet"');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
});

test('the first screen is in the HTML itself, so it paints before any JavaScript runs, and hydrates cleanly', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  // Prerendered at build time: the keys form and the withdrawal form, with their labels.
  for (const text of ['1. Your API keys, for this tab only', 'Use keys for this tab', 'Review withdrawal', 'Quantity', 'Address']) {
    expect(html).toContain(text);
  }
  expect(html).not.toContain('<div id="root"></div>');

  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('environment-badge')).toHaveText(/Local sandbox exchange/);
  // Hydrated: the form reacts (an error for an empty quantity, on submit).
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  expect(problems).toEqual([]);
});
