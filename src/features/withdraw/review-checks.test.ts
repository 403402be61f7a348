import { describe, expect, it } from 'vitest';
import type { WithdrawalRow } from '../../exchange/withdrawals';
import { allAcknowledged, reviewChecks } from './review-checks';
import { initialFlowState, withdrawFlowReducer } from './withdraw-flow';
import type { WithdrawalDraft } from './withdraw-schema';

const NOW = 1_764_600_000_000;
const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const POISONED = '0x829b0000000000000000000000000000000da830';
const DRAFT: WithdrawalDraft = { asset: 'ETH', qty: '0.25', address: ADDRESS, addressKind: 'Ethereum address', chain: 'ethereum', addressChecked: true, memo: false };

function row(overrides: Partial<WithdrawalRow>): WithdrawalRow {
  const base: WithdrawalRow = {
    id: 'wd_1',
    asset: 'ETH',
    qty: '0.25',
    qtyAsGiven: '0.25',
    fee: '0.005',
    net: '0.245',
    address: ADDRESS,
    status: 'COMPLETED',
    statusWords: 'Completed',
    open: false,
    time: NOW - 60_000,
    transactionHash: null,
  };
  return { ...base, ...overrides };
}

describe('reviewChecks', () => {
  it('asks for nothing for a checked address used before, with no duplicate', () => {
    const checks = reviewChecks(DRAFT, [row({ qty: '1' })], false, NOW);
    expect(checks).toEqual({ duplicates: [], lookAlikes: [], firstTime: false, required: [] });
  });

  it('names the same withdrawal within 24 h and asks for the second-withdrawal tick', () => {
    const checks = reviewChecks(DRAFT, [row({ id: 'wd_dup' }), row({ id: 'wd_old', time: NOW - 25 * 3600_000 })], false, NOW);
    expect(checks.duplicates.map((found) => found.id)).toEqual(['wd_dup']);
    expect(checks.required).toEqual(['second-withdrawal']);
  });

  it('stops a look-alike of an address used before, and says when an address is new', () => {
    const checks = reviewChecks({ ...DRAFT, address: POISONED }, [row({ qty: '1' })], false, NOW);
    expect(checks.lookAlikes).toEqual([ADDRESS]);
    expect(checks.firstTime).toBe(true);
    expect(checks.required).toEqual(['look-alike']);
  });

  it('asks for the memo and unchecked-address ticks from the draft, and for a list it could not read', () => {
    expect(reviewChecks({ ...DRAFT, memo: true, addressChecked: false }, [], false, NOW).required).toEqual(['no-memo', 'unchecked-address']);
    const unread = reviewChecks(DRAFT, null, true, NOW);
    expect(unread).toMatchObject({ firstTime: null, required: ['list-unread'] });
    // Still being read: nothing to tick yet (the flow waits for the read instead).
    expect(reviewChecks(DRAFT, null, false, NOW).required).toEqual([]);
  });

  it('is satisfied only by every tick it asks for', () => {
    const checks = reviewChecks({ ...DRAFT, memo: true }, [row({ id: 'wd_dup' })], false, NOW);
    expect(allAcknowledged(checks.required, ['no-memo'])).toBe(false);
    expect(allAcknowledged(checks.required, ['second-withdrawal', 'no-memo'])).toBe(true);
  });
});

describe('the flow keeps the ticks of one review', () => {
  it('gives and takes back a tick, and a new review starts with none', () => {
    let state = withdrawFlowReducer(initialFlowState(), { type: 'review', draft: DRAFT });
    state = withdrawFlowReducer(state, { type: 'acknowledge', what: 'no-memo', given: true });
    state = withdrawFlowReducer(state, { type: 'acknowledge', what: 'look-alike', given: true });
    state = withdrawFlowReducer(state, { type: 'acknowledge', what: 'no-memo', given: false });
    expect(state.acknowledged).toEqual(['look-alike']);
    state = withdrawFlowReducer(withdrawFlowReducer(state, { type: 'edit' }), { type: 'review', draft: DRAFT });
    expect(state.acknowledged).toEqual([]);
  });

  it("another tab's attempt gates this tab at once, and goes when that tab learns its outcome; this tab's own is kept", () => {
    const attempt = { asset: 'ETH', qty: '0.25', address: ADDRESS, startedAt: NOW };
    let state = withdrawFlowReducer(initialFlowState(), { type: 'other-tab-attempt', attempt, readAfter: NOW });
    expect(state.unresolved).toMatchObject({ attempt, restored: true, otherTab: true });
    state = withdrawFlowReducer(state, { type: 'other-tab-attempt', attempt: null, readAfter: NOW });
    expect(state.unresolved).toBeNull();
    const own = withdrawFlowReducer(initialFlowState(), { type: 'restored', attempt, readAfter: NOW });
    expect(withdrawFlowReducer(own, { type: 'other-tab-attempt', attempt: null, readAfter: NOW }).unresolved).toMatchObject({ attempt });
    expect(withdrawFlowReducer(own, { type: 'other-tab-attempt', attempt: { ...attempt, qty: '9' }, readAfter: NOW }).unresolved?.attempt.qty).toBe('0.25');
  });
});
