import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReviewChecks } from '../review-checks';
import type { WithdrawalDraft } from '../withdraw-schema';
import { ReviewSafety } from './review-safety';

const DRAFT: WithdrawalDraft = {
  asset: 'ETH',
  qty: '0.5',
  address: '0x829bd824b016326a401d083b33d092293333a830',
  addressKind: 'Ethereum address',
  chain: 'ethereum',
  addressChecked: true,
  memo: false,
};
const NOTHING_FOUND: ReviewChecks = { duplicates: [], lookAlikes: [], firstTime: true, required: [] };

function renderSafety(list: 'none' | 'pending' | 'read' | 'unread', checks: ReviewChecks = NOTHING_FOUND) {
  return render(<ReviewSafety draft={DRAFT} checks={checks} list={list} acknowledged={[]} onAcknowledge={() => undefined} locked={false} />);
}

describe('ReviewSafety: what the withdrawal list says of the address', () => {
  it('holds one line for it while the list is read, so the answer moves nothing', () => {
    renderSafety('pending', { ...NOTHING_FOUND, firstTime: null });
    const line = screen.getByTestId('review-address-history');
    expect(line).toHaveTextContent('Checking your withdrawal list for earlier withdrawals of ETH to this address…');
    expect(line.className).toMatch(/min-h-\[3lh\]/);
  });

  it('says in the same line that the address is new, or that it was used before', () => {
    const { unmount } = renderSafety('read');
    expect(screen.getByTestId('review-address-history')).toContainElement(screen.getByTestId('review-first-time'));
    expect(screen.queryByTestId('review-known-address')).not.toBeInTheDocument();
    unmount();
    renderSafety('read', { ...NOTHING_FOUND, firstTime: false });
    expect(screen.getByTestId('review-known-address')).toHaveTextContent('You have withdrawn ETH to this exact address before');
    expect(screen.queryByTestId('review-first-time')).not.toBeInTheDocument();
  });

  it('says it is unknown when the list could not be read, and has no line without keys', () => {
    const { unmount } = renderSafety('unread', { ...NOTHING_FOUND, firstTime: null, required: ['list-unread'] });
    expect(screen.getByTestId('review-address-history')).toHaveTextContent('unknown: your withdrawal list could not be read');
    expect(screen.getByTestId('review-list-unread')).toBeInTheDocument();
    unmount();
    renderSafety('none', { ...NOTHING_FOUND, firstTime: null });
    expect(screen.queryByTestId('review-address-history')).not.toBeInTheDocument();
  });
});
