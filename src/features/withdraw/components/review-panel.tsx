import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { DefinitionRow } from '../../../components/ui/definition-row';
import { callout, errorText, mutedText, strongText, warningText } from '../../../components/ui/tones';
import { useShownAfter } from '../../../components/ui/use-shown-after';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { SHOW_PROGRESS_AFTER_MS } from '../../../config/timeouts';
import type { AccountFiguresState } from '../../../exchange/account';
import { amountReceived, receivedInWords } from '../../../exchange/account-figures';
import { useSessionKeys } from '../../../exchange/session-keys';
import { useWithdrawalList } from '../../../exchange/withdrawals';
import { formatSeconds, groupAddress } from '../../../lib/format';
import { previewWithdrawalBody } from '../../../signing/encode-withdrawal';
import { CHAIN_NAMES } from '../../../validation/chains';
import { allAcknowledged, reviewChecks, type Acknowledgement } from '../review-checks';
import type { WithdrawFlow } from '../use-withdraw-flow';
import type { WithdrawalDraft } from '../withdraw-schema';
import { ReviewSafety } from './review-safety';
import { SendingProgress } from './sending-progress';

/**
 * The review: exactly what will be signed, against which exchange, with the account figures, and the one
 * button that signs and sends it. A plain view of the flow's state and allowed actions, inside the frame the
 * panel draws (its heading, which takes the focus, is the panel's). (Escape, which leaves it as Edit does, is the
 * panel's, so it works before this view's code has arrived.) What Confirm waits for is a list (`waitNotes`): a new gate (a tick the person must give, a warning
 * to acknowledge) adds its line there and its condition to the flow's `confirmAllowed`. The review reads the
 * exchange's withdrawal list again when it opens, checks the draft against it (review-checks.ts: the same
 * withdrawal, a look-alike address) and reports to the flow what Confirm must wait for; that code loads with
 * this view, never with the first screen.
 */
interface ReviewPanelProps {
  draft: WithdrawalDraft;
  flow: Pick<
    WithdrawFlow,
    'stage' | 'refusal' | 'canSign' | 'clock' | 'limitsPending' | 'confirmAllowed' | 'unresolved' | 'checked' | 'acknowledged' | 'actions'
  >;
  target: ExchangeTarget | undefined;
  /** Null without keys. */
  figures: AccountFiguresState | null;
  warnings: string[];
}

const CURL_NOTE =
  'Valid for about 5 seconds: the exchange refuses a timestamp more than about 5 s old. Running it sends a real withdrawal.';

function Figure({ label, testId, children }: { label: string; testId: string; children: string }) {
  return (
    <DefinitionRow label={label} labelWidth="narrow">
      <span data-testid={testId} className={`font-mono ${strongText}`}>
        {children}
      </span>
    </DefinitionRow>
  );
}

/**
 * The list as read since this review opened (only a read that finished after that may say the same withdrawal is
 * not there), the checks of the draft against it, and what they ask of Confirm, reported to the flow.
 */
function useReviewChecks(draft: WithdrawalDraft, reportGate: WithdrawFlow['actions']['reportGate']) {
  const { keys } = useSessionKeys();
  const list = useWithdrawalList(keys?.apiKey ?? null);
  const [openedAt] = useState(() => Date.now());
  const { refetch } = list;
  useEffect(() => {
    if (keys !== null) void refetch();
  }, [keys, refetch]);
  const fresh = list.data !== undefined && list.dataUpdatedAt >= openedAt ? list.data : null;
  const failed = list.isError && list.errorUpdatedAt >= openedAt;
  const checks = reviewChecks(draft, keys === null ? [] : fresh, failed, list.dataUpdatedAt);
  const listState = keys === null ? 'none' : failed ? 'unread' : fresh === null ? 'pending' : 'read';
  const pending = listState === 'pending';
  const required = checks.required.join(' ');
  useEffect(() => {
    reportGate({ pending, required: required === '' ? [] : (required.split(' ') as Acknowledgement[]) });
  }, [pending, required, reportGate]);
  return { checks, listState } as const;
}

