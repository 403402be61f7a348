import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { renderWithProviders } from '../../../testing/render';
import type { WithdrawalDraft } from '../withdraw-schema';
import { ReviewPanel } from './review-panel';

const TESTNET: ExchangeTarget = { url: 'https://api.testnet.everstrike.io', environment: 'testnet', label: 'Everstrike testnet' };
const MAINNET: ExchangeTarget = { url: 'https://api.everstrike.io', environment: 'mainnet', label: 'Everstrike MAINNET (real funds)' };
const LOCAL: ExchangeTarget = { url: 'http://127.0.0.1:8787', environment: 'local', label: 'Local sandbox exchange (127.0.0.1:8787)' };

const mainnetBtc: WithdrawalDraft = {
  asset: 'BTC',
  qty: '0.1',
  address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
  addressKind: 'Bitcoin segwit v0 address',
  chain: 'bitcoin',
  addressChecked: true,
  memo: false,
  addressNetwork: 'mainnet',
};
const testnetBtc: WithdrawalDraft = { ...mainnetBtc, address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', addressNetwork: 'testnet' };

type ReviewFlow = Parameters<typeof ReviewPanel>[0]['flow'];

function flowStub(overrides: Partial<ReviewFlow> = {}, onConfirm: () => void = () => undefined): ReviewFlow {
  return {
    stage: { name: 'reviewing', draft: mainnetBtc },
    refusal: null,
    canSign: true,
    clock: { offsetMs: 0, pending: false, unavailable: false },
    limitsPending: false,
    confirmAllowed: true,
    unresolved: null,
    checked: false,
    acknowledged: [],
    actions: {
      review: vi.fn(),
      edit: vi.fn(),
      startOver: vi.fn(),
      confirm: onConfirm,
      setChecked: vi.fn(),
      acknowledge: vi.fn(),
      reportGate: vi.fn(),
      curl: vi.fn(async () => 'curl …'),
      attemptFound: vi.fn(),
    },
    ...overrides,
  };
}

function renderPanel(draft: WithdrawalDraft, target: ExchangeTarget, overrides: { onConfirm?: () => void; flow?: Partial<ReviewFlow> } = {}) {
  // Without keys: the review reads no list (nothing could be signed anyway).
  return renderWithProviders(<ReviewPanel draft={draft} target={target} flow={flowStub(overrides.flow, overrides.onConfirm)} figures={null} warnings={[]} />);
}

describe('ReviewPanel', () => {
  it.each([
    [mainnetBtc, TESTNET, 'Bitcoin mainnet address but the exchange is Everstrike testnet'],
    [testnetBtc, MAINNET, 'Bitcoin testnet address but the exchange is Everstrike MAINNET'],
  ])('warns when a Bitcoin address is for the other network', (draft, target, warning) => {
    renderPanel(draft, target);
    expect(screen.getByRole('alert')).toHaveTextContent(warning);
  });

  it.each([
    [testnetBtc, TESTNET],
    [mainnetBtc, MAINNET],
    [mainnetBtc, LOCAL],
    [testnetBtc, LOCAL],
  ])('does not warn when the address suits the exchange', (draft, target) => {
    renderPanel(draft, target);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a refusal that arrived after the review opened, and offers no Confirm', () => {
    renderPanel(testnetBtc, TESTNET, { flow: { refusal: 'This is more than your free balance of 0.05 BTC.', confirmAllowed: false } });
    expect(screen.getByRole('alert')).toHaveTextContent('more than your free balance of 0.05 BTC');
    expect(screen.getByRole('button', { name: 'Confirm withdrawal' })).toBeDisabled();
  });

  it('says why Confirm waits: the clock, the account figures, the check of the list', () => {
    renderPanel(testnetBtc, TESTNET, {
      flow: { clock: { offsetMs: 0, pending: true, unavailable: false }, limitsPending: true, unresolved: { attempt: { asset: 'BTC', qty: '0.1', address: testnetBtc.address, startedAt: 1 }, readAfter: 0, restored: true }, confirmAllowed: false },
    });
    expect(screen.getByText('Reading the exchange’s clock…')).toBeInTheDocument();
    expect(screen.getByText('Reading your balance and fee…')).toBeInTheDocument();
    expect(screen.getByText(/First say you checked your withdrawal list/)).toBeInTheDocument();
  });

  it('names the mainnet in bold and confirms once per click', async () => {
    const onConfirm = vi.fn();
    renderPanel(mainnetBtc, MAINNET, { onConfirm });
    expect(screen.getByTestId('review-target')).toHaveTextContent('Everstrike MAINNET (real funds) — https://api.everstrike.io');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm withdrawal' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
