import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { SandboxMailboxLink } from '../../../components/sandbox-mailbox-link';
import { CopyButton } from '../../../components/ui/copy-button';
import { DefinitionRow } from '../../../components/ui/definition-row';
import { callout, focusRing, focusTarget, mutedText } from '../../../components/ui/tones';
import { useFocusOnMount } from '../../../components/ui/use-focus-on-mount';
import { useShownAfter } from '../../../components/ui/use-shown-after';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { SHOW_PROGRESS_AFTER_MS, WITHDRAW_TIMEOUT_MS } from '../../../config/timeouts';
import { describeError } from '../../../exchange/describe-error';
import { ApiError, type ApiEnvelope } from '../../../lib/api-client';
import { withdrawalAnnouncement } from '../announcements';
import type { Stage } from '../withdraw-flow';
import type { WithdrawalDraft } from '../withdraw-schema';

/**
 * The honest status of the one request a confirmation sends: in flight (with the time it has waited against
 * the timeout), the exchange's answer, or why not. Each takes the focus when it appears and a result scrolls
 * to the top of the window. The short spoken version goes into the panel's live region (through a portal,
 * so this view's code need not load with the first screen); here the details (the raw body, the full answer)
 * stay on screen, collapsed, and are never read out by themselves.
 */
interface WithdrawalStatusProps {
  stage: Stage;
  target: ExchangeTarget | undefined;
  /** The masked address the confirmation email goes to, when the account read says. */
  maskedEmail?: string | null;
  /** The panel's live region (there from the first paint, so what appears in it is announced): the short result goes there. */
  announcer?: HTMLElement | null;
}

const TIMEOUT_SECONDS = WITHDRAW_TIMEOUT_MS / 1000;
const preClassName = 'mt-1 rounded bg-white/70 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-slate-950/60';
const summaryClassName = `cursor-pointer rounded-sm text-xs font-medium ${focusRing}`;

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <details className="text-xs">
      <summary className={summaryClassName}>{label}</summary>
      <pre className={preClassName}>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

export function WithdrawalStatus({ stage, target, maskedEmail = null, announcer = null }: WithdrawalStatusProps) {
  const showSending = useShownAfter(stage.name === 'sending', SHOW_PROGRESS_AFTER_MS);
  return (
    <div className="space-y-3" data-testid="withdrawal-status">
      {announcer ? createPortal(withdrawalAnnouncement(stage, maskedEmail), announcer) : null}
      {showSending ? <SendingStatus /> : null}
      {stage.name === 'sent' ? (
        <SuccessStatus
          body={stage.body}
          response={stage.response}
          draft={stage.draft}
          withdrawalId={stage.withdrawalId}
          target={target}
          maskedEmail={maskedEmail}
        />
      ) : null}
      {stage.name === 'failed' || stage.name === 'unknown' ? <ErrorStatus error={stage.error} /> : null}
    </div>
  );
}

/** Whole seconds since the component appeared, ticking once a second. */
function useElapsedSeconds(): number {
  const [startedAt] = useState(Date.now);
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.floor((now - startedAt) / 1000);
}

/**
 * While the one request is in flight (the focus stays on Confirm, now an inert "Sending…"); the seconds tick on
 * screen and in the progress bar's value, never in a live region.
 */
function SendingStatus() {
  const waited = Math.min(useElapsedSeconds(), TIMEOUT_SECONDS);
  const waitedText = `${waited} s of ${TIMEOUT_SECONDS} s`;
  return (
    <div className={`space-y-2 rounded-md p-3 text-sm ring-1 ${callout.neutral}`}>
      <p>
        <span className="font-semibold">Signing and sending…</span> <span data-testid="sending-elapsed" className="tabular-nums">{waitedText}</span>
      </p>
      <progress
        max={TIMEOUT_SECONDS}
        value={waited}
        aria-label="Time waiting for the exchange’s answer"
        aria-valuetext={waitedText}
        className="block h-1.5 w-full appearance-none overflow-hidden rounded-full bg-slate-300 text-indigo-600 dark:bg-slate-600 dark:text-indigo-400 [&::-moz-progress-bar]:bg-current [&::-webkit-progress-bar]:bg-transparent [&::-webkit-progress-value]:bg-current"
      />
      <p className={`text-xs ${mutedText}`}>
        Keep this tab open until the exchange answers. Nothing is sent again: after {TIMEOUT_SECONDS} s without an answer the page says the outcome is unknown.
      </p>
    </div>
  );
}

