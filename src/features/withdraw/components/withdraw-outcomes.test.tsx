import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, type Responder } from '../../../testing/fetch-stub';
import {
  ADDRESS,
  clockRead,
  confirmButton,
  connectionLost,
  figuresRead,
  insufficientBalance,
  jumpAhead,
  ok,
  review,
  setupPanel,
} from '../../../testing/withdraw-panel-kit';
import { ATTEMPT_STORAGE_KEY } from '../pending-attempt';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const checkbox = () => screen.getByRole('checkbox', { name: /I checked my withdrawal list/ });

/** A list holding one withdrawal like the one under test, created at `time`. */
const listWith = (time: () => number, qty = '1'): Responder => () =>
  ok([{ id: 'wd_found', asset: 'ETH', qty, net: '0.995', fee: '0.005', address: ADDRESS, status: 'PENDING', time: time(), transaction: null }]);

/** The exchange took the withdrawal, then the connection broke: the list holds it from the POST on, not before. */
function acceptedThenLost(time: () => number): { withdraw: Responder; withdrawals: Responder } {
  let posted = false;
  return {
    withdraw: (request) => {
      posted = true;
      return connectionLost(request);
    },
    withdrawals: (request) => (posted ? listWith(time)(request) : ok([])),
  };
}
const secondWithdrawal = () => screen.getByRole('checkbox', { name: /I mean a second withdrawal/ });

