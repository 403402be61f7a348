/**
 * Shared set-up for the withdraw panel's component tests: a stubbed exchange (the same routes the page
 * calls through its proxy), keys already entered, and the steps a person takes.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, vi } from 'vitest';
import type { ExchangeTarget } from '../config/proxy-contract';
import type { SessionKeys } from '../exchange/session-keys';
import { WithdrawPanel } from '../features/withdraw/components/withdraw-panel';
import { importSigningSecret } from '../signing/sign-body';
import { jsonResponse, stubFetch, type RecordedRequest, type Responder } from './fetch-stub';
import { renderWithProviders } from './render';

export const API_KEY = 'ak_test_7Hq2mZ9xW3kP';
export const SECRET = 'sk_test_Zq9-secret-value-31415';
/** The EIP-55 example address, correctly capitalised. */
export const ADDRESS = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
export const TESTNET: ExchangeTarget = { url: 'https://api.testnet.everstrike.io', environment: 'testnet', label: 'Everstrike testnet' };
export const SANDBOX: ExchangeTarget = { url: 'http://127.0.0.1:8787', environment: 'local', label: 'Local sandbox exchange (127.0.0.1:8787)' };
export const WITHDRAW_URL = '/api/auth/withdraw';

export type User = ReturnType<typeof userEvent.setup>;

export const ok = (result: unknown): Response => jsonResponse({ code: 200, msg: '', result });
export const timeNow: Responder = () => ok(Date.now());
export const accepted: Responder = () => jsonResponse({ code: 200, msg: 'Withdrawal request received', result: { id: 'wd-1' } });
export const insufficientBalance: Responder = () => jsonResponse({ code: 503, msg: 'Insufficient balance', result: {} }, { status: 503 });
export const connectionLost: Responder = () => Promise.reject(new TypeError('Failed to fetch'));
export const personalWith = (overrides: Record<string, unknown> = {}): Responder => () =>
  ok({
    email: 'alice.sandbox@example.org',
    withdrawal_allowance: 100000,
    balances: { ETH: { free: 10, locked: 0 }, USDT: { free: 25000, locked: 0 }, BTC: { free: 1.5, locked: 0 } },
    permissions: { withdraw_enabled: true },
    ...overrides,
  });
export const assetsAnswer: Responder = () =>
  ok({ ETH: { fees: { withdrawal: 0.005 } }, USDT: { fees: { withdrawal: 5 } }, BTC: { fees: { withdrawal: 0.0005 } } });
export const emptyList: Responder = () => ok([]);

export interface SetupOptions {
  withdraw?: Responder;
  time?: Responder;
  personal?: Responder;
  assets?: Responder;
  withdrawals?: Responder;
  target?: ExchangeTarget;
  /** Without keys the panel is shown as before "Use keys for this tab". */
  withKeys?: boolean;
  /** Fake timers (advancing with real time too), so a test can jump far ahead to catch a retry or a poll. */
  fakeTimers?: boolean;
}

export async function setupPanel(options: SetupOptions = {}) {
  const { withdraw = accepted, time = timeNow, personal = personalWith(), assets = assetsAnswer, withdrawals = emptyList } = options;
  if (options.fakeTimers) vi.useFakeTimers({ shouldAdvanceTime: true });
  const keys: SessionKeys = { apiKey: API_KEY, signingKey: await importSigningSecret(SECRET) };
  const exchange = stubFetch({ '/api/time': time, '/api/personal': personal, '/api/assets': assets, '/api/withdrawals': withdrawals, [WITHDRAW_URL]: withdraw });
  const user = userEvent.setup(options.fakeTimers ? { advanceTimers: vi.advanceTimersByTime } : {});
  const view = renderWithProviders(<WithdrawPanel target={options.target ?? TESTNET} />, options.withKeys === false ? {} : { keys });
  return {
    ...exchange,
    ...view,
    user,
    keys,
    /** Every withdrawal POST sent so far. */
    withdrawals: () => exchange.callsTo('POST', WITHDRAW_URL),
    posts: () => exchange.callsTo('POST'),
    listReads: () => exchange.callsTo('GET', '/api/withdrawals'),
  };
}

export interface FormEntries {
  asset?: string;
  qty: string;
  address: string;
}

export async function fillForm(user: User, { asset, qty, address }: FormEntries) {
  if (asset !== undefined) await user.selectOptions(screen.getByLabelText('Asset'), asset);
  if (qty !== '') await user.type(screen.getByLabelText('Quantity'), qty);
  if (address !== '') {
    await user.click(screen.getByLabelText('Address'));
    await user.paste(address);
  }
}

/** Waits until the account figures are read, so the form checks against them. */
export async function figuresRead(free = '10 ETH') {
  await waitFor(() => expect(screen.getByTestId('figure-free')).toHaveTextContent(free));
}

export async function review(user: User, entries: FormEntries) {
  await fillForm(user, entries);
  await user.click(screen.getByRole('button', { name: 'Review withdrawal' }));
  const region = await screen.findByRole('region', { name: 'Review what will be signed' });
  // What the review shows is loaded on demand (the page fetches it ahead of need): it is there once the body is.
  await within(region).findByTestId('review-body');
  return region;
}

/** Waits until the review has the exchange's clock (Confirm waits for it too). */
export async function clockRead() {
  await waitFor(() => expect(screen.queryByText('Reading the exchange’s clock…')).not.toBeInTheDocument());
}

export function confirmButton() {
  return screen.getByRole('button', { name: 'Confirm withdrawal' });
}

/** Lets any timer the page may have set (a retry, a refetch) fire, with time moved far ahead. */
export async function jumpAhead(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

export function onlyRequest(requests: RecordedRequest[]): RecordedRequest {
  expect(requests).toHaveLength(1);
  const [request] = requests;
  if (!request) throw new Error('no request');
  return request;
}
