/**
 * The withdraw flow as one explicit state machine: the stage the person is in (editing, reviewing, sending,
 * sent, failed, unknown) plus what outlives a stage: an attempt whose outcome is unknown (from this tab, or
 * restored after a reload) and whether the person said they checked their withdrawal list since. Each
 * transition also says where the focus goes and what the live region says (the cue); use-flow-cue.ts applies
 * it. Pure: the hook in use-withdraw-flow.ts does the sending, storage and reading.
 */
import type { ApiEnvelope } from '../../lib/api-client';
import type { PendingAttempt } from './pending-attempt';
import type { Acknowledgement } from './review-checks';
import type { WithdrawalDraft } from './withdraw-schema';

export type Stage =
  | { name: 'editing' }
  | { name: 'reviewing'; draft: WithdrawalDraft }
  | { name: 'sending'; draft: WithdrawalDraft; attempt: PendingAttempt }
  | { name: 'sent'; draft: WithdrawalDraft; body: string; response: ApiEnvelope; withdrawalId: string | null }
  /** Refused or never delivered (`at: 'sending'`), or the page could not sign it (`at: 'signing'`): nothing was done. */
  | { name: 'failed'; draft: WithdrawalDraft; error: unknown; at: 'signing' | 'sending' }
  | { name: 'unknown'; draft: WithdrawalDraft; error: unknown; attempt: PendingAttempt };

export type StageName = Stage['name'];

export interface UnresolvedAttempt {
  attempt: PendingAttempt;
  /** Local ms after which a read of the withdrawal list can tell whether the exchange has it. */
  readAfter: number;
  /** Found in localStorage when the page loaded, or heard of from another tab, rather than sent from this page. */
  restored: boolean;
  /** Heard of from another tab of this page while it was open (in flight there, or unresolved). */
  otherTab?: boolean;
}

/** What takes the focus after a transition: the form's first field, the review's heading, the result's heading. */
export type FocusTarget = 'first-field' | 'review' | 'result';

/**
 * What the page does for the person after a transition: where the focus goes (null: it stays where it is, as
 * on Confirm while sending) and what the live region says ('' while there is no news, so the same result is
 * said again after the next attempt). `seq` counts transitions, so the same cue can be asked for twice.
 */
export interface Cue {
  focus: FocusTarget | null;
  announcement: string;
  seq: number;
}

export interface FlowState {
  stage: Stage;
  cue: Cue;
  unresolved: UnresolvedAttempt | null;
  /** The person said they checked their withdrawal list since the last unknown outcome (or review). */
  checked: boolean;
  /** The ticks given in this review (no memo needed, address checked myself, a second one meant, …). */
  acknowledged: Acknowledgement[];
}

export type FlowAction =
  | { type: 'review'; draft: WithdrawalDraft }
  | { type: 'edit' }
  | { type: 'start-over' }
  | { type: 'send-started'; attempt: PendingAttempt }
  /** An outcome comes with its announcement, in the words of outcome-words.ts (loaded with the review's code). */
  | { type: 'sent'; body: string; response: ApiEnvelope; withdrawalId: string | null; announcement: string }
  | { type: 'failed'; error: unknown; announcement: string }
  /** The page could not sign the confirmed withdrawal: nothing left the page. */
  | { type: 'sign-failed'; error: unknown; announcement: string }
  | { type: 'outcome-unknown'; error: unknown; readAfter: number; announcement: string }
  | { type: 'set-checked'; checked: boolean }
  /** An attempt found in this origin's storage after a load: its outcome is unknown. */
  | { type: 'restored'; attempt: PendingAttempt; readAfter: number }
  /** Another tab started an attempt (or learnt its outcome: null). */
  | { type: 'other-tab-attempt'; attempt: PendingAttempt | null; readAfter: number }
  | { type: 'acknowledge'; what: Acknowledgement; given: boolean };

export function initialFlowState(): FlowState {
  return { stage: { name: 'editing' }, cue: { focus: null, announcement: '', seq: 0 }, unresolved: null, checked: false, acknowledged: [] };
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

/** The state after a transition into `stage`, with the focus on `focus` and `announcement` said. */
function enter(state: FlowState, stage: Stage, focus: FocusTarget | null, announcement = '', rest: Partial<FlowState> = {}): FlowState {
  return { ...state, ...rest, stage, cue: { focus, announcement, seq: state.cue.seq + 1 } };
}

export function withdrawFlowReducer(state: FlowState, action: FlowAction): FlowState {
  const { stage } = state;
  switch (action.type) {
    case 'review':
      // A new review asks for a fresh check: what was checked was another review.
      return stage.name === 'editing' ? enter(state, { name: 'reviewing', draft: action.draft }, 'review', '', { checked: false, acknowledged: [] }) : state;
    case 'edit':
      return stage.name === 'reviewing' || stage.name === 'failed' || stage.name === 'unknown' ? enter(state, { name: 'editing' }, 'first-field') : state;
    case 'start-over':
      return stage.name === 'sent' ? enter(state, { name: 'editing' }, 'first-field') : state;
    case 'send-started':
      // The focus stays on Confirm, now an inert "Sending…", until the answer takes it.
      return canConfirm(state) && stage.name !== 'editing' ? enter(state, { name: 'sending', draft: stage.draft, attempt: action.attempt }, null) : state;
    case 'sign-failed':
      return canConfirm(state) && stage.name !== 'editing' ? enter(state, { name: 'failed', draft: stage.draft, error: action.error, at: 'signing' }, 'result', action.announcement) : state;
    case 'sent':
      // The exchange accepted a withdrawal the person chose to send: whatever was unresolved before was checked.
      return stage.name === 'sending'
        ? enter(
            state,
            { name: 'sent', draft: stage.draft, body: action.body, response: action.response, withdrawalId: action.withdrawalId },
            'result',
            action.announcement,
            { unresolved: null, checked: false },
          )
        : state;
    case 'failed':
      return stage.name === 'sending' ? enter(state, { name: 'failed', draft: stage.draft, error: action.error, at: 'sending' }, 'result', action.announcement) : state;
    case 'outcome-unknown':
      // Every new unknown outcome needs its own check.
      return stage.name === 'sending'
        ? enter(state, { name: 'unknown', draft: stage.draft, error: action.error, attempt: stage.attempt }, 'result', action.announcement, {
            unresolved: { attempt: stage.attempt, readAfter: action.readAfter, restored: false },
            checked: false,
          })
        : state;
    case 'set-checked':
      return state.unresolved ? { ...state, checked: action.checked } : state;
    case 'restored':
      // Only into a tab that has not sent anything itself yet: this tab's own attempts are newer.
      return state.unresolved === null && stage.name !== 'sending'
        ? { ...state, unresolved: { attempt: action.attempt, readAfter: action.readAfter, restored: true }, checked: false }
        : state;
    case 'other-tab-attempt':
      // Another tab's attempt gates this one's Confirm at once, before the list shows anything; when that tab
      // learns its outcome it is no longer unknown here either (an accepted one is then in the list, which the
      // duplicate check reads). This tab's own unresolved attempt is never replaced.
      if (action.attempt === null) return state.unresolved?.otherTab ? { ...state, unresolved: null, checked: false } : state;
      return (state.unresolved === null || state.unresolved.otherTab) && stage.name !== 'sending'
        ? { ...state, unresolved: { attempt: action.attempt, readAfter: action.readAfter, restored: true, otherTab: true }, checked: false }
        : state;
    case 'acknowledge': {
      const others = state.acknowledged.filter((what) => what !== action.what);
      return { ...state, acknowledged: action.given ? [...others, action.what] : others };
    }
  }
}
