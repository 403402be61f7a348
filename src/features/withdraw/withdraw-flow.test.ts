import { describe, expect, it } from 'vitest';
import type { PendingAttempt } from './pending-attempt';
import { canConfirm, initialFlowState, withdrawFlowReducer, type FlowAction, type FlowState } from './withdraw-flow';
import type { WithdrawalDraft } from './withdraw-schema';

const DRAFT: WithdrawalDraft = { asset: 'ETH', qty: '0.25', address: '0x829bd824b016326a401d083b33d092293333a830', addressKind: 'Ethereum address', chain: 'ethereum', addressChecked: true, memo: false };
const ATTEMPT: PendingAttempt = { asset: 'ETH', qty: '0.25', address: DRAFT.address, startedAt: 1_764_000_000_000 };
const RESPONSE = { code: 200, msg: 'OK', result: { id: 'wd_1' } };
const LOST = new Error('connection lost');

function run(state: FlowState, ...actions: FlowAction[]): FlowState {
  return actions.reduce(withdrawFlowReducer, state);
}

const fresh = () => initialFlowState();
const review: FlowAction = { type: 'review', draft: DRAFT };
const send: FlowAction = { type: 'send-started', attempt: ATTEMPT };
const unknown = (readAfter = 10): FlowAction => ({ type: 'outcome-unknown', error: LOST, readAfter, announcement: 'Unknown.' });
const check: FlowAction = { type: 'set-checked', checked: true };

describe('withdrawFlowReducer: the stages', () => {
  it('editing → reviewing → sending → sent, and start over', () => {
    const reviewing = run(fresh(), review);
    expect(reviewing.stage).toEqual({ name: 'reviewing', draft: DRAFT });
    const sending = run(reviewing, send);
    expect(sending.stage).toEqual({ name: 'sending', draft: DRAFT, attempt: ATTEMPT });
    const sent = run(sending, { type: 'sent', body: 'asset=ETH', response: RESPONSE, withdrawalId: 'wd_1', announcement: 'Accepted.' });
    expect(sent.stage).toEqual({ name: 'sent', draft: DRAFT, body: 'asset=ETH', response: RESPONSE, withdrawalId: 'wd_1' });
    expect(run(sent, { type: 'start-over' }).stage).toEqual({ name: 'editing' });
  });

  it('a known refusal is "failed": Confirm may send again, or Edit goes back to the form', () => {
    const failed = run(fresh(), review, send, { type: 'failed', error: LOST, announcement: 'Refused.' });
    expect(failed.stage).toMatchObject({ name: 'failed', draft: DRAFT, error: LOST });
    expect(failed.unresolved).toBeNull();
    expect(canConfirm(failed)).toBe(true);
    expect(run(failed, { type: 'edit' }).stage).toEqual({ name: 'editing' });
  });

  it('an unknown outcome keeps the attempt as unresolved, to be checked against the list read after readAfter', () => {
    const state = run(fresh(), review, send, unknown(1234));
    expect(state.stage).toEqual({ name: 'unknown', draft: DRAFT, error: LOST, attempt: ATTEMPT });
    expect(state.unresolved).toEqual({ attempt: ATTEMPT, readAfter: 1234, restored: false });
    expect(state.checked).toBe(false);
  });

  it('ignores what cannot happen in a stage', () => {
    const editing = fresh();
    expect(run(editing, send)).toBe(editing);
    expect(run(editing, { type: 'edit' })).toBe(editing);
    expect(run(editing, { type: 'sent', body: '', response: RESPONSE, withdrawalId: null, announcement: 'Accepted.' })).toBe(editing);
    const sending = run(editing, review, send);
    // No editing, reviewing again or second send while a request is in flight.
    expect(run(sending, { type: 'edit' })).toBe(sending);
    expect(run(sending, review)).toBe(sending);
    expect(run(sending, send)).toBe(sending);
    const sent = run(sending, { type: 'sent', body: '', response: RESPONSE, withdrawalId: null, announcement: 'Accepted.' });
    expect(run(sent, send)).toBe(sent);
    expect(run(sent, { type: 'edit' })).toBe(sent);
    expect(run(editing, check)).toBe(editing);
  });
});

