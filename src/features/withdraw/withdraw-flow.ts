/**
 * The withdraw flow as one explicit state machine: the stage the person is in (editing, reviewing, sending,
 * sent, failed, unknown) plus what outlives a stage: an attempt whose outcome is unknown (from this tab, or
 * restored after a reload) and whether the person said they checked their withdrawal list since.
 * Pure: the hook in use-withdraw-flow.ts does the sending, storage and reading.
 */
import type { ApiEnvelope } from '../../lib/api-client';
import type { PendingAttempt } from './pending-attempt';
import type { WithdrawalDraft } from './withdraw-schema';

export type Stage =
  | { name: 'editing' }
  | { name: 'reviewing'; draft: WithdrawalDraft }
  | { name: 'sending'; draft: WithdrawalDraft; attempt: PendingAttempt }
  | { name: 'sent'; draft: WithdrawalDraft; body: string; response: ApiEnvelope; withdrawalId: string | null }
  | { name: 'failed'; draft: WithdrawalDraft; error: unknown }
  | { name: 'unknown'; draft: WithdrawalDraft; error: unknown; attempt: PendingAttempt };

export type StageName = Stage['name'];

export interface UnresolvedAttempt {
  attempt: PendingAttempt;
  /** Local ms after which a read of the withdrawal list can tell whether the exchange has it. */
  readAfter: number;
  /** Found in localStorage when the page loaded, rather than sent from this page. */
  restored: boolean;
}

export interface FlowState {
  stage: Stage;
  unresolved: UnresolvedAttempt | null;
  /** The person said they checked their withdrawal list since the last unknown outcome (or review). */
  checked: boolean;
}

export type FlowAction =
  | { type: 'review'; draft: WithdrawalDraft }
  | { type: 'edit' }
  | { type: 'start-over' }
  | { type: 'send-started'; attempt: PendingAttempt }
  | { type: 'sent'; body: string; response: ApiEnvelope; withdrawalId: string | null }
  | { type: 'failed'; error: unknown }
  | { type: 'outcome-unknown'; error: unknown; readAfter: number }
  | { type: 'set-checked'; checked: boolean }
  /** An attempt found in this tab's storage after a reload: its outcome is unknown. */
  | { type: 'restored'; attempt: PendingAttempt; readAfter: number };

export function initialFlowState(): FlowState {
  return { stage: { name: 'editing' }, unresolved: null, checked: false };
}

/** The draft under review or sent, if the stage has one. */
export function stageDraft(stage: Stage): WithdrawalDraft | null {
  return stage.name === 'editing' ? null : stage.draft;
}

/** Confirm sends from a review, or again after a failure, and never past an unresolved attempt unchecked. */
export function canConfirm(state: FlowState): boolean {
  const { name } = state.stage;
  const confirmable = name === 'reviewing' || name === 'failed' || name === 'unknown';
  return confirmable && (state.unresolved === null || state.checked);
}

export function withdrawFlowReducer(state: FlowState, action: FlowAction): FlowState {
  const { stage } = state;
  switch (action.type) {
    case 'review':
      // A new review asks for a fresh check: what was checked was another review.
      return stage.name === 'editing' ? { ...state, stage: { name: 'reviewing', draft: action.draft }, checked: false } : state;
    case 'edit':
      return stage.name === 'reviewing' || stage.name === 'failed' || stage.name === 'unknown' ? { ...state, stage: { name: 'editing' } } : state;
    case 'start-over':
      return stage.name === 'sent' ? { ...state, stage: { name: 'editing' } } : state;
    case 'send-started':
      return canConfirm(state) && stage.name !== 'editing' ? { ...state, stage: { name: 'sending', draft: stage.draft, attempt: action.attempt } } : state;
    case 'sent':
      // The exchange accepted a withdrawal the person chose to send: whatever was unresolved before was checked.
      return stage.name === 'sending'
        ? {
            stage: { name: 'sent', draft: stage.draft, body: action.body, response: action.response, withdrawalId: action.withdrawalId },
            unresolved: null,
            checked: false,
          }
        : state;
    case 'failed':
      return stage.name === 'sending' ? { ...state, stage: { name: 'failed', draft: stage.draft, error: action.error } } : state;
    case 'outcome-unknown':
      // Every new unknown outcome needs its own check.
      return stage.name === 'sending'
        ? {
            stage: { name: 'unknown', draft: stage.draft, error: action.error, attempt: stage.attempt },
            unresolved: { attempt: stage.attempt, readAfter: action.readAfter, restored: false },
            checked: false,
          }
        : state;
    case 'set-checked':
      return state.unresolved ? { ...state, checked: action.checked } : state;
    case 'restored':
      // Only into a tab that has not sent anything itself yet: this tab's own attempts are newer.
      return state.unresolved === null && stage.name !== 'sending'
        ? { ...state, unresolved: { attempt: action.attempt, readAfter: action.readAfter, restored: true }, checked: false }
        : state;
  }
}