interface SuccessProps {
  body: string;
  response: ApiEnvelope;
  draft: WithdrawalDraft;
  withdrawalId: string | null;
  target: ExchangeTarget | undefined;
  maskedEmail: string | null;
}

/** The essentials first (what to do next, what was sent, the id), the exchange's raw answer collapsed. */
function SuccessStatus({ body, response, draft, withdrawalId, target, maskedEmail }: SuccessProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>('start', 'next-frame');
  return (
    <section aria-labelledby="result-heading" className={`space-y-3 rounded-md p-3 text-sm ring-1 sm:p-4 ${callout.success}`}>
      <h3 id="result-heading" ref={headingRef} tabIndex={-1} className={`text-base font-semibold ${focusTarget}`}>
        The exchange accepted the withdrawal request
      </h3>
      <p
        data-testid="email-notice"
        className="rounded-md bg-amber-100 p-3 font-semibold text-amber-950 ring-2 ring-amber-500 sm:text-base dark:bg-amber-950 dark:text-amber-50 dark:ring-amber-500"
      >
        Not processed yet: Everstrike processes this withdrawal only after you confirm it from the email it sends you
        {maskedEmail ? <> (to <span className="font-mono wrap-anywhere">{maskedEmail}</span>)</> : null}. Open that email and confirm.{' '}
        <SandboxMailboxLink target={target} />
      </p>
      <dl className="space-y-1">
        <DefinitionRow label="Sent" labelWidth="narrow">
          <span className="font-mono">{`${draft.qty} ${draft.asset}`}</span>
        </DefinitionRow>
        <DefinitionRow label="To" labelWidth="narrow" ownLine>
          <span className="font-mono">{draft.address}</span> <CopyButton label="Copy address" text={draft.address} />
        </DefinitionRow>
        {withdrawalId ? (
          <DefinitionRow label="Withdrawal id" labelWidth="narrow">
            <span data-testid="status-withdrawal-id" className="font-mono">
              {withdrawalId}
            </span>{' '}
            <CopyButton label="Copy withdrawal id" text={withdrawalId} />
          </DefinitionRow>
        ) : null}
      </dl>
      <details>
        <summary className={summaryClassName}>The exchange’s answer and the body that was signed and sent</summary>
        <dl className="mt-2 space-y-1 text-xs">
          <DefinitionRow label="Code" labelWidth="narrow">
            <span data-testid="status-code" className="font-mono">
              {response.code}
            </span>
          </DefinitionRow>
          <DefinitionRow label="Message" labelWidth="narrow">
            <span data-testid="status-msg">{response.msg || '(none)'}</span>
          </DefinitionRow>
        </dl>
        <p className="mt-2 text-xs">Body that was signed and sent</p>
        <pre data-testid="status-sent-body" className={preClassName}>
          {body}
        </pre>
        <p className="mt-2 text-xs">The exchange’s full answer</p>
        <pre className={preClassName}>{JSON.stringify(response, null, 2)}</pre>
      </details>
    </section>
  );
}

/** A refusal, or an answer whose outcome is unknown: its title is the heading that takes the focus. */
function ErrorStatus({ error }: { error: unknown }) {
  const description = describeError(error);
  const envelope = error instanceof ApiError ? error.envelope : undefined;
  const headingRef = useFocusOnMount<HTMLHeadingElement>('start', 'next-frame');
  return (
    <section
      aria-labelledby="result-heading"
      className={`space-y-2 rounded-md p-4 text-sm ring-1 ${description.outcomeUnknown ? callout.warning : callout.danger}`}
    >
      <h3 id="result-heading" ref={headingRef} tabIndex={-1} data-testid="status-error-title" className={`font-semibold ${focusTarget}`}>
        {description.title}
      </h3>
      <p data-testid="status-error-detail">{description.detail}</p>
      {envelope ? <Json label="The exchange’s full answer" value={envelope} /> : null}
      {description.outcomeUnknown ? null : <p>Your entries are unchanged: fix what is needed and confirm again, or edit.</p>}
    </section>
  );
}
