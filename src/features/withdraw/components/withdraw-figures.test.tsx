import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectedSignature, jsonResponse } from '../../../testing/fetch-stub';
import {
  ADDRESS,
  API_KEY,
  confirmButton,
  fillForm,
  figuresRead,
  ok,
  personalWith,
  review,
  SANDBOX,
  SECRET,
  setupPanel,
} from '../../../testing/withdraw-panel-kit';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const figure = (name: string) => screen.getByTestId(`figure-${name}`);
const reviewRegion = () => screen.queryByRole('region', { name: 'Review what will be signed' });

describe('WithdrawPanel: the assets the exchange lists', () => {
  it('offers only what GET /assets lists, and never leaves an asset it dropped chosen', async () => {
    await setupPanel({ withKeys: false, assets: () => ok({ SOL: { fees: { withdrawal: 0.01 } }, BTC: { fees: { withdrawal: 0.0005 } } }) });
    const select = screen.getByLabelText('Asset');
    // Until the list arrives the built-in one is offered (the prerendered page has it too); then only the exchange's.
    await waitFor(() => expect(within(select).getAllByRole('option').map((option) => option.getAttribute('value'))).toEqual(['BTC', 'SOL']), { timeout: 5_000 });
    await waitFor(() => expect(select).toHaveValue('BTC'));
    expect(screen.queryByTestId('assets-unread')).not.toBeInTheDocument();
  });

  it('says in place when the list cannot be read, and offers the built-in list', async () => {
    await setupPanel({ withKeys: false, assets: () => jsonResponse({ code: 503, msg: 'down', result: {} }, { status: 503 }) });
    expect(await screen.findByTestId('assets-unread', {}, { timeout: 5_000 })).toHaveTextContent("The exchange's asset list could not be read");
    expect(within(screen.getByLabelText('Asset')).getAllByRole('option')).toHaveLength(16);
    expect(screen.getByLabelText('Asset')).toHaveValue('ETH');
  });
});

