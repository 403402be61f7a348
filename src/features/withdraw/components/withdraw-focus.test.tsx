import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHOW_PROGRESS_AFTER_MS } from '../../../config/timeouts';
import { deferred, jsonResponse } from '../../../testing/fetch-stub';
import { ADDRESS, clockRead, confirmButton, connectionLost, figuresRead, insufficientBalance, review, setupPanel } from '../../../testing/withdraw-panel-kit';

/** Where focus goes at each step, what is announced, and what is not (keyboard and screen-reader users). */

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const announcement = () => screen.getByTestId('withdrawal-announcement');
const reviewHeading = () => screen.getByRole('heading', { name: 'Review what will be signed' });

/** Whether the element is inside a live region (announced when it changes). */
function isLive(element: Element): boolean {
  return element.closest('[aria-live], [role="status"], [role="alert"], [role="log"]') !== null;
}

describe('WithdrawPanel: focus', () => {
  it('moves focus to the review heading when the review opens, and Escape goes back to the form with every entry kept', async () => {
    const { user } = await setupPanel();
    await figuresRead();
    await review(user, { asset: 'USDT', qty: '10.5', address: ADDRESS });
    expect(reviewHeading()).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Review what will be signed' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Asset')).toHaveFocus();
    expect(screen.getByLabelText('Asset')).toHaveValue('USDT');
    expect(screen.getByLabelText('Quantity')).toHaveValue('10.5');
    expect(screen.getByLabelText('Address')).toHaveValue(ADDRESS);
  });

  it('"Edit" puts the focus on the first field, not on the page', async () => {
    const { user } = await setupPanel();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByLabelText('Asset')).toHaveFocus();
  });

  it('while sending, focus stays on Confirm, now an inert "Sending…"; Escape does not leave it; the answer takes the focus', async () => {
    const answer = deferred<Response>();
    const { user } = await setupPanel({ withdraw: () => answer.promise });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await clockRead();
    await user.click(confirmButton());

    // Progress shows once the request has taken a moment; the focus never left the button meanwhile.
    expect(confirmButton()).toHaveFocus();
    const sending = await screen.findByRole('button', { name: 'Sending…' });
    expect(sending).toHaveFocus();
    expect(sending).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('region', { name: 'Review what will be signed' })).toBeInTheDocument();

    answer.resolve(jsonResponse({ code: 200, msg: 'OK', result: { id: 'wd_1' } }));
    const heading = await screen.findByRole('heading', { name: 'The exchange accepted the withdrawal request' });
    // The answer takes the focus just before the next frame: until then "Sending…" keeps it, never the page.
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('a refusal takes the focus with its title', async () => {
    const { user } = await setupPanel({ withdraw: insufficientBalance });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    const title = await screen.findByTestId('status-error-title');
    await waitFor(() => expect(title).toHaveFocus());
  });

  it('after an unknown outcome the title has the focus, and the next Tab stops reach the check before anything else', async () => {
    const { user } = await setupPanel({ withdraw: connectionLost });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    const title = await screen.findByTestId('status-error-title');
    await waitFor(() => expect(title).toHaveFocus());
    // The notice's code is loaded on demand (fetched while the request was on its way): it follows the answer.
    const check = await screen.findByRole('checkbox', { name: /I checked my withdrawal list/ });
    await user.tab();
    expect(check).toHaveFocus();
  });

  it('"New withdrawal" puts the focus on the first field of the empty form', async () => {
    const { user } = await setupPanel();
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    await user.click(await screen.findByRole('button', { name: 'New withdrawal' }));
    expect(screen.getByLabelText('Asset')).toHaveFocus();
    expect(screen.getByLabelText('Quantity')).toHaveValue('');
  });
});

describe('WithdrawPanel: validation timing', () => {
  it('shows no error for tabbing through every empty field, only once the review is asked for', async () => {
    const { user } = await setupPanel();
    await figuresRead();
    await user.click(screen.getByLabelText('Asset'));
    // Asset → Quantity → Max → Address → Review withdrawal, all empty.
    for (let stop = 0; stop < 4; stop += 1) await user.tab();
    expect(screen.getByRole('button', { name: 'Review withdrawal' })).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    for (const label of ['Asset', 'Quantity', 'Address']) expect(screen.getByLabelText(label)).toHaveAttribute('aria-invalid', 'false');

    await user.keyboard('{Enter}');
    expect(await screen.findAllByRole('alert')).toHaveLength(2);
  });
});

describe('WithdrawPanel: announcements', () => {
  it('announces a success in one short sentence that leads with the email, and nothing raw', async () => {
    const { user } = await setupPanel();
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    expect(announcement()).toHaveTextContent(/^$/);
    await user.click(confirmButton());
    await screen.findByTestId('email-notice');

    expect(announcement()).toHaveAttribute('role', 'status');
    expect(announcement().textContent).toBe('Not processed yet: confirm the withdrawal from the email Everstrike sent to a••••••••x@example.org.');
    // The body, the exchange's answer and the rest of the result are on screen, but not in any live region.
    for (const id of ['status-sent-body', 'status-code', 'email-notice', 'withdrawal-status']) expect(isLive(screen.getByTestId(id))).toBe(false);
  });

  it('announces a refusal by its title first', async () => {
    const { user } = await setupPanel({ withdraw: insufficientBalance });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    await screen.findByTestId('status-error-title');
    expect(announcement().textContent).toBe('The exchange refused the request: Insufficient balance (code 503, HTTP 503).');
  });

  it('shows the time waited against the timeout, each second, in a named progress bar, without announcing it', async () => {
    const answer = deferred<Response>();
    const { user, withdrawals } = await setupPanel({ withdraw: () => answer.promise, fakeTimers: true });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await clockRead();
    await user.click(confirmButton());
    await waitFor(() => expect(withdrawals()).toHaveLength(1));
    // Progress shows once the request has taken a moment (SHOW_PROGRESS_AFTER_MS).
    expect(screen.queryByTestId('sending-elapsed')).not.toBeInTheDocument();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(SHOW_PROGRESS_AFTER_MS);
    });

    const elapsed = screen.getByTestId('sending-elapsed');
    const bar = screen.getByRole('progressbar', { name: 'Time waiting for the exchange’s answer' });
    expect(elapsed).toHaveTextContent('0 s of 20 s');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3_000);
    });
    expect(elapsed).toHaveTextContent('3 s of 20 s');
    expect(bar).toHaveAttribute('value', '3');
    expect(bar).toHaveAttribute('max', '20');
    expect(bar).toHaveAttribute('aria-valuetext', '3 s of 20 s');
    expect(isLive(elapsed)).toBe(false);
    expect(announcement()).toHaveTextContent(/^$/);
    answer.resolve(jsonResponse({ code: 200, msg: 'OK', result: {} }));
    await waitFor(() => expect(announcement()).toHaveTextContent(/^Not processed yet/));
  });

  it('says what the list shows about an unknown outcome as news only: the time of each read is not live', async () => {
    const { user } = await setupPanel({ withdraw: connectionLost });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    const resolution = await screen.findByText(/^Not in the list as of \d\d:\d\d:\d\d\./);
    expect(isLive(resolution)).toBe(false);
    expect(screen.getByText('The withdrawal is not in your list yet.')).toHaveAttribute('role', 'status');
    expect(announcement().textContent).toMatch(/^Outcome unknown: the connection was lost\./);
  });
});