describe('WithdrawPanel: success', () => {
  it('on success shows the code, msg, withdrawal id and that the email must be confirmed; no more Confirm; storage empty', async () => {
    const { user } = await setupPanel({ withdraw: () => jsonResponse({ code: 200, msg: 'Withdrawal request received', result: { id: 98765 } }) });
    await figuresRead();
    await review(user, { qty: '0.05', address: ADDRESS });
    await user.click(confirmButton());

    const notice = await screen.findByTestId('email-notice');
    expect(notice).toHaveTextContent('processes this withdrawal only after you confirm it from the email');
    expect(screen.getByTestId('status-code')).toHaveTextContent(/^200$/);
    expect(screen.getByTestId('status-msg')).toHaveTextContent(/^Withdrawal request received$/);
    expect(screen.getByTestId('status-withdrawal-id')).toHaveTextContent(/^98765$/);
    expect(screen.queryByRole('button', { name: 'Confirm withdrawal' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New withdrawal' })).toBeInTheDocument();
    expect(localStorage.length).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Copy withdrawal id' }));
    expect(await navigator.clipboard.readText()).toBe('98765');
    await user.click(screen.getAllByRole('button', { name: 'Copy address' })[0] as HTMLElement);
    expect(await navigator.clipboard.readText()).toBe(ADDRESS);
  });

  it('"New withdrawal" brings back an empty form', async () => {
    const { user } = await setupPanel();
    await figuresRead();
    await review(user, { qty: '0.05', address: ADDRESS });
    await user.click(confirmButton());
    await user.click(await screen.findByRole('button', { name: 'New withdrawal' }));
    expect(screen.getByLabelText('Quantity')).toHaveValue('');
    expect(screen.getByLabelText('Quantity')).toBeEnabled();
    expect(screen.queryByTestId('email-notice')).not.toBeInTheDocument();
  });
});

describe('WithdrawPanel: known failures', () => {
  it('shows the exchange’s msg for a 503, and "Edit" returns to the form with every typed value intact', async () => {
    const { user, withdrawals } = await setupPanel({ withdraw: insufficientBalance });
    await figuresRead();
    await review(user, { asset: 'USDT', qty: '10.50', address: ` ${ADDRESS}` });
    await user.click(confirmButton());

    expect(await screen.findByTestId('status-error-title')).toHaveTextContent('The exchange refused the request');
    expect(screen.getByTestId('status-error-detail')).toHaveTextContent('Insufficient balance (code 503, HTTP 503)');
    expect(screen.getByTestId('withdrawal-status')).toHaveTextContent('Your entries are unchanged');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    // A refusal is a known outcome: nothing is kept for a reload to warn about.
    expect(localStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.queryByRole('region', { name: 'Review what will be signed' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('status-error-title')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Asset')).toHaveValue('USDT');
    expect(screen.getByLabelText('Quantity')).toHaveValue('10.50');
    expect(screen.getByLabelText('Address')).toHaveValue(` ${ADDRESS}`);
    expect(screen.getByLabelText('Quantity')).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Review withdrawal' })).toBeEnabled();
    expect(withdrawals()).toHaveLength(1);
  });

  it('never retries after a 503 by itself, but sends again when the person confirms again', async () => {
    const { user, withdrawals } = await setupPanel({ withdraw: insufficientBalance, fakeTimers: true });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    await screen.findByTestId('status-error-title');

    await jumpAhead(120_000);
    expect(withdrawals()).toHaveLength(1);

    // The guard against double sends is released once the answer is in: a deliberate new confirmation goes out.
    await user.click(confirmButton());
    await waitFor(() => expect(withdrawals()).toHaveLength(2));
  });
});

describe('WithdrawPanel: unknown outcomes', () => {
  it('after a lost connection says the outcome is unknown, reads the list at once, blocks Confirm until checked, never resends', async () => {
    const { user, withdrawals, listReads } = await setupPanel({ withdraw: connectionLost, fakeTimers: true });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());

    expect(await screen.findByTestId('status-error-title')).toHaveTextContent('Outcome unknown: the connection was lost');
    const detail = screen.getByTestId('status-error-detail');
    expect(detail).toHaveTextContent('may or may not have been accepted');
    expect(detail).toHaveTextContent('Check your withdrawal list (and your email) before you try again');
    expect(screen.getByTestId('withdrawal-status')).not.toHaveTextContent('Your entries are unchanged');

    // The list is read at once, unasked, and says the withdrawal is not there (yet).
    await waitFor(() => expect(listReads().length).toBeGreaterThanOrEqual(1));
    expect(await screen.findByText(/^Not in the list as of \d\d:\d\d:\d\d\./)).toBeInTheDocument();
    expect(checkbox()).not.toBeChecked();
    expect(confirmButton()).toBeDisabled();

    await user.click(confirmButton());
    // A curl command would send it as surely: it is not offered either.
    expect(screen.getByRole('button', { name: 'Copy as curl' })).toBeDisabled();
    await jumpAhead(120_000);
    expect(withdrawals()).toHaveLength(1);
    // Until the attempt shows up, the list keeps being read about every 5 s.
    expect(listReads().length).toBeGreaterThanOrEqual(20);

    await user.click(checkbox());
    expect(confirmButton()).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Copy as curl' })).toBeEnabled();
    await jumpAhead(120_000);
    expect(withdrawals()).toHaveLength(1);
  });

  it('says "the exchange has it" when the list holds the withdrawal, and stops polling for it', async () => {
    const { user, listReads } = await setupPanel({ ...acceptedThenLost(() => Date.now()), fakeTimers: true });
    await figuresRead();
    await review(user, { qty: '1.0', address: ADDRESS });
    await user.click(confirmButton());

    const resolution = await screen.findByText(/^The exchange has it: withdrawal wd_found, awaiting email confirmation, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.$/);
    expect(resolution).toBeInTheDocument();
    expect(confirmButton()).toBeDisabled();
    // Its outcome is known now: a reload has nothing to warn about.
    await waitFor(() => expect(localStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull());
    // The row is PENDING, so the list is still polled for its status, but not faster than every 5 s.
    const reads = listReads().length;
    await jumpAhead(20_000);
    expect(listReads().length - reads).toBeLessThanOrEqual(4);
  });

  it('does not take an older withdrawal of the same amount for this one (which the review named first)', async () => {
    const { user } = await setupPanel({ withdraw: connectionLost, withdrawals: listWith(() => Date.now() - 60_000) });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    expect(await screen.findByTestId('review-duplicate')).toHaveTextContent('wd_found');
    await user.click(secondWithdrawal());
    await user.click(confirmButton());
    expect(await screen.findByText(/^Not in the list as of/)).toBeInTheDocument();
  });

  it('treats a 2xx answer with code 0 as not accepted: unknown outcome, list read, resend gated', async () => {
    const codeZero: Responder = () => jsonResponse({ code: 0, msg: 'error', result: {} });
    const { user, listReads } = await setupPanel({ withdraw: codeZero });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());

    expect(await screen.findByTestId('status-error-title')).toHaveTextContent('Outcome unknown: not a success answer');
    expect(screen.getByTestId('status-error-detail')).toHaveTextContent('The exchange answered code 0: error.');
    expect(screen.queryByTestId('email-notice')).not.toBeInTheDocument();
    expect(screen.queryByText(/accepted the withdrawal/)).not.toBeInTheDocument();
    await waitFor(() => expect(listReads().length).toBeGreaterThanOrEqual(1));
    expect(confirmButton()).toBeDisabled();
  });

  it('keeps asking for the check on a new review of the same withdrawal after an unknown outcome', async () => {
    const { user, withdrawals } = await setupPanel({ withdraw: connectionLost });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    await user.click(await screen.findByRole('checkbox', { name: /I checked my withdrawal list/ }));

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));
    await screen.findByRole('region', { name: 'Review what will be signed' });
    expect(checkbox()).not.toBeChecked();
    expect(confirmButton()).toBeDisabled();
    expect(withdrawals()).toHaveLength(1);
  });

  // Each unknown outcome needs its own check: a box ticked after the first must not let a third request out.
  it('asks for the check again after each unknown outcome', async () => {
    const { user, withdrawals } = await setupPanel({ withdraw: connectionLost });
    await figuresRead();
    await review(user, { qty: '1', address: ADDRESS });
    await user.click(confirmButton());
    await user.click(await screen.findByRole('checkbox', { name: /I checked my withdrawal list/ }));
    await user.click(confirmButton());
    await waitFor(() => expect(withdrawals()).toHaveLength(2));
    await screen.findByRole('button', { name: 'Confirm withdrawal' });

    expect(checkbox()).not.toBeChecked();
    expect(confirmButton()).toBeDisabled();
  });
});

describe('WithdrawPanel: reload safety', () => {
  it('keeps the attempt (and nothing secret) in localStorage while it is in flight, and asks before leaving', async () => {
    let answer: (response: Response) => void = () => undefined;
    const held: Responder = () => new Promise<Response>((resolve) => (answer = resolve));
    const { user, keys } = await setupPanel({ withdraw: held });
    await figuresRead();
    await review(user, { qty: '0.25', address: ADDRESS });
    await user.click(confirmButton());
    await screen.findByRole('button', { name: 'Sending…' });

    const stored = JSON.parse(localStorage.getItem(ATTEMPT_STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['address', 'asset', 'qty', 'startedAt']);
    expect(stored).toMatchObject({ asset: 'ETH', qty: '0.25', address: ADDRESS });
    expect(JSON.stringify({ ...localStorage })).not.toContain(keys.apiKey);

    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);

    answer(jsonResponse({ code: 200, msg: 'OK', result: { id: 'wd-1' } }));
    await screen.findByTestId('email-notice');
    expect(localStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
    // The listener goes with the effect's cleanup, just after the answer is on screen.
    await waitFor(() => {
      const afterwards = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(afterwards);
      expect(afterwards.defaultPrevented).toBe(false);
    });
  });

  it('a page loaded with an unresolved attempt says so as soon as it has loaded, reads the list once keys are in, and gates Confirm', async () => {
    localStorage.setItem(ATTEMPT_STORAGE_KEY, JSON.stringify({ asset: 'ETH', qty: '0.25', address: ADDRESS, startedAt: Date.now() - 2_000 }));
    const { user, withdrawals, listReads } = await setupPanel({ withdrawals: listWith(() => Date.now() - 1_000, '0.25') });
    expect(await screen.findByRole('heading', { name: 'A withdrawal was being sent when this page was closed or reloaded' })).toBeInTheDocument();
    expect(screen.getByTestId('unresolved-attempt')).toHaveTextContent('0.25 ETH');
    expect(await screen.findByText(/^The exchange has it: withdrawal wd_found/)).toBeInTheDocument();
    expect(listReads().length).toBeGreaterThanOrEqual(1);

    await figuresRead();
    await review(user, { qty: '0.25', address: ADDRESS });
    await clockRead();
    // Nothing else holds Confirm back: only the check.
    expect(confirmButton()).toBeDisabled();
    expect(screen.getByText(/First say you checked your withdrawal list/)).toBeInTheDocument();
    await user.click(confirmButton());
    expect(withdrawals()).toHaveLength(0);
    await user.click(checkbox());
    // The list holds that same withdrawal, so the review names it too and asks for its own tick.
    expect(screen.getByTestId('review-duplicate')).toHaveTextContent('wd_found');
    expect(confirmButton()).toBeDisabled();
    await user.click(secondWithdrawal());
    expect(confirmButton()).toBeEnabled();
  });

  it('without keys, a restored attempt asks for them before it can be looked up', async () => {
    localStorage.setItem(ATTEMPT_STORAGE_KEY, JSON.stringify({ asset: 'ETH', qty: '0.25', address: ADDRESS, startedAt: Date.now() }));
    const { listReads } = await setupPanel({ withKeys: false });
    expect(await screen.findByTestId('attempt-resolution')).toHaveTextContent('Add your API key and secret above');
    expect(listReads()).toHaveLength(0);
  });
});
