import { expect, test, type Page } from '@playwright/test';
import { enterKeys, ETH_ADDRESS, fillWithdrawal, SandboxControl } from './support.ts';

/**
 * Every asset the exchange lists, through the real proxy to the sandbox: each spot asset withdrawn to an address of
 * its own chain, and refused, naming that chain, for another chain's address; the memo/tag tick; the asset the page
 * has no rules for; the exchange's list failing; an asset the exchange switched off, and one with a minimum.
 */

let sandbox: SandboxControl;

test.beforeEach(async ({ request }) => {
  sandbox = new SandboxControl(request);
  await sandbox.reset();
});

const BTC_ADDRESS = 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8';
const SOL_ADDRESS = '3aBPKGG83Z3HquvTGh5CBKBso6GDCL15vzSHyDdCzhx8';

/** Each spot asset: a valid address of its chain, what the review calls its network, and another chain's address. */
const SPOT_ASSETS = [
  { asset: 'BTC', qty: '0.01', address: BTC_ADDRESS, network: 'BTC on Bitcoin', wrong: ETH_ADDRESS, expected: /Bitcoin/ },
  { asset: 'ETH', qty: '0.25', address: ETH_ADDRESS, network: 'ETH on Ethereum (ERC-20)', wrong: BTC_ADDRESS, expected: /Ethereum/ },
  { asset: 'BNB', qty: '0.5', address: ETH_ADDRESS, network: 'BNB on BNB Smart Chain (BEP-20)', wrong: 'bnb1grpf0955h0ykzq3ar5nmum7y6gdfl6lxfn46h2', expected: /BNB Beacon Chain/ },
  { asset: 'SOL', qty: '1.5', address: SOL_ADDRESS, network: 'SOL on Solana', wrong: ETH_ADDRESS, expected: /Solana/ },
  { asset: 'AVAX', qty: '2', address: ETH_ADDRESS, network: 'AVAX on Avalanche C-Chain', wrong: 'X-avax1tzdcgj4ehsvhhgpl7zylwpw0gl2rxcg4r5afk5', expected: /C-Chain/ },
  { asset: 'ATOM', qty: '3', address: 'cosmos1v36cd9agh89dhm8apc0nqs2jvd6gt948jppmxh', network: 'ATOM on Cosmos Hub', wrong: SOL_ADDRESS, expected: /Cosmos/, memo: true },
  { asset: 'DOT', qty: '4', address: '13yXRxn7rDRHKKTyHfiodPWoPYJeoqDo3WZ95wKscMvmTQA3', network: 'DOT on Polkadot', wrong: 'FYqwwrvcoAjdSGu6jUrPC3egWbEvCUqRPfQKJcUY57k27n7', expected: /Kusama/ },
  { asset: 'LINK', qty: '5', address: ETH_ADDRESS, network: 'LINK on Ethereum (ERC-20)', wrong: SOL_ADDRESS, expected: /Ethereum/ },
  {
    asset: 'ADA',
    qty: '6',
    address: 'addr1q8qa9cl5q5tzwwzftf4herv74lqdrchnqs2jvd6gt948hr8q7yppxfp4getks7v2nwktmnkl7qq3yge5g4txw7yfn24st4x5nt',
    network: 'ADA on Cardano',
    wrong: ETH_ADDRESS,
    expected: /Cardano/,
  },
  { asset: 'XRP', qty: '25', address: 'rfKd36q1Ps4zJHqEXpsieJoAhTPBURjfrg', network: 'XRP on XRP Ledger', wrong: 'XVLhHMPHU98es4dbozjVtdWzVrDjtV18pX8yuPT7y4xaEHi', expected: /tag/, memo: true },
  { asset: 'ALGO', qty: '7', address: 'UKZ4JVPG64EBSKR3JROW474QUGZMHVHF6YDRQKJ2JNOG27UPUCY3FWPRPA', network: 'ALGO on Algorand', wrong: SOL_ADDRESS, expected: /Algorand/ },
  { asset: 'USDT', qty: '100', address: ETH_ADDRESS, network: 'USDT on Ethereum (ERC-20)', wrong: 'TZDrdggvUfSh9Zd9Vj17k9RJDzUAuhQaHb', expected: /TRON/ },
] as const;

async function review(page: Page) {
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByRole('button', { name: 'Confirm withdrawal' })).toBeVisible();
}