describe('WithdrawPanel: account figures', () => {
  it('shows balance, fee, what arrives, permission, allowance and the masked email once keys are in', async () => {
    const { user } = await setupPanel();
    await figuresRead();
    expect(figure('fee')).toHaveTextContent('0.005 ETH');
    expect(figure('receive')).toHaveTextContent('—');
    expect(figure('withdrawals')).toHaveTextContent('enabled');
    expect(figure('allowance')).toHaveTextContent('100000');
    expect(figure('email')).toHaveTextContent('a••••••••x@example.org');
    expect(screen.getByRole('region', { name: 'Your ETH account' })).not.toHaveTextContent('alice.sandbox');

    await fillForm(user, { qty: '1.5', address: '' });
    expect(figure('receive')).toHaveTextContent(/^1\.495 ETH$/);
    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '0.3');
    expect(figure('receive')).toHaveTextContent(/^0\.295 ETH$/);
    await user.selectOptions(screen.getByLabelText('Asset'), 'USDT');
    expect(figure('free')).toHaveTextContent('25000 USDT');
    expect(figure('receive')).toHaveTextContent(/^nothing/);
  });

  it('shows nothing of the account, and reads only the public asset list, without keys', async () => {
    const { calls } = await setupPanel({ withKeys: false });
    expect(screen.queryByTestId('figure-free')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Max/ })).not.toBeInTheDocument();
    await waitFor(() => expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['GET /api/assets']));
    expect(calls[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('says in place when a read fails, shows the fee as unknown, warns without refusing, and the form keeps working', async () => {
    const { user } = await setupPanel({
      personal: () => jsonResponse({ code: 503, msg: 'Maintenance', result: {} }, { status: 503 }),
      assets: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(await screen.findByTestId('figures-personal-problem')).toHaveTextContent('Balance unknown: The exchange refused the request: Maintenance');
    expect(await screen.findByTestId('figures-assets-problem')).toHaveTextContent(/^Fee unknown: The connection failed/);
    for (const name of ['free', 'fee', 'withdrawals', 'allowance', 'email']) expect(figure(name)).toHaveTextContent('unknown');
    await fillForm(user, { qty: '1000000', address: '' });
    expect(figure('receive')).toHaveTextContent('unknown');
    const warnings = screen.getByTestId('quantity-warnings');
    expect(warnings).toHaveTextContent('free balance is unknown');
    expect(warnings).toHaveTextContent('fee is unknown');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await fillForm(user, { qty: '', address: ADDRESS });
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));
    const region = await screen.findByRole('region', { name: 'Review what will be signed' });
    expect(region).toBeInTheDocument();
    // What the review shows is loaded on demand: it is there once its body is.
    await within(region).findByTestId('review-body');
    expect(screen.getByTestId('review-warnings')).toHaveTextContent('free balance is unknown');
    expect(screen.getByTestId('review-fee')).toHaveTextContent('unknown');
    await waitFor(() => expect(confirmButton()).toBeEnabled());
  });

  it('Max fills in the free balance exactly, as a decimal string', async () => {
    const { user } = await setupPanel({ personal: personalWith({ balances: { ETH: { free: '1250.12345678' }, BTC: { free: 0.1 + 0.2 } } }) });
    await figuresRead('1250.12345678 ETH');
    await user.click(screen.getByRole('button', { name: /^Max/ }));
    expect(screen.getByLabelText('Quantity')).toHaveValue('1250.12345678');
    expect(figure('receive')).toHaveTextContent(/^1250\.11845678 ETH$/);

    await user.selectOptions(screen.getByLabelText('Asset'), 'BTC');
    await user.click(screen.getByRole('button', { name: /^Max/ }));
    // 0.30000000000000004 as a JSON float is 0.3 at the exchange's 8 decimals.
    expect(screen.getByLabelText('Quantity')).toHaveValue('0.3');
  });

  it.each([
    ['more than the free balance', '10.00000001', {}, 'more than your free balance of 10 ETH'],
    ['not more than the fee', '0.005', {}, 'The withdrawal fee is 0.005 ETH'],
    ['with withdrawals disabled for the key', '1', { permissions: { withdraw_enabled: false } }, 'withdrawals are not enabled'],
  ])('refuses a quantity %s at the quantity field, before signing', async (_what, qty, personal, message) => {
    const { user, posts } = await setupPanel({ personal: personalWith(personal) });
    await figuresRead();
    await fillForm(user, { qty, address: ADDRESS });
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(screen.getByLabelText('Quantity')).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(reviewRegion()).not.toBeInTheDocument();
    expect(posts()).toHaveLength(0);
  });

  it('links to the sandbox mailbox against the sandbox only', async () => {
    await setupPanel({ target: SANDBOX });
    await figuresRead();
    expect(screen.getByRole('link', { name: 'Open the sandbox mailbox' })).toHaveAttribute('href', 'http://127.0.0.1:8787/mailbox');
    expect(screen.getByRole('link', { name: 'Open the sandbox mailbox' })).toHaveAttribute('rel', 'noreferrer');
  });

  it('offers no mailbox link against a real exchange', async () => {
    await setupPanel();
    await figuresRead();
    expect(screen.queryByRole('link', { name: 'Open the sandbox mailbox' })).not.toBeInTheDocument();
  });
});

describe('WithdrawPanel: copy as curl', () => {
  it('copies a command signed at the click, with the key, the signature and the exact body, never the secret; sends nothing', async () => {
    const { user, posts } = await setupPanel({ time: () => ok(Date.now()) });
    await figuresRead();
    await review(user, { qty: '1.5', address: ADDRESS });
    const before = Date.now();
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }));
    await screen.findByText('Copied');
    const command = await navigator.clipboard.readText();

    expect(command).toMatch(/^curl -X POST 'https:\/\/api\.testnet\.everstrike\.io\/auth\/withdraw' /);
    expect(command).toContain(`-H 'x-api-key: ${API_KEY}'`);
    expect(command).not.toContain(SECRET);
    const body = /--data-raw '([^']*)'$/.exec(command)?.[1] ?? '';
    expect(body).toMatch(new RegExp(`^asset=ETH&qty=1\\.5&address=${ADDRESS}&timestamp=\\d{13}$`));
    expect(Number(new URLSearchParams(body).get('timestamp'))).toBeGreaterThanOrEqual(before);
    const signature = /-H 'x-signature: ([^']*)'/.exec(command)?.[1];
    expect(signature).toBe(await expectedSignature(SECRET, body));
    expect(screen.getByText(/Valid for about 5 seconds/)).toBeInTheDocument();
    expect(posts()).toHaveLength(0);
  });

  it('says so when the clipboard refuses', async () => {
    const { user } = await setupPanel();
    await figuresRead();
    await review(user, { qty: '1.5', address: ADDRESS });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not copy: Write permission denied.');
  });
});
