import { SandboxMailboxLink } from '../../../components/sandbox-mailbox-link';
import { CopyButton } from '../../../components/ui/copy-button';
import { DefinitionRow } from '../../../components/ui/definition-row';
import type { RefObject } from 'react';
import { callout, focusRing, focusTarget } from '../../../components/ui/tones';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { ApiError, type ApiEnvelope } from '../../../lib/api-client';
import { outcomeWords, stageOutcome, type OutcomeWords } from '../outcome-words';
import type { Stage } from '../withdraw-flow';
import type { WithdrawalDraft } from '../withdraw-schema';

/**
 * The honest result of the one request a confirmation sends, in the words of outcome-words.ts: its title
 * (which the flow's cue focuses, through `headingRef`), what to do next, what was sent, the exchange's answer,
 * or why not. The details (the raw body, the full answer) stay on screen, collapsed, and are never read out by
 * themselves; the panel's live region says the short version. It is loaded with the review (withdraw-step.tsx),
 * so it is always here by the time there is an answer.
 */
export type ResultStage = Extract<Stage, { name: 'sent' | 'failed' | 'unknown' }>;

interface WithdrawalStatusProps {
  stage: ResultStage;
  /** The masked address the confirmation email goes to, when the account read says. */
  maskedEmail: string | null;
  target: ExchangeTarget | undefined;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}

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

export function WithdrawalStatus({ stage, maskedEmail, target, headingRef }: WithdrawalStatusProps) {
  const outcome = stageOutcome(stage, maskedEmail);
  if (!outcome) return null;
  const words = outcomeWords(outcome);
  const sent = stage.name === 'sent';
  return (
    <section aria-labelledby="result-heading" data-testid="withdrawal-status" className={`space-y-3 rounded-md p-3 text-sm ring-1 sm:p-4 ${callout[words.tone]}`}>
      <h3
        id="result-heading"
        ref={headingRef}
        tabIndex={-1}
        data-testid={sent ? undefined : 'status-error-title'}
        className={`text-base font-semibold ${focusTarget}`}
      >
        {words.title}
      </h3>
      {sent ? (
        <SuccessStatus body={stage.body} response={stage.response} draft={stage.draft} withdrawalId={stage.withdrawalId} target={target} words={words} />
      ) : (
        <ErrorStatus error={stage.error} words={words} />
      )}
    </section>
  );
}

interface SuccessProps {
  body: string;
  response: ApiEnvelope;
  draft: WithdrawalDraft;
  withdrawalId: string | null;
  target: ExchangeTarget | undefined;
  words: OutcomeWords;
}

/** The essentials first (what to do next, what was sent, the id), the exchange's raw answer collapsed. */
function SuccessStatus({ body, response, draft, withdrawalId, target, words }: SuccessProps) {
  return (
    <>
      <p
        data-testid="email-notice"
        className="rounded-md bg-amber-100 p-3 font-semibold text-amber-950 ring-2 ring-amber-500 sm:text-base dark:bg-amber-950 dark:text-amber-50 dark:ring-amber-500"
      >
        <span className="wrap-anywhere">{words.body}</span> <SandboxMailboxLink target={target} />
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
    </>
  );
}

/** A refusal, an answer whose outcome is unknown, or a signature the page could not make: what it means and what to do. */
function ErrorStatus({ error, words }: { error: unknown; words: OutcomeWords }) {
  const envelope = error instanceof ApiError ? error.envelope : undefined;
  return (
    <>
      <p data-testid="status-error-detail">{words.body}</p>
      {envelope ? <Json label="The exchange’s full answer" value={envelope} /> : null}
      {words.next ? <p>{words.next}</p> : null}
    </>
  );
}
