import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { API_KEY, enterKeys, ETH_ADDRESS, fillWithdrawal, reviewAndConfirm, SandboxControl } from './support.ts';
import { sandboxUrl } from './ports.ts';

/** What keeps a withdrawal from going to the wrong place, read from the history: its export, idle keys, hidden characters. */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

let sandbox: SandboxControl;

test.beforeEach(async ({ request }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
});

async function sendOne(page: Page, qty: string): Promise<void> {
  await enterKeys(page);
  await fillWithdrawal(page, { qty, address: ETH_ADDRESS });
  await reviewAndConfirm(page);
  await expect(page.getByTestId('email-notice')).toBeVisible();
  await expect(page.getByTestId('history-row').filter({ hasText: qty })).toHaveCount(1);
}

test('"Download CSV" downloads the listed withdrawals with exact figures, UTC times and the full address', async ({ page, request }) => {
  await page.goto('/');
  await sendOne(page, '0.75');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`everstrike-local-withdrawals-${new Date().toISOString().slice(0, 10)}.csv`);
  expect(await download.failure()).toBeNull();
  const text = await readFile(await download.path(), 'utf8');

  const answer = await request.get(`${sandboxUrl}/withdrawals`, { headers: { 'x-api-key': API_KEY } });
  const [withdrawal] = ((await answer.json()) as { result: { id: string; time: number }[] }).result;
  expect(withdrawal).toBeDefined();
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('id,time_utc,asset,qty,fee,net,address,status,transaction_hash');
  expect(lines[1]?.split(',')).toEqual([withdrawal?.id, new Date(withdrawal?.time ?? 0).toISOString(), 'ETH', '0.75', '0.005', '0.745', ETH_ADDRESS, 'PENDING', '']);
  expect(lines.slice(2)).toEqual(['']);
});

test('unused keys: a note at 14 min, "Keep using them" keeps them, then they are forgotten and the form keeps what was typed', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { qty: '0.25', address: ETH_ADDRESS });

  await page.clock.fastForward('14:00');
  const note = page.getByRole('status').filter({ hasText: 'Your keys will be forgotten in 1 minute for inactivity.' });
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: 'Keep using them' }).click();
  await expect(note).toBeHidden();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('button', { name: 'Forget keys' })).toBeVisible();

  await page.clock.fastForward('15:01');
  await expect(page.getByRole('button', { name: 'Forget keys' })).toBeHidden();
  await expect(page.getByTestId('keys-forgotten-idle')).toHaveText(/Your keys were forgotten after 15 minutes without activity/);
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Quantity')).toHaveValue('0.25');
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue(ETH_ADDRESS);
  await expect(page.getByLabel('Asset')).toHaveValue('ETH');
});

test('an address with a U+202E from the exchange is shown and copied made visible, and marked suspicious', async ({ page }) => {
  // The sandbox takes only valid addresses: the exchange's answer is altered on its way to the page.
  const reversed = `${ETH_ADDRESS.slice(0, 14)}\u202E${ETH_ADDRESS.slice(14)}`;
  const shown = `${ETH_ADDRESS.slice(0, 14)}⟨U+202E⟩${ETH_ADDRESS.slice(14)}`;
  await page.route('**/api/withdrawals', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { result: { address: string }[] };
    for (const entry of body.result) entry.address = reversed;
    await route.fulfill({ response, json: body });
  });
  await page.goto('/');
  await sendOne(page, '0.5');

  const address = page.getByTestId('history-address');
  await expect(address).toHaveAttribute('title', shown);
  await expect(page.getByTestId('history-address-suspicious')).toHaveText('Suspicious: contains invisible characters');
  expect(await page.getByTestId('history-row').innerText()).not.toContain('\u202E');
  await page.getByRole('button', { name: /^Copy address / }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
});
