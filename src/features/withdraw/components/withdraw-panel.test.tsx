import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred, expectedSignature, jsonResponse, type Responder } from '../../../testing/fetch-stub';
import {
  ADDRESS,
  API_KEY,
  confirmButton,
  fillForm,
  figuresRead,
  ok,
  onlyRequest,
  personalWith,
  review,
  SECRET,
  setupPanel,
  WITHDRAW_URL,
} from '../../../testing/withdraw-panel-kit';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('WithdrawPanel: the form', () => {
  it.each([
    ['1e-7', 'without an exponent'],
    ['-1', 'without a sign'],
    ['0.000000001', 'at most 8 decimals'],
    ['1,5', 'Use a dot as the decimal separator'],
    ['0', 'greater than zero'],
  ])('refuses the quantity %s with an alert and sends nothing', async (qty, message) => {
    const { user, posts } = await setupPanel();
    await fillForm(user, { qty, address: ADDRESS });
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(screen.getByLabelText('Quantity')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Quantity')).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.queryByRole('region', { name: 'Review what will be signed' })).not.toBeInTheDocument();
    expect(posts()).toHaveLength(0);
  });

  it.each([
    ['an EIP-55 checksum mismatch', 'ETH', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 'does not match its EIP-55 checksum'],
    ['a Bitcoin address for ETH', 'ETH', 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', 'An Ethereum address is 0x followed by 40 hexadecimal'],
    ['an Ethereum address for BTC', 'BTC', ADDRESS, 'BTC is sent on Bitcoin. A Bitcoin address starts with 1, 3 or bc1'],
  ])('refuses %s with an alert and sends nothing', async (_what, asset, address, message) => {
    const { user, posts } = await setupPanel();
    await fillForm(user, { asset, qty: '0.5', address });
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('Address')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('region', { name: 'Review what will be signed' })).not.toBeInTheDocument();
    expect(posts()).toHaveLength(0);
  });

  it('shows every missing entry at once', async () => {
    const { user, posts } = await setupPanel();
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual(['Enter a quantity.', 'Enter the address to withdraw to.']);
    expect(posts()).toHaveLength(0);
  });

  it('shows no error for an entry merely passed through, only once the person asks for the review', async () => {
    const { user } = await setupPanel();
    await user.click(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '1e-7');
    await user.click(screen.getByLabelText('Address'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));
    expect(await screen.findAllByRole('alert')).toHaveLength(2);
    // Then the error follows the typing.
    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '1');
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
  });
});