for (const spot of SPOT_ASSETS) {
  test(`${spot.asset}: another chain's address is refused naming the chain, its own is sent on ${spot.network.split(' on ')[1]}`, async ({ page }) => {
    await page.goto('/');
    await enterKeys(page);
    await fillWithdrawal(page, { asset: spot.asset, qty: spot.qty, address: spot.wrong });
    await page.getByRole('button', { name: 'Review withdrawal' }).click();
    await expect(page.getByRole('alert').filter({ hasText: spot.expected })).toBeVisible();
    expect(await sandbox.withdrawPosts()).toHaveLength(0);

    await page.getByLabel('Address', { exact: true }).fill(spot.address);
    await review(page);
    await expect(page.getByTestId('review-network')).toHaveText(spot.network);
    const confirm = page.getByRole('button', { name: 'Confirm withdrawal' });
    if ('memo' in spot) {
      await expect(page.getByTestId('review-memo')).toContainText('No memo or destination tag will be sent');
      await expect(confirm).toBeDisabled();
      await page.getByLabel('The destination needs no memo or tag').check();
    }
    await confirm.click();
    await expect(page.getByTestId('email-notice')).toContainText('only after you confirm it from the email');
    const [post] = await sandbox.withdrawPosts();
    expect(post?.body).toMatch(new RegExp(`^asset=${spot.asset}&qty=${spot.qty}&address=${spot.address}&timestamp=\\d{13}$`));
  });
}

test('an asset the page has no rules for is offered, marked, never called verified, and gated by a tick', async ({ page }) => {
  await page.goto('/');
  await enterKeys(page);
  const option = page.getByLabel('Asset').locator('option[value="TRX"]');
  await expect(option).toHaveText('TRX (TRON) — address not checked by this page');
  await fillWithdrawal(page, { asset: 'TRX', qty: '10', address: 'TZDrdggvUfSh9Zd9Vj17k9RJDzUAuhQaHb' });
  await expect(page.getByTestId('address-unchecked')).toContainText('no address rules for TRX');
  await review(page);
  await expect(page.getByTestId('review-network')).toHaveText('TRX (network not known to this page)');
  await expect(page.getByTestId('review-address-full')).toHaveText('TZDrdggvUfSh9Zd9Vj17k9RJDzUAuhQaHb');
  await expect(page.getByRole('region', { name: 'Review what will be signed' })).not.toContainText(/verified/i);
  const confirm = page.getByRole('button', { name: 'Confirm withdrawal' });
  await expect(confirm).toBeDisabled();
  await page.getByLabel('I checked this address myself').check();
  await confirm.click();
  await expect(page.getByTestId('email-notice')).toBeVisible();
  expect(await sandbox.withdrawPosts()).toHaveLength(1);
});

test("when the exchange's list cannot be read, the built-in list is offered and the page says so", async ({ page }) => {
  await sandbox.fault({ path: '/assets', status: 503, times: 5 });
  await page.goto('/');
  await expect(page.getByTestId('assets-unread')).toContainText("The exchange's asset list could not be read");
  const offered = await page.getByLabel('Asset').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(offered).toEqual(['BTC', 'ETH', 'BNB', 'SOL', 'AVAX', 'ATOM', 'DOT', 'LINK', 'ADA', 'XRP', 'ALGO', 'USDT', 'DAI', 'MKR', 'ONT', 'MAN']);
});

test("the exchange's own facts are enforced before signing: its minimum, its decimals, an asset switched off", async ({ page }) => {
  await sandbox.account({ disabledAssets: ['SOL'] });
  await page.goto('/');
  await enterKeys(page);
  await expect(page.getByLabel('Asset').locator('option[value="SOL"]')).toHaveText('SOL (Solana) — withdrawals switched off');
  await fillWithdrawal(page, { asset: 'XRP', qty: '19.5', address: 'rfKd36q1Ps4zJHqEXpsieJoAhTPBURjfrg' });
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "The exchange's smallest withdrawal of XRP is 20 XRP." })).toBeVisible();
  await page.getByLabel('Quantity').fill('20.1234567');
  await expect(page.getByRole('alert').filter({ hasText: 'This asset takes at most 6 decimals.' })).toBeVisible();
  await fillWithdrawal(page, { asset: 'SOL', qty: '1', address: SOL_ADDRESS });
  await expect(page.getByRole('alert').filter({ hasText: 'The exchange lists withdrawals of SOL as switched off' })).toBeVisible();
  expect(await sandbox.withdrawPosts()).toHaveLength(0);
});

