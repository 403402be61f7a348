import { focusManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
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

  it('shows an address or hash with invisible characters made visible, marked suspicious, and copies what it shows', async () => {
    const reversed = '0x829bd824b016\u202E326a401d083b33d092293333a830';
    statuses = [entry('wd_1', 'COMPLETED', T0, { address: reversed, transaction: { hash: `${HASH}\u200B` } })];
    await setup();
    const address = await screen.findByTestId('history-address');
    const shown = '0x829bd824b016⟨U+202E⟩326a401d083b33d092293333a830';
    expect(address).toHaveAttribute('title', shown);
    expect(within(address).getByText(shown)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/[\u202E\u200B]/);
    expect(screen.getByTestId('history-address-suspicious')).toHaveTextContent('Suspicious: contains invisible characters');
    expect(screen.getByTestId('history-tx-suspicious')).toBeVisible();
    expect(screen.getByTestId('history-tx')).toHaveAttribute('title', `${HASH}⟨U+200B⟩`);

    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: /^Copy address / }));
    expect(await navigator.clipboard.readText()).toBe(shown);
  });

  it('marks nothing suspicious in a plain address', async () => {
    statuses = [entry('wd_1', 'COMPLETED', T0)];
    await setup();
    await screen.findByTestId('history-address');
    expect(screen.queryByTestId('history-address-suspicious')).not.toBeInTheDocument();
    expect(screen.queryByText(/Suspicious/)).not.toBeInTheDocument();
  });

  it('says where a withdrawal awaiting its email confirmation is cancelled, and only for those', async () => {
    statuses = [entry('wd_p', 'PENDING', T0), entry('wd_a', 'ACTIVE', T0 - 1)];
    await setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [pending, active] = rows() as [HTMLElement, HTMLElement];
    expect(within(pending).getByTestId('history-cancel-hint')).toHaveTextContent('To cancel: the link in its email');
    expect(within(active).queryByTestId('history-cancel-hint')).not.toBeInTheDocument();
  });

  it('downloads the listed withdrawals as a CSV file named after the exchange and the day', async () => {
    statuses = [entry('wd_1', 'COMPLETED', Date.UTC(2026, 11, 1, 19, 7, 43), { transaction: { hash: HASH } })];
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:http://localhost/csv';
    });
    // jsdom has no object URLs: the test provides them, and puts back what was there.
    const { createObjectURL: ownCreate, revokeObjectURL: ownRevoke } = URL;
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      Object.assign(URL, { createObjectURL: ownCreate, revokeObjectURL: ownRevoke });
    });
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    await setup(SANDBOX);
    await waitFor(() => expect(rows()).toHaveLength(1));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(clicked).toEqual([{ href: 'blob:http://localhost/csv', download: expect.stringMatching(/^everstrike-local-withdrawals-\d{4}-\d\d-\d\d\.csv$/) as string }]);
    const text = await blobs[0]?.text();
    expect(text).toBe(`id,time_utc,asset,qty,fee,net,address,status,transaction_hash\r\nwd_1,2026-12-01T19:07:43.000Z,ETH,1.5,0.005,1.495,${ADDRESS},COMPLETED,${HASH}\r\n`);
    expect(document.querySelector('a[download]')).toBeNull();
    click.mockRestore();
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
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
    expect(screen.getByRole('link', { name: 'Open the sandbox mailbox' })).toHaveAttribute('href', 'http://127.0.0.1:8787/mailbox');
  });

  it('words a failed read', async () => {
    stubFetch({ '/api/withdrawals': () => jsonResponse({ code: 401, msg: 'Invalid API key', result: {} }, { status: 401 }) });
    renderWithProviders(<WithdrawalHistory target={undefined} />, { keys: { apiKey: API_KEY, signingKey: await importSigningSecret('s') } });
    expect(await screen.findByRole('alert')).toHaveTextContent('The withdrawal list could not be read: The exchange refused the request: Invalid API key');
  });
});
