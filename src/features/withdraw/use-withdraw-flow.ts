/**
 * The withdraw flow hook: the state machine of withdraw-flow.ts plus what it cannot do purely: stamping
 * with the exchange's clock, signing and sending once (a ref guards against a second send before React
 * re-renders), keeping the attempt in localStorage until its outcome is known (components/unresolved-attempt.tsx
 * looks for it in the withdrawal list; every other tab hears of it at once), waiting for what the review reports
 * it must have ticked (the review reads the withdrawal list for the same withdrawal or a look-alike address:
 * review-checks.ts), holding the keys while a send is in flight, and asking before the tab is left mid-send.
 * No retries, ever.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { ExchangeTarget } from '../../config/proxy-contract';
import { useWithdrawalClock } from '../../exchange/server-clock';
import { useKeepKeysWhile, type SessionKeys } from '../../exchange/session-keys';
import { exchangeKeys, readAgainAfterSend } from '../../exchange/query-keys';
import { ApiError } from '../../lib/api-client';
import { loadOnce } from '../../lib/load-once';
import type { Outcome } from './outcome-words';
import type { PendingAttempt } from './pending-attempt';
// Types only: the checks themselves (and the list they read) load with the review, never with the first screen.
import type { Acknowledgement } from './review-checks';

/** What the open review says Confirm waits for: its list read, and the ticks its checks ask for. */
export interface ReviewGate {
  /** The withdrawal list read since the review opened is still on its way. */
  pending: boolean;
  required: readonly Acknowledgement[];
}

/** Until the review has looked, Confirm waits. */
const GATE_UNREAD: ReviewGate = { pending: true, required: [] };
import { canConfirm, initialFlowState, stageDraft, withdrawFlowReducer } from './withdraw-flow';
import { quantityRefusal, type LimitsFor } from './account-limits';
import type { WithdrawalDraft } from './withdraw-schema';

// The words for outcomes load with the review's code (the result view words them from the same module), never
// with the first screen; a send has them before its request leaves, so the answer is worded at once.
const loadWords = loadOnce(() => import('./outcome-words'));
// The same for signing and sending, and for the attempt kept in storage: read once the page has loaded, and
// here long before a Confirm (a review preloads them), so a send waits a microtask for them, not a request.
const loadSending = loadOnce(() => import('./api/submit-withdrawal'));
const loadAttempts = loadOnce(() => import('./pending-attempt'));

type OutcomeWordsModule = Awaited<ReturnType<typeof loadWords>>;

/** The one sentence the live region says for `outcome` (nothing if the words could not be loaded). */
function announcementFor(words: OutcomeWordsModule | null, outcome: Outcome): string {
  return words?.outcomeWords(outcome).announcement ?? '';
}

function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof ApiError && error.outcomeUnknown;
}

/** Runs `task` once the browser has drawn the next frame. */
function afterNextPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}

/** Asks before the tab is closed or reloaded while `active`. */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = 'A withdrawal is being sent.';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

export interface WithdrawFlowOptions {
  keys: SessionKeys | null;
  /** The account limits, checked again at the moment of confirming (they can arrive after the review opened). */
  limitsFor: LimitsFor;
  /** The account figures are still being read for the first time: Confirm waits for them, as for the clock. */
  limitsPending: boolean;
  target: ExchangeTarget | undefined;
  /** Where the confirmation email goes (masked), when the account read says: the success announcement names it. */
  maskedEmail: string | null;
}

