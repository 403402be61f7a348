import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { importSigningSecret } from '../../../signing/sign-body';
import { deferred, expectedSignature, jsonResponse, stubFetch, type RecordedRequest, type Responder } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import type { SessionKeys } from '../../keys/session-keys';
import { WithdrawPanel } from './withdraw-panel';

const API_KEY = 'ak_test_7Hq2mZ9xW3kP';
const SECRET = 'sk_test_Zq9-secret-value-31415';
/** The EIP-55 example address, correctly capitalised. */
const ADDRESS = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const TARGET: ExchangeTarget = { url: 'https://api.testnet.everstrike.io', environment: 'testnet', label: 'Everstrike testnet' };
const WITHDRAW_URL = '/api/auth/withdraw';

type User = ReturnType<typeof userEvent.setup>;

let keys: SessionKeys;

beforeEach(async () => {
  keys = { apiKey: API_KEY, signingKey: await importSigningSecret(SECRET) };
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const timeNow: Responder = () => jsonResponse({ code: 200, msg: '', result: Date.now() });
const accepted: Responder = () => jsonResponse({ code: 200, msg: 'Withdrawal request received', result: { id: 'wd-1' } });
const insufficientBalance: Responder = () => jsonResponse({ code: 503, msg: 'Insufficient balance', result: {} }, { status: 503 });
const connectionLost: Responder = () => Promise.reject(new TypeError('Failed to fetch'));
const personal: Responder = () =>
  jsonResponse({ code: 200, msg: '', result: { balances: { ETH: { free: 10, locked: 0 } }, permissions: { withdraw_enabled: true } } });
const assets: Responder = () => jsonResponse({ code: 200, msg: '', result: { ETH: { fees: { withdrawal: 0.005 } } } });

interface SetupOptions {
  withdraw?: Responder;
  time?: Responder;
  personalAnswer?: Responder;
  /** Fake timers (advancing with real time too), so a test can jump far ahead to catch a retry timer. */
  fakeTimers?: boolean;
}

function setup({ withdraw = accepted, time = timeNow, personalAnswer = personal, fakeTimers = false }: SetupOptions = {}) {
  if (fakeTimers) vi.useFakeTimers({ shouldAdvanceTime: true });
  const exchange = stubFetch({ '/api/time': time, '/api/personal': personalAnswer, '/api/assets': assets, [WITHDRAW_URL]: withdraw });
  const user = userEvent.setup(fakeTimers ? { advanceTimers: vi.advanceTimersByTime } : {});
  const view = renderWithProviders(<WithdrawPanel target={TARGET} />, { keys });
  const posts = () => exchange.callsTo('POST');
  const withdrawals = () => exchange.callsTo('POST', WITHDRAW_URL);
  return { ...exchange, ...view, user, posts, withdrawals };
}

interface FormEntries {
  asset?: string;
  qty: string;
  address: string;
}

async function fillForm(user: User, { asset, qty, address }: FormEntries) {
  if (asset !== undefined) await user.selectOptions(screen.getByLabelText('Asset'), asset);
  if (qty !== '') await user.type(screen.getByLabelText('Quantity'), qty);
  if (address !== '') {
    await user.click(screen.getByLabelText('Address'));
    await user.paste(address);
  }
}

async function review(user: User, entries: FormEntries) {
  await fillForm(user, entries);
  await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));
  return screen.findByRole('region', { name: 'Review what will be signed' });
}

function confirmButton() {
  return screen.getByRole('button', { name: 'Confirm withdrawal' });
}

