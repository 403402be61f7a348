import { focusManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { importSigningSecret } from '../../../signing/sign-body';
import { jsonResponse, stubFetch, type Responder } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import { WithdrawalHistory } from './withdrawal-history';

const API_KEY = 'ak_test_7Hq2mZ9xW3kP';
const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const HASH = '0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const SANDBOX: ExchangeTarget = { url: 'http://127.0.0.1:8787', environment: 'local', label: 'Local sandbox exchange' };
const T0 = new Date(2026, 10, 25, 14, 30, 0).getTime();

const entry = (id: string, status: string, time: number, extra: Record<string, unknown> = {}) => ({
  id,
  asset: 'ETH',
  qty: '1.5',
  net: '1.495',
  address: ADDRESS,
  status,
  time,
  transaction: null,
  ...extra,
});

let statuses: Record<string, unknown>[] = [];
const list: Responder = () => jsonResponse({ code: 200, msg: '', result: statuses });

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});

afterEach(() => {
  focusManager.setFocused(undefined);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function setup(target?: ExchangeTarget) {
  const exchange = stubFetch({ '/api/withdrawals': list });
  const keys = { apiKey: API_KEY, signingKey: await importSigningSecret('secret') };
  renderWithProviders(<WithdrawalHistory target={target} />, { keys });
  const reads = () => exchange.callsTo('GET', '/api/withdrawals').length;
  return { ...exchange, reads };
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

const rows = () => screen.getAllByTestId('history-row');

describe('WithdrawalHistory', () => {
  it('shows nothing and reads nothing without keys', () => {
    const { calls } = stubFetch({ '/api/withdrawals': list });
    renderWithProviders(<WithdrawalHistory target={undefined} />);
    expect(screen.queryByRole('heading', { name: /Your withdrawals/ })).not.toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('shows the list as soon as keys are in, newest first, each row complete, with the status in words', async () => {
    statuses = [
      entry('wd_old', 'COMPLETED', T0 - 60_000, { transaction: { hash: HASH } }),
      entry('wd_new', 'PENDING', T0, { asset: 'USDT', qty: 1250.5, net: 1245.5 }),
      entry('wd_mid', 'REJECTED', T0 - 30_000, { qty: '0.3', net: '0.1', fee: undefined }),
    ];
    const { calls } = await setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(calls[0]?.headers).toMatchObject({ 'x-api-key': API_KEY });
    expect(rows().map((row) => row.dataset.withdrawalId)).toEqual(['wd_new', 'wd_mid', 'wd_old']);

    const [newest, middle, oldest] = rows() as [HTMLElement, HTMLElement, HTMLElement];
    expect(newest).toHaveTextContent('2026-11-25 14:30:00');
    expect(newest).toHaveTextContent('USDT');
    expect(newest).toHaveTextContent('1250.5');
    expect(newest).toHaveTextContent('1245.5');
    expect(within(newest).getByTestId('history-status')).toHaveTextContent('Awaiting email confirmation');
    // The fee is qty − net, exactly, when the exchange does not give it.
    expect(middle).toHaveTextContent('0.2');
    expect(within(middle).getByTestId('history-status')).toHaveTextContent('Rejected');
    expect(within(oldest).getByTestId('history-status')).toHaveTextContent('Completed');
    expect(within(oldest).getByTestId('history-tx')).toHaveAttribute('title', HASH);
    expect(screen.getByTestId('history-as-of')).toHaveTextContent(/^As of \d\d:\d\d:\d\d$/);
  });

  it('says when the list was read without announcing it, so a poll is not read out', async () => {
    statuses = [entry('wd_1', 'PENDING', T0)];
    await setup();
    const asOf = await screen.findByTestId('history-as-of');
    expect(asOf.closest('[aria-live], [role="status"], [role="alert"], [role="log"]')).toBeNull();
    expect(screen.getByTestId('history-row').closest('[aria-live], [role="status"], [role="alert"], [role="log"]')).toBeNull();
  });

  it('holds the space of the first rows while the list is read', async () => {
    const pending = stubFetch({ '/api/withdrawals': () => new Promise<Response>(() => undefined) });
    renderWithProviders(<WithdrawalHistory target={undefined} />, { keys: { apiKey: API_KEY, signingKey: await importSigningSecret('s') } });
    await waitFor(() => expect(pending.calls).toHaveLength(1));
    expect(screen.getByText('Reading your withdrawals…')).toBeInTheDocument();
    expect(screen.getByTestId('history-placeholder')).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows the address shortened, complete on hover and on focus, with a copy button', async () => {
    statuses = [entry('wd_1', 'COMPLETED', T0)];
    await setup();
    const address = await screen.findByTestId('history-address');
    expect(address).toHaveAttribute('title', ADDRESS);
    expect(within(address).getByText('0x829bd8…33a830')).toBeInTheDocument();
    expect(within(address).getByText(ADDRESS)).toBeInTheDocument();
    expect(address).toHaveAttribute('tabindex', '0');

    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'Copy address 0x829bd8…33a830' }));
    expect(await navigator.clipboard.readText()).toBe(ADDRESS);
  });

  it('reads the list again about every 5 s while a withdrawal is open, and stops when none is', async () => {
    statuses = [entry('wd_1', 'PENDING', T0)];
    const { reads } = await setup();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(reads()).toBe(1);

    await advance(5_000);
    expect(reads()).toBe(2);
    statuses = [entry('wd_1', 'ACTIVE', T0)];
    await advance(5_000);
    expect(reads()).toBe(3);
    await waitFor(() => expect(screen.getByTestId('history-status')).toHaveTextContent('Processing'));

    statuses = [entry('wd_1', 'COMPLETED', T0, { transaction: { hash: HASH } })];
    await advance(5_000);
    await waitFor(() => expect(screen.getByTestId('history-status')).toHaveTextContent('Completed'));
    const settled = reads();
    await advance(60_000);
    expect(reads()).toBe(settled);
  });

  it('does not poll a list with nothing open', async () => {
    statuses = [entry('wd_1', 'COMPLETED', T0), entry('wd_2', 'CANCELLED', T0 - 1)];
    const { reads } = await setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await advance(60_000);
    expect(reads()).toBe(1);
  });

  it('pauses while the tab is hidden and goes on when it is visible again', async () => {
    statuses = [entry('wd_1', 'PENDING', T0)];
    const { reads } = await setup();
    await waitFor(() => expect(rows()).toHaveLength(1));
    act(() => focusManager.setFocused(false));
    await advance(30_000);
    expect(reads()).toBe(1);
    act(() => focusManager.setFocused(true));
    await advance(5_000);
    expect(reads()).toBeGreaterThan(1);
  });

  it('says there is nothing when the list is empty, and links to the sandbox mailbox', async () => {
    statuses = [];
    await setup(SANDBOX);
    expect(await screen.findByText('No withdrawals on this account.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the sandbox mailbox' })).toHaveAttribute('href', 'http://127.0.0.1:8787/mailbox');
  });

  it('words a failed read', async () => {
    stubFetch({ '/api/withdrawals': () => jsonResponse({ code: 401, msg: 'Invalid API key', result: {} }, { status: 401 }) });
    renderWithProviders(<WithdrawalHistory target={undefined} />, { keys: { apiKey: API_KEY, signingKey: await importSigningSecret('s') } });
    expect(await screen.findByRole('alert')).toHaveTextContent('The withdrawal list could not be read: The exchange refused the request: Invalid API key');
  });
});