export function useWithdrawFlow({ keys, limitsFor, limitsPending, target, maskedEmail }: WithdrawFlowOptions) {
  const [state, dispatch] = useReducer(withdrawFlowReducer, undefined, initialFlowState);
  const { stage, unresolved } = state;
  const draft = stageDraft(stage);
  // The exchange's clock (GET /time, no keys) is read only once there is something to review.
  const clock = useWithdrawalClock(draft !== null);
  const queryClient = useQueryClient();
  const inFlight = useRef(false);

  // An attempt kept before a reload (or by a closed tab) is read after the first render: the prerendered page
  // cannot know this origin's storage, and the first render in the browser must match it. Another tab's
  // attempts are heard of as they are saved and cleared.
  useEffect(() => {
    let stopped = false;
    let unsubscribe: () => void = () => undefined;
    void loadAttempts().then(({ loadAttempt, subscribeToAttempts, tabStorage }) => {
      if (stopped) return;
      const restored = loadAttempt(tabStorage());
      if (restored) dispatch({ type: 'restored', attempt: restored, readAfter: Date.now() });
      unsubscribe = subscribeToAttempts((attempt) => {
        dispatch({ type: 'other-tab-attempt', attempt, readAfter: Date.now() });
        // The other tab learnt its outcome: the list (and the balance) may hold it now, so read them again.
        if (attempt === null) void queryClient.invalidateQueries({ queryKey: exchangeKeys.withKey() });
      });
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [queryClient]);
  // A review is the moment to have the sending code at hand.
  useEffect(() => {
    if (draft !== null) void loadSending();
  }, [draft]);

  useLeaveWarning(stage.name === 'sending');
  // Keys are never forgotten for inactivity while a withdrawal is on its way.
  useKeepKeysWhile(stage.name === 'sending', 'a withdrawal is being sent');

  // What the review (components/review-panel.tsx, which reads the list) reports; reset whenever a review opens.
  const [gate, setGate] = useState<ReviewGate>(GATE_UNREAD);
  const acknowledged = gate.required.every((needed) => state.acknowledged.includes(needed));

  const refusal = draft && stage.name !== 'sent' ? quantityRefusal(draft.asset, draft.qty, limitsFor(draft.asset)) : null;
  const clockPending = clock.query.isFetching;
  const confirmAllowed = canConfirm(state) && keys !== null && !clockPending && !limitsPending && !gate.pending && acknowledged && refusal === null;

  // The state as last rendered, for the moment the signature is ready (a task after the click), and the email
  // as last read, for the moment the answer arrives.
  const latest = useRef({ state, maskedEmail });
  useLayoutEffect(() => {
    latest.current = { state, maskedEmail };
  });

  /** Signs and sends one withdrawal, and shows its outcome: the one place a withdrawal leaves the page. */
  const sendOnce = async (draftToSend: WithdrawalDraft, sessionKeys: SessionKeys, timestamp: number) => {
    const attempt: PendingAttempt = { asset: draftToSend.asset, qty: draftToSend.qty, address: draftToSend.address, startedAt: timestamp };
    const [{ sendSignedWithdrawal, signWithdrawal }, { clearAttempt, saveAttempt, tabStorage }, words] = await Promise.all([
      loadSending(),
      loadAttempts(),
      loadWords().catch(() => null),
    ]);
    const storage = tabStorage();
    // Written before the request leaves, so a reload mid-send still knows about it.
    saveAttempt(storage, attempt);
    let signed;
    try {
      signed = await signWithdrawal({ draft: draftToSend, keys: sessionKeys, timestamp });
    } catch (error) {
      // The page could not sign (not the exchange's answer): nothing left the page.
      clearAttempt(storage);
      dispatch({ type: 'sign-failed', error, announcement: announcementFor(words, { kind: 'sign-failed', error }) });
      return;
    }
    // Left the review in the instant the signature took (a task after the click): nothing is sent.
    if (!canConfirm(latest.current.state)) {
      clearAttempt(storage);
      return;
    }
    // The request leaves first, then the page shows that it is sending: rendering is done while the request
    // is on its way rather than when its answer arrives.
    const answer = sendSignedWithdrawal(signed, sessionKeys.apiKey);
    dispatch({ type: 'send-started', attempt });
    try {
      const submitted = await answer;
      clearAttempt(storage);
      const announcement = announcementFor(words, { kind: 'accepted', maskedEmail: latest.current.maskedEmail });
      dispatch({ type: 'sent', body: submitted.body, response: submitted.response, withdrawalId: submitted.withdrawalId, announcement });
    } catch (error) {
      const readAfter = Date.now();
      const announcement = announcementFor(words, { kind: 'answer', error });
      if (isOutcomeUnknown(error)) {
        dispatch({ type: 'outcome-unknown', error, readAfter, announcement });
      } else {
        // Refused, or never delivered: the exchange did not act on it.
        clearAttempt(storage);
        dispatch({ type: 'failed', error, announcement });
      }
    } finally {
      // Whatever happened, read the list and the balance again, once the answer is on screen: starting those
      // requests (and their re-renders) must not hold up the frame that shows it.
      afterNextPaint(() => void readAgainAfterSend(queryClient, sessionKeys.apiKey));
    }
  };

  const confirm = () => {
    if (inFlight.current || !confirmAllowed || !draft || !keys) return;
    inFlight.current = true;
    void sendOnce(draft, keys, clock.now()).finally(() => {
      inFlight.current = false;
    });
  };

  /** Signs the draft now, with the same encoder, signer and clock as a real send, as a curl command. */
  const curl = async (): Promise<string> => {
    if (!draft || !keys) throw new Error('Add your API key and secret above first.');
    // The command sends a withdrawal as surely as Confirm does: the same gate applies.
    if (!confirmAllowed) throw new Error('This withdrawal cannot be sent right now, so it is not signed either.');
    if (!target) throw new Error('The app server did not say which exchange it targets.');
    const { signWithdrawal, WITHDRAW_PATH } = await loadSending();
    const { body, signature } = await signWithdrawal({ draft, keys, timestamp: clock.now() });
    const { curlCommand } = await import('./curl-command');
    return curlCommand({ url: `${target.url}${WITHDRAW_PATH}`, apiKey: keys.apiKey, signature, body });
  };

  // Found in the withdrawal list (components/unresolved-attempt.tsx): its outcome is known, so a reload need
  // not warn about it any more.
  const attemptFound = useCallback((startedAt: number) => {
    void loadAttempts().then(({ clearAttempt, loadAttempt, tabStorage }) => {
      const storage = tabStorage();
      if (loadAttempt(storage)?.startedAt === startedAt) clearAttempt(storage);
    });
  }, []);
  const review = useCallback(
    (reviewed: WithdrawalDraft) => {
      setGate(GATE_UNREAD);
      dispatch({ type: 'review', draft: reviewed });
    },
    [setGate],
  );
  const acknowledge = useCallback((what: Acknowledgement, given: boolean) => dispatch({ type: 'acknowledge', what, given }), []);
  const edit = useCallback(() => dispatch({ type: 'edit' }), []);
  const startOver = useCallback(() => dispatch({ type: 'start-over' }), []);
  const setChecked = useCallback((checked: boolean) => dispatch({ type: 'set-checked', checked }), []);

  return {
    stage,
    /** Where the focus goes and what is announced after the last transition (applied by use-flow-cue.ts). */
    cue: state.cue,
    draft,
    unresolved,
    checked: state.checked,
    /** The ticks given in this review. */
    acknowledged: state.acknowledged,
    /** Why this draft cannot be sent with the account's limits (they can arrive after the review opened). */
    refusal,
    canSign: keys !== null,
    clock: { offsetMs: clock.offsetMs, pending: clockPending, unavailable: clock.query.isError },
    limitsPending,
    confirmAllowed,
    actions: { review, edit, startOver, confirm, setChecked, acknowledge, reportGate: setGate, curl, attemptFound },
  };
}

export type WithdrawFlow = ReturnType<typeof useWithdrawFlow>;
