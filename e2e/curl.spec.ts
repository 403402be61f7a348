import { expect, test } from '@playwright/test';
import { API_KEY, enterKeys, ETH_ADDRESS, fillWithdrawal, SandboxControl, SECRET } from './support.ts';

/** "Copy as curl" in the review: signed at the click like a real send, never carrying the secret. */

let sandbox: SandboxControl;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async ({ request }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
});

/** The words of a command built only of single-quoted words and bare flags (what the page writes). */
function words(command: string): string[] {
  return [...command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((match) => (match[1] ?? match[2] ?? '').replaceAll("'\\''", "'"));
}

test('the copied curl command carries the key, the signature and the exact body, not the secret, and the exchange accepts it', async ({ page, request }) => {
  await page.goto('/');
  await enterKeys(page);
  await fillWithdrawal(page, { qty: '0.6', address: ETH_ADDRESS });
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByText(/Valid for about 5 seconds/)).toBeVisible();
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(page.getByText('Copied')).toBeVisible();

  const command = await page.evaluate(() => navigator.clipboard.readText());
  expect(command).not.toContain(SECRET);
  const parts = words(command);
  expect(parts.slice(0, 3)).toEqual(['curl', '-X', 'POST']);
  expect(parts[3]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\/withdraw$/);
  const headers = Object.fromEntries(
    parts.flatMap((part, index) => (parts[index - 1] === '-H' ? [part.split(/: (.*)/s).slice(0, 2) as [string, string]] : [])),
  );
  expect(headers['x-api-key']).toBe(API_KEY);
  expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
  const body = parts[parts.indexOf('--data-raw') + 1] ?? '';
  expect(body).toMatch(new RegExp(`^asset=ETH&qty=0\\.6&address=${ETH_ADDRESS}&timestamp=\\d{13}$`));
  // Copying sent nothing.
  expect(await sandbox.withdrawPosts()).toHaveLength(0);

  // Run as the command would, straight at the exchange: the signature is the real one.
  const answer = await request.post(parts[3] ?? '', { headers, data: body });
  expect(await answer.json()).toMatchObject({ code: 200 });
});