/** Lets any timer the page may have set (a retry, a refetch) fire, with time moved far ahead. */
async function jumpAhead(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

function onlyPost(requests: RecordedRequest[]): RecordedRequest {
  expect(requests).toHaveLength(1);
  const [request] = requests;
  if (!request) throw new Error('no request');
  return request;
}

describe('WithdrawPanel: the form', () => {
  it.each([
    ['1e-7', 'without an exponent'],
    ['-1', 'without a sign'],
    ['0.000000001', 'at most 8 decimals'],
    ['1,5', 'Use a dot as the decimal separator'],
    ['0', 'greater than zero'],
  ])('refuses the quantity %s with an alert and sends nothing', async (qty, message) => {
    const { user, calls } = setup();
    await fillForm(user, { qty, address: ADDRESS });
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(screen.getByLabelText('Quantity')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Quantity')).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.queryByRole('region', { name: 'Review what will be signed' })).not.toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['an EIP-55 checksum mismatch', 'ETH', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 'does not match its EIP-55 checksum'],
    ['a Bitcoin address for ETH', 'ETH', 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', 'An Ethereum address is 0x followed by 40 hexadecimal'],
    ['an Ethereum address for BTC', 'BTC', ADDRESS, 'BTC needs a Bitcoin address'],
  ])('refuses %s with an alert and sends nothing', async (_what, asset, address, message) => {
    const { user, calls } = setup();
    await fillForm(user, { asset, qty: '0.5', address });
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('Address')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('region', { name: 'Review what will be signed' })).not.toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('shows every missing entry at once', async () => {
    const { user, calls } = setup();
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual(['Enter a quantity.', 'Enter the address to withdraw to.']);
    expect(calls).toHaveLength(0);
  });
});

describe('WithdrawPanel: review', () => {
  it('shows the asset, the normalised quantity, the grouped address and the exact body before the timestamp', async () => {
    const { user, posts } = setup();
    const panel = await review(user, { qty: '1.50', address: ` ${ADDRESS} ` });

    expect(within(panel).getByTestId('review-asset')).toHaveTextContent(/^ETH$/);
    expect(within(panel).getByTestId('review-qty')).toHaveTextContent(/^1\.5 ETH$/);
    const address = within(panel).getByTestId('review-address');
    expect(address).toHaveTextContent(/^0x 5aAe b605 3F3E 94C9 b9A0 9f33 6694 35E7 Ef1B eAed$/);
    expect(address).toHaveAccessibleName(ADDRESS);
    expect(within(panel).getByText('Ethereum address (EIP-55 checksum verified)')).toBeInTheDocument();
    expect(within(panel).getByTestId('review-target')).toHaveTextContent('Everstrike testnet — https://api.testnet.everstrike.io');

    const body = within(panel).getByTestId('review-body').textContent;
    expect(body).toBe(`asset=ETH&qty=1.5&address=${ADDRESS}&timestamp=<milliseconds at the moment you confirm>`);
    // What is reviewed cannot change underneath: the form is locked and its submit button is gone.
    expect(screen.getByLabelText('Quantity')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Review withdrawal' })).not.toBeInTheDocument();
    // Reviewing signs and sends nothing.
    expect(posts()).toHaveLength(0);
  });

  it('reads the clock, the balance and the fee only once there is something to review, and signs nothing', async () => {
    const { user, calls } = setup();
    expect(calls).toHaveLength(0);
    await review(user, { qty: '1', address: ADDRESS });
    await waitFor(() => expect(calls).toHaveLength(3));
    const byUrl = Object.fromEntries(calls.map((call) => [call.url, call]));
    expect(Object.keys(byUrl).sort()).toEqual(['/api/assets', '/api/personal', '/api/time']);
    for (const call of calls) {
      expect(call.method).toBe('GET');
      expect(call.headers).not.toHaveProperty('x-signature');
    }
    // Only the account read carries the API key.
    expect(byUrl['/api/personal']?.headers).toHaveProperty('x-api-key', keys.apiKey);
    expect(byUrl['/api/time']?.headers).not.toHaveProperty('x-api-key');
    expect(byUrl['/api/assets']?.headers).not.toHaveProperty('x-api-key');
  });

  it('shows the available balance and the fee, and warns when the quantity is more than the balance', async () => {
    const { user } = setup();
    await review(user, { qty: '10.00000001', address: ADDRESS });
    expect(await screen.findByTestId('review-available')).toHaveTextContent('10 ETH');
    expect(await screen.findByTestId('review-fee')).toHaveTextContent('0.005 ETH');
    expect(await screen.findByRole('alert')).toHaveTextContent('more than your available balance of 10 ETH');
  });

  it('does not warn for a quantity equal to the balance', async () => {
    const { user } = setup();
    await review(user, { qty: '10', address: ADDRESS });
    expect(await screen.findByTestId('review-available')).toHaveTextContent('10 ETH');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('does not warn about the balance once the withdrawal of all of it was accepted', async () => {
    let free = 10;
    const draining: Responder = () => jsonResponse({ code: 200, msg: '', result: { balances: { ETH: { free } } } });
    const acceptAll: Responder = (request) => {
      free = 0;
      return accepted(request);
    };
    const { user, callsTo } = setup({ personalAnswer: draining, withdraw: acceptAll });
    await review(user, { qty: '10', address: ADDRESS });
    expect(await screen.findByTestId('review-available')).toHaveTextContent('10 ETH');
    await user.click(confirmButton());
    expect(await screen.findByText(/only after you confirm it from the email/)).toBeInTheDocument();
    await waitFor(() => expect(callsTo('GET', '/api/personal')).toHaveLength(2));
    expect(await screen.findByTestId('review-available')).toHaveTextContent('0 ETH');
    expect(screen.queryByText(/more than your available balance/)).not.toBeInTheDocument();
  });

  it('shows the exchange answer at once, without waiting for the balance to be read again', async () => {
    const secondRead = deferred<Response>();
    let reads = 0;
    const slowSecondRead: Responder = (request) => {
      reads += 1;
      return reads === 1 ? personal(request) : secondRead.promise;
    };
    const { user, callsTo } = setup({ personalAnswer: slowSecondRead });
    await review(user, { qty: '1', address: ADDRESS });
    await screen.findByTestId('review-available');
    await user.click(confirmButton());
    await waitFor(() => expect(callsTo('GET', '/api/personal')).toHaveLength(2));
    // The second balance read has not answered, and the status already shows the exchange's answer.
    expect(await screen.findByText(/only after you confirm it from the email/)).toBeInTheDocument();
    secondRead.resolve(jsonResponse({ code: 200, msg: '', result: {} }));
  });

  it('says so when the exchange reports withdrawals disabled for the key', async () => {
    const disabled: Responder = () => jsonResponse({ code: 200, msg: '', result: { permissions: { withdraw_enabled: false } } });
    const { user } = setup({ personalAnswer: disabled });
    await review(user, { qty: '1', address: ADDRESS });
    expect(await screen.findByRole('alert')).toHaveTextContent('withdrawals are not enabled');
  });
});

describe('WithdrawPanel: confirm', () => {
  it('waits for the exchange clock before it lets the person confirm', async () => {
    const clockAnswer = deferred<Response>();
    const { user, withdrawals } = setup({ time: () => clockAnswer.promise });
    await review(user, { qty: '1', address: ADDRESS });
    expect(confirmButton()).toBeDisabled();
    expect(screen.getByText('Reading the exchange’s clock…')).toBeInTheDocument();
    await user.click(confirmButton());
    expect(withdrawals()).toHaveLength(0);
    clockAnswer.resolve(jsonResponse({ code: 200, msg: '', result: Date.now() }));
    await waitFor(() => expect(confirmButton()).toBeEnabled());
    expect(screen.queryByText('Reading the exchange’s clock…')).not.toBeInTheDocument();
  });

  it('lets the person confirm on the local clock when the exchange clock cannot be read', async () => {
    const { user } = setup({ time: () => Promise.reject(new TypeError('Failed to fetch')) });
    await review(user, { qty: '1', address: ADDRESS });
    await waitFor(() => expect(confirmButton()).toBeEnabled());
    expect(screen.getByText(/clock could not be read, so your computer’s clock stamps the request/)).toBeInTheDocument();
  });

  it('sends exactly one signed POST whose signature covers the exact body sent, and never the secret', async () => {
    const { user, posts, calls } = setup();
    await review(user, { qty: '1.50', address: ADDRESS });
    const before = Date.now();
    await user.click(confirmButton());
    await screen.findByTestId('email-notice');
    const after = Date.now();

    const post = onlyPost(posts());
    expect(post.url).toBe(WITHDRAW_URL);
    expect(post.credentials).toBe('omit');
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post.headers['x-api-key']).toBe(API_KEY);

    const body = post.body ?? '';
    expect(body).toMatch(new RegExp(`^asset=ETH&qty=1\\.5&address=${ADDRESS}&timestamp=\\d{13}$`));
    const fields = new URLSearchParams(body);
    expect([...fields.keys()]).toEqual(['asset', 'qty', 'address', 'timestamp']);
    const timestamp = Number(fields.get('timestamp'));
    expect(Number.isSafeInteger(timestamp)).toBe(true);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(after);

    expect(post.headers['x-signature']).toBe(await expectedSignature(SECRET, body));

    for (const request of calls) {
      expect(JSON.stringify(request)).not.toContain(SECRET);
    }
  });

  it('stamps the body when the person confirms, not when they reviewed', async () => {
    const reviewedAt = 1_760_000_000_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(reviewedAt);
    const { user, withdrawals, callsTo } = setup();
    await review(user, { qty: '1', address: ADDRESS });
    await waitFor(() => expect(callsTo('GET', '/api/time')).toHaveLength(1));

    clock.mockReturnValue(reviewedAt + 60_000);
    await user.click(confirmButton());
    await screen.findByTestId('email-notice');

    const body = onlyPost(withdrawals()).body ?? '';
    expect(new URLSearchParams(body).get('timestamp')).toBe(String(reviewedAt + 60_000));
  });

  it('corrects the timestamp by the exchange’s clock when the local clock is off', async () => {
    const localNow = 1_760_000_000_000;
    vi.spyOn(Date, 'now').mockReturnValue(localNow);
    const { user, withdrawals } = setup({ time: () => jsonResponse({ code: 200, msg: '', result: localNow + 12_000 }) });
    await review(user, { qty: '1', address: ADDRESS });
    expect(await screen.findByText(/Your clock is 12\.0 s behind the exchange’s/)).toBeInTheDocument();

    await user.click(confirmButton());
    await screen.findByTestId('email-notice');
    const body = onlyPost(withdrawals()).body ?? '';
    expect(new URLSearchParams(body).get('timestamp')).toBe(String(localNow + 12_000));
  });

  it('sends one POST for fast repeated clicks while the request is pending', async () => {
    const answer = deferred<Response>();
    const { user, withdrawals, posts } = setup({ withdraw: () => answer.promise });
    await review(user, { qty: '1', address: ADDRESS });

    const button = confirmButton();
    // Two clicks before React can re-render and disable the button.
    act(() => {
      button.click();
      button.click();
    });
    await user.dblClick(button);
    await waitFor(() => expect(withdrawals()).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeDisabled();
    expect(screen.getByTestId('withdrawal-status')).toHaveTextContent('Signing and sending…');
    await user.click(screen.getByRole('button', { name: 'Sending…' }));

    answer.resolve(jsonResponse({ code: 200, msg: 'OK', result: { id: 7 } }));
    await screen.findByTestId('email-notice');
    expect(posts()).toHaveLength(1);
  });

  it('on success shows the code, msg, withdrawal id and that the email must be confirmed; no more Confirm', async () => {
    const { user } = setup({ withdraw: () => jsonResponse({ code: 200, msg: 'Withdrawal request received', result: { id: 98765 } }) });
    await review(user, { qty: '0.05', address: ADDRESS });
    await user.click(confirmButton());

    const notice = await screen.findByTestId('email-notice');
    expect(notice).toHaveTextContent('processes this withdrawal only after you confirm it from the email');
    expect(screen.getByTestId('status-code')).toHaveTextContent(/^200$/);
    expect(screen.getByTestId('status-msg')).toHaveTextContent(/^Withdrawal request received$/);
    expect(screen.getByTestId('status-withdrawal-id')).toHaveTextContent(/^98765$/);
    expect(screen.queryByRole('button', { name: 'Confirm withdrawal' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New withdrawal' })).toBeInTheDocument();
  });
});

describe('WithdrawPanel: failures', () => {
  it('shows the exchange’s msg for a 503, and "Edit" returns to the form with every typed value intact', async () => {
    const { user, withdrawals } = setup({ withdraw: insufficientBalance });
    await review(user, { asset: 'USDT', qty: '1.50', address: ` ${ADDRESS}` });
    await user.click(confirmButton());

    expect(await screen.findByTestId('status-error-title')).toHaveTextContent('The exchange refused the request');
    expect(screen.getByTestId('status-error-detail')).toHaveTextContent('Insufficient balance (code 503, HTTP 503)');
    expect(screen.getByTestId('withdrawal-status')).toHaveTextContent('Your entries are unchanged');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.queryByRole('region', { name: 'Review what will be signed' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('status-error-title')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Asset')).toHaveValue('USDT');
    expect(screen.getByLabelText('Quantity')).toHaveValue('1.50');
    expect(screen.getByLabelText('Address')).toHaveValue(` ${ADDRESS}`);
    expect(screen.getByLabelText('Quantity')).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Review withdrawal' })).toBeEnabled();
    expect(withdrawals()).toHaveLength(1);
  });

  it('never retries after a 503 by itself, but sends again when the person confirms again', async () => {
    const { user, withdrawals } = setup({ withdraw: insufficientBalance, fakeTimers: true });
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    await screen.findByTestId('status-error-title');

    await jumpAhead(120_000);
    expect(withdrawals()).toHaveLength(1);

    // The guard against double sends is released once the answer is in: a deliberate new confirmation goes out.
    await user.click(confirmButton());
    await waitFor(() => expect(withdrawals()).toHaveLength(2));
  });

  it('after a lost connection says the outcome is unknown, blocks Confirm until the list was checked, and never resends by itself', async () => {
    const { user, withdrawals, callsTo } = setup({ withdraw: connectionLost, fakeTimers: true });
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());

    expect(await screen.findByTestId('status-error-title')).toHaveTextContent('Outcome unknown: the connection was lost');
    const detail = screen.getByTestId('status-error-detail');
    expect(detail).toHaveTextContent('may or may not have been accepted');
    expect(detail).toHaveTextContent('Check your withdrawal list (and your email) before you try again');
    expect(screen.getByTestId('withdrawal-status')).not.toHaveTextContent('Your entries are unchanged');

    const checkbox = screen.getByRole('checkbox', { name: /I checked my withdrawal list/ });
    expect(checkbox).not.toBeChecked();
    expect(confirmButton()).toBeDisabled();
    // The list to check is offered, but only fetched when asked.
    expect(screen.getByRole('button', { name: 'Check recent withdrawals' })).toBeInTheDocument();

    await user.click(confirmButton());
    await jumpAhead(120_000);
    expect(withdrawals()).toHaveLength(1);
    expect(callsTo('GET', '/api/withdrawals')).toHaveLength(0);

    await user.click(checkbox);
    expect(confirmButton()).toBeEnabled();
    await jumpAhead(120_000);
    expect(withdrawals()).toHaveLength(1);
  });

  it('keeps asking for the check on a new review of the same withdrawal after an unknown outcome', async () => {
    const { user, withdrawals } = setup({ withdraw: connectionLost });
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    await screen.findByRole('checkbox', { name: /I checked my withdrawal list/ });
    await user.click(screen.getByRole('checkbox', { name: /I checked my withdrawal list/ }));

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));
    await screen.findByRole('region', { name: 'Review what will be signed' });
    expect(screen.getByRole('checkbox', { name: /I checked my withdrawal list/ })).not.toBeChecked();
    expect(confirmButton()).toBeDisabled();
    expect(withdrawals()).toHaveLength(1);
  });

  // Each unknown outcome needs its own check: a box ticked after the first must not let a third request out.
  it('asks for the check again after each unknown outcome', async () => {
    const { user, withdrawals } = setup({ withdraw: connectionLost });
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    await user.click(await screen.findByRole('checkbox', { name: /I checked my withdrawal list/ }));
    await user.click(confirmButton());
    await waitFor(() => expect(withdrawals()).toHaveLength(2));
    await screen.findByRole('button', { name: 'Confirm withdrawal' });

    expect(screen.getByRole('checkbox', { name: /I checked my withdrawal list/ })).not.toBeChecked();
    expect(confirmButton()).toBeDisabled();
  });
});