describe('withdrawFlowReducer: the resend gate', () => {
  it('after an unknown outcome Confirm waits for the check; once checked it is allowed', () => {
    const state = run(fresh(), review, send, unknown());
    expect(canConfirm(state)).toBe(false);
    expect(run(state, send)).toBe(state);
    const checked = run(state, check);
    expect(canConfirm(checked)).toBe(true);
    expect(run(checked, send).stage.name).toBe('sending');
    expect(canConfirm(run(checked, { type: 'set-checked', checked: false }))).toBe(false);
  });

  it('every new unknown outcome resets the check', () => {
    const second = run(fresh(), review, send, unknown(1), check, send, unknown(2));
    expect(second.checked).toBe(false);
    expect(second.unresolved?.readAfter).toBe(2);
    expect(canConfirm(second)).toBe(false);
  });

  it('a new review after editing asks for the check again', () => {
    const state = run(fresh(), review, send, unknown(), check, { type: 'edit' }, review);
    expect(state.stage.name).toBe('reviewing');
    expect(state.unresolved).not.toBeNull();
    expect(canConfirm(state)).toBe(false);
  });

  it('a known refusal after a checked resend keeps the earlier attempt unresolved and the check given', () => {
    const state = run(fresh(), review, send, unknown(), check, send, { type: 'failed', error: LOST, announcement: 'Refused.' });
    expect(state.unresolved?.attempt).toEqual(ATTEMPT);
    expect(canConfirm(state)).toBe(true);
  });

  it('an accepted withdrawal clears what was unresolved', () => {
    const state = run(fresh(), review, send, unknown(), check, send, { type: 'sent', body: '', response: RESPONSE, withdrawalId: null, announcement: 'Accepted.' });
    expect(state.unresolved).toBeNull();
    expect(state.checked).toBe(false);
  });

  it('an attempt restored after a reload gates Confirm exactly like an unknown outcome', () => {
    const restored = run(fresh(), { type: 'restored', attempt: ATTEMPT, readAfter: 5000 });
    expect({ stage: restored.stage, unresolved: restored.unresolved, checked: restored.checked }).toEqual({ stage: { name: 'editing' }, unresolved: { attempt: ATTEMPT, readAfter: 5000, restored: true }, checked: false });
    const reviewing = run(restored, review);
    expect(canConfirm(reviewing)).toBe(false);
    expect(run(reviewing, send)).toBe(reviewing);
    expect(canConfirm(run(reviewing, check))).toBe(true);
  });

  it('a restored attempt never replaces one from this tab, nor lands mid-send', () => {
    const restore: FlowAction = { type: 'restored', attempt: { ...ATTEMPT, qty: '9' }, readAfter: 1 };
    const ownUnknown = run(fresh(), review, send, unknown());
    expect(run(ownUnknown, restore)).toBe(ownUnknown);
    const sending = run(fresh(), review, send);
    expect(run(sending, restore)).toBe(sending);
  });

  it('Confirm is allowed only in reviewing, failed and unknown', () => {
    expect(canConfirm(fresh())).toBe(false);
    expect(canConfirm(run(fresh(), review))).toBe(true);
    expect(canConfirm(run(fresh(), review, send))).toBe(false);
    expect(canConfirm(run(fresh(), review, send, { type: 'sent', body: '', response: RESPONSE, withdrawalId: null, announcement: 'Accepted.' }))).toBe(false);
  });
});

describe('withdrawFlowReducer: where the focus goes and what is announced', () => {
  const accepted: FlowAction = { type: 'sent', body: 'asset=ETH', response: RESPONSE, withdrawalId: 'wd_1', announcement: 'Not processed yet: confirm it from the email.' };
  const refused: FlowAction = { type: 'failed', error: LOST, announcement: 'The exchange refused the request: Insufficient balance.' };

  it('the review takes the focus and says nothing; Edit gives the focus to the first field', () => {
    const reviewing = run(fresh(), review);
    expect(reviewing.cue).toEqual({ focus: 'review', announcement: '', seq: 1 });
    expect(run(reviewing, { type: 'edit' }).cue).toEqual({ focus: 'first-field', announcement: '', seq: 2 });
  });

  it('while sending the focus stays where it is (on Confirm) and the live region is cleared', () => {
    const failedOnce = run(fresh(), review, send, refused);
    expect(failedOnce.cue.announcement).toBe('The exchange refused the request: Insufficient balance.');
    expect(run(failedOnce, send).cue).toMatchObject({ focus: null, announcement: '' });
  });

  it('an accepted withdrawal: the result takes the focus and its sentence is said; New withdrawal goes to the first field', () => {
    const sent = run(fresh(), review, send, accepted);
    expect(sent.cue).toEqual({ focus: 'result', announcement: 'Not processed yet: confirm it from the email.', seq: 3 });
    expect(run(sent, { type: 'start-over' }).cue).toMatchObject({ focus: 'first-field', announcement: '' });
  });

  it('a refusal and an unknown outcome take the focus with their result and say it', () => {
    expect(run(fresh(), review, send, refused).cue).toMatchObject({ focus: 'result', announcement: 'The exchange refused the request: Insufficient balance.' });
    expect(run(fresh(), review, send, unknown()).cue).toMatchObject({ focus: 'result', announcement: 'Unknown.' });
  });

  it('the same result twice is a new cue (a new seq), so it is applied again', () => {
    const first = run(fresh(), review, send, refused);
    const second = run(first, send, refused);
    expect(second.cue.announcement).toBe(first.cue.announcement);
    expect(second.cue.seq).toBeGreaterThan(first.cue.seq);
    expect(second.cue).not.toBe(first.cue);
  });

  it('signing that fails is its own transition: failed at signing, never "sending", with the focus on the result', () => {
    const failed = run(fresh(), review, { type: 'sign-failed', error: LOST, announcement: 'The page could not sign the withdrawal: nothing was sent.' });
    expect(failed.stage).toEqual({ name: 'failed', draft: DRAFT, error: LOST, at: 'signing' });
    expect(failed.cue).toMatchObject({ focus: 'result', announcement: 'The page could not sign the withdrawal: nothing was sent.' });
    expect(canConfirm(failed)).toBe(true);
    // Not from a stage where Confirm is not allowed.
    const editing = fresh();
    expect(run(editing, { type: 'sign-failed', error: LOST, announcement: '' })).toBe(editing);
  });

  it('ticking the check and a restored attempt move no focus and say nothing new', () => {
    const state = run(fresh(), review, send, unknown());
    expect(run(state, check).cue).toBe(state.cue);
    const editing = fresh();
    expect(run(editing, { type: 'restored', attempt: ATTEMPT, readAfter: 1 }).cue).toBe(editing.cue);
  });
});