describe('WithdrawPanel: review', () => {
  it('shows the asset, the normalised quantity, the grouped address and the exact body before the timestamp', async () => {
    const { user, posts } = await setupPanel();
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

  it('reads the account once keys are in and the clock only once there is something to review; signs nothing', async () => {
    const { user, calls, callsTo } = await setupPanel();
    // The account, the public asset list, and the withdrawal list (the memory of addresses used before).
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls.map((call) => call.url).sort()).toEqual(['/api/assets', '/api/personal', '/api/withdrawals']);
    expect(callsTo('GET', '/api/time')).toHaveLength(0);

    await review(user, { qty: '1', address: ADDRESS });
    await waitFor(() => expect(callsTo('GET', '/api/time')).toHaveLength(1));
    const byUrl = Object.fromEntries(calls.map((call) => [call.url, call]));
    for (const call of calls) {
      expect(call.method).toBe('GET');
      expect(call.headers).not.toHaveProperty('x-signature');
    }
    // Only the account and list reads carry the API key.
    expect(byUrl['/api/personal']?.headers).toHaveProperty('x-api-key', API_KEY);
    expect(byUrl['/api/withdrawals']?.headers).toHaveProperty('x-api-key', API_KEY);
    expect(byUrl['/api/time']?.headers).not.toHaveProperty('x-api-key');
    expect(byUrl['/api/assets']?.headers).not.toHaveProperty('x-api-key');
  });

  it('shows the available balance, the fee and what arrives', async () => {
    const { user } = await setupPanel();
    await figuresRead();
    await review(user, { qty: '1.5', address: ADDRESS });
    expect(screen.getByTestId('review-available')).toHaveTextContent('10 ETH');
    expect(screen.getByTestId('review-fee')).toHaveTextContent('0.005 ETH');
    expect(screen.getByTestId('review-receive')).toHaveTextContent(/^1\.495 ETH$/);
  });

  it('accepts a quantity equal to the balance without an alert', async () => {
    const { user } = await setupPanel();
    await figuresRead();
    await review(user, { qty: '10', address: ADDRESS });
    expect(screen.getByTestId('review-available')).toHaveTextContent('10 ETH');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await waitFor(() => expect(confirmButton()).toBeEnabled());
  });

  it('reads the figures again after the withdrawal of all of it was accepted, without complaining about the balance', async () => {
    let free = 10;
    const draining: Responder = () => ok({ balances: { ETH: { free } }, permissions: { withdraw_enabled: true } });
    const acceptAll: Responder = () => {
      free = 0;
      return jsonResponse({ code: 200, msg: 'OK', result: { id: 'wd-1' } });
    };
    const { user, callsTo } = await setupPanel({ personal: draining, withdraw: acceptAll });
    await figuresRead();
    await review(user, { qty: '10', address: ADDRESS });
    await user.click(confirmButton());
    expect(await screen.findByText(/only after you confirm it from the email/)).toBeInTheDocument();
    await waitFor(() => expect(callsTo('GET', '/api/personal')).toHaveLength(2));
    await figuresRead('0 ETH');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the exchange answer at once, without waiting for the balance to be read again', async () => {
    const secondRead = deferred<Response>();
    let reads = 0;
    const slowSecondRead: Responder = (request) => {
      reads += 1;
      return reads === 1 ? personalWith()(request) : secondRead.promise;
    };
    const { user, callsTo } = await setupPanel({ personal: slowSecondRead });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    await waitFor(() => expect(callsTo('GET', '/api/personal')).toHaveLength(2));
    // The second balance read has not answered, and the status already shows the exchange's answer.
    expect(await screen.findByText(/only after you confirm it from the email/)).toBeInTheDocument();
    secondRead.resolve(ok({}));
  });
});

describe('WithdrawPanel: confirm', () => {
  it('waits for the exchange clock before it lets the person confirm', async () => {
    const clockAnswer = deferred<Response>();
    const { user, withdrawals } = await setupPanel({ time: () => clockAnswer.promise });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    expect(confirmButton()).toBeDisabled();
    expect(screen.getByText('Reading the exchange’s clock…')).toBeInTheDocument();
    await user.click(confirmButton());
    expect(withdrawals()).toHaveLength(0);
    clockAnswer.resolve(ok(Date.now()));
    await waitFor(() => expect(confirmButton()).toBeEnabled());
    expect(screen.queryByText('Reading the exchange’s clock…')).not.toBeInTheDocument();
  });

  it('lets the person confirm on the local clock when the exchange clock cannot be read', async () => {
    const { user } = await setupPanel({ time: () => Promise.reject(new TypeError('Failed to fetch')) });
    await review(user, { qty: '1', address: ADDRESS });
    await waitFor(() => expect(confirmButton()).toBeEnabled());
    expect(screen.getByText(/clock could not be read, so your computer’s clock stamps the request/)).toBeInTheDocument();
  });

  it('sends exactly one signed POST whose signature covers the exact body sent, and never the secret', async () => {
    const { user, posts, calls } = await setupPanel();
    await figuresRead();
    await review(user, { qty: '1.50', address: ADDRESS });
    const before = Date.now();
    await user.click(confirmButton());
    await screen.findByTestId('email-notice');
    const after = Date.now();

    const post = onlyRequest(posts());
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
    const { user, withdrawals, callsTo } = await setupPanel();
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await waitFor(() => expect(callsTo('GET', '/api/time')).toHaveLength(1));

    clock.mockReturnValue(reviewedAt + 60_000);
    await user.click(confirmButton());
    await screen.findByTestId('email-notice');

    const body = onlyRequest(withdrawals()).body ?? '';
    expect(new URLSearchParams(body).get('timestamp')).toBe(String(reviewedAt + 60_000));
  });

  it('corrects the timestamp by the exchange’s clock when the local clock is off', async () => {
    const localNow = 1_760_000_000_000;
    vi.spyOn(Date, 'now').mockReturnValue(localNow);
    const { user, withdrawals } = await setupPanel({ time: () => ok(localNow + 12_000) });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    expect(await screen.findByText(/Your clock is 12\.0 s behind the exchange’s/)).toBeInTheDocument();

    await user.click(confirmButton());
    await screen.findByTestId('email-notice');
    const body = onlyRequest(withdrawals()).body ?? '';
    expect(new URLSearchParams(body).get('timestamp')).toBe(String(localNow + 12_000));
  });

  it('sends nothing when the review is left in the instant between Confirm and the signature', async () => {
    const { user, withdrawals } = await setupPanel();
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await waitFor(() => expect(confirmButton()).toBeEnabled());

    // Edit lands before WebCrypto has returned the signature (it answers a task later).
    act(() => {
      confirmButton().click();
      screen.getByRole('button', { name: 'Edit' }).click();
    });
    expect(await screen.findByLabelText('Quantity')).toBeEnabled();
    // Long enough for the signature and a request that would have left.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(withdrawals()).toHaveLength(0);
    expect(localStorage.length).toBe(0);
  });

  it('sends one POST for fast repeated clicks while the request is pending', async () => {
    const answer = deferred<Response>();
    const { user, withdrawals, posts } = await setupPanel({ withdraw: () => answer.promise });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await waitFor(() => expect(confirmButton()).toBeEnabled());

    const button = confirmButton();
    // Two clicks before React can re-render and disable the button.
    act(() => {
      button.click();
      button.click();
    });
    await user.dblClick(button);
    await waitFor(() => expect(withdrawals()).toHaveLength(1));
    // Progress shows once the request has taken a moment (SHOW_PROGRESS_AFTER_MS).
    expect(await screen.findByRole('button', { name: 'Sending…' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Edit' })).toBeDisabled();
    expect(screen.getByTestId('withdrawal-status')).toHaveTextContent('Signing and sending…');
    await user.click(screen.getByRole('button', { name: 'Sending…' }));

    answer.resolve(jsonResponse({ code: 200, msg: 'OK', result: { id: 7 } }));
    await screen.findByTestId('email-notice');
    expect(posts()).toHaveLength(1);
  });
});