export function ReviewPanel({ draft, flow, target, figures, warnings }: ReviewPanelProps) {
  const { stage, clock, actions } = flow;
  const { checks, listState } = useReviewChecks(draft, actions.reportGate);
  const listPending = listState === 'pending';
  const sending = stage.name === 'sending';
  const showSending = useShownAfter(sending, SHOW_PROGRESS_AFTER_MS);
  const fee = figures?.figures.fee ?? null;
  const unknownText = figures?.loading ? 'Reading…' : 'unknown';
  // Some addresses name their network (Bitcoin, Cardano); the testnet and mainnet exchanges expect their own.
  const exchangeNetwork = target?.environment === 'mainnet' || target?.environment === 'testnet' ? target.environment : undefined;
  const networkMismatch = draft.addressNetwork !== undefined && exchangeNetwork !== undefined && draft.addressNetwork !== exchangeNetwork;
  const chainName = draft.chain === null ? null : CHAIN_NAMES[draft.chain];
  const waitingForCheck = flow.unresolved !== null && !flow.checked;
  const ticksMissing = !allAcknowledged(checks.required, flow.acknowledged);
  // Why Confirm waits, on one line of its own under the buttons, so the notes coming and going move nothing.
  const waitNotes = [
    clock.pending ? 'Reading the exchange’s clock…' : null,
    flow.limitsPending ? 'Reading your balance and fee…' : null,
    listPending ? 'Checking your withdrawal list for this same withdrawal…' : null,
    waitingForCheck && !sending ? 'First say you checked your withdrawal list (tick the box in the notice).' : null,
    ticksMissing && !sending ? 'Tick each box above first.' : null,
  ].filter((note) => note !== null);

  return (
    <div className="space-y-4">
      <dl className="space-y-2 text-sm">
        <DefinitionRow label="Exchange" labelWidth="narrow" ownLine>
          <span data-testid="review-target" className={target?.environment === 'mainnet' ? `font-bold ${errorText}` : strongText}>
            {target ? `${target.label} — ${target.url}` : 'Unknown (the app server did not say)'}
          </span>
        </DefinitionRow>
        <Figure label="Asset" testId="review-asset">
          {draft.asset}
        </Figure>
        <Figure label="Network" testId="review-network">
          {chainName === null ? `${draft.asset} (network not known to this page)` : `${draft.asset} on ${chainName}`}
        </Figure>
        <Figure label="Quantity" testId="review-qty">
          {`${draft.qty} ${draft.asset}`}
        </Figure>
        {figures ? (
          <>
            <Figure label="Available" testId="review-available">
              {figures.figures.free === null ? unknownText : `${figures.figures.free} ${draft.asset}`}
            </Figure>
            <Figure label="Withdrawal fee" testId="review-fee">
              {fee === null ? unknownText : `${fee} ${draft.asset} (taken from the quantity)`}
            </Figure>
            <Figure label="You receive" testId="review-receive">
              {fee === null ? unknownText : receivedInWords(amountReceived(draft.qty, fee), draft.asset)}
            </Figure>
          </>
        ) : null}
        <DefinitionRow label="Address" labelWidth="narrow" ownLine>
          {draft.addressChecked ? (
            <span data-testid="review-address" className={`font-mono text-base tracking-wide ${strongText}`} aria-label={draft.address}>
              {groupAddress(draft.address).join(' ')}
            </span>
          ) : (
            // Not checked here: shown whole and exactly as it will be sent, with nothing that reads as verified.
            <span data-testid="review-address-full" className={`font-mono text-base break-all ${strongText}`}>
              {draft.address}
            </span>
          )}{' '}
          <CopyButton label="Copy address" text={draft.address} />
          <span className={`block text-xs ${mutedText}`}>{draft.addressKind}</span>
        </DefinitionRow>
      </dl>

      {flow.refusal ? (
        <p role="alert" className={`rounded-md p-3 text-sm ring-1 ${callout.danger}`}>
          {flow.refusal} Edit the quantity to continue.
        </p>
      ) : null}
      <ReviewSafety draft={draft} checks={checks} list={listState} acknowledged={flow.acknowledged} onAcknowledge={actions.acknowledge} locked={sending} />
      {warnings.length > 0 ? (
        <ul data-testid="review-warnings" className={`space-y-1 text-xs ${warningText}`}>
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      {networkMismatch ? (
        <p role="alert" className={`rounded-md p-3 text-sm ring-1 ${callout.danger}`}>
          This is a {chainName} {draft.addressNetwork} address but the exchange is {target?.label}. Check that this is really where the funds should go.
        </p>
      ) : null}

      <div>
        <p className={`text-sm font-medium ${mutedText}`}>Exact body to be signed (HMAC-SHA256) and sent</p>
        <pre
          data-testid="review-body"
          className="mt-1 rounded-md bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-100 dark:bg-slate-950 dark:ring-1 dark:ring-slate-700"
        >
          {previewWithdrawalBody(draft)}
          <span className="text-amber-300">{'<milliseconds at the moment you confirm>'}</span>
        </pre>
        {clock.offsetMs !== 0 ? (
          <p className={`mt-1 text-xs ${mutedText}`}>
            Your clock is {formatSeconds(clock.offsetMs)} {clock.offsetMs > 0 ? 'behind' : 'ahead of'} the exchange’s; the timestamp is corrected by that much.
          </p>
        ) : null}
        {clock.unavailable ? (
          <p className={`mt-1 text-xs ${mutedText}`}>
            The exchange’s clock could not be read, so your computer’s clock stamps the request; the exchange refuses it if that is more than about 5 s off.
          </p>
        ) : null}
        {flow.canSign ? (
          <div className="mt-2 space-y-1">
            {/* A copied command can send the withdrawal too: it waits for exactly what Confirm waits for. */}
            <CopyButton label="Copy as curl" text={actions.curl} disabled={!flow.confirmAllowed}>
              Copy as curl
            </CopyButton>
            <p className={`text-xs ${mutedText}`}>
              Signs this withdrawal at the click, with your API key and the signature, never the secret. {CURL_NOTE}
            </p>
          </div>
        ) : null}
      </div>

      {!flow.canSign ? <p className={`text-sm ${errorText}`}>Add your API key and secret above to sign this withdrawal.</p> : null}

      <div className="space-y-2">
        <div className="flex flex-wrap gap-3">
          {/* While sending it keeps the focus (aria-disabled: a disabled button would drop it) until the answer takes it. */}
          <Button
            onClick={actions.confirm}
            disabled={!flow.confirmAllowed && !sending}
            aria-disabled={showSending || undefined}
            variant={target?.environment === 'mainnet' ? 'danger' : 'primary'}
          >
            {showSending ? 'Sending…' : 'Confirm withdrawal'}
          </Button>
          <Button variant="secondary" onClick={sending ? undefined : actions.edit} disabled={showSending}>
            Edit
          </Button>
        </div>
        {/* Once the request has taken a moment, its progress takes this line's place, under the buttons. */}
        {showSending ? (
          <SendingProgress />
        ) : (
          <p className={`min-h-4 text-xs ${mutedText}`}>
            {waitNotes.map((note, index) => (
              <span key={note}>
                {index > 0 ? ' ' : null}
                {note}
              </span>
            ))}
          </p>
        )}
      </div>
    </div>
  );
}
