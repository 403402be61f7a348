import { SandboxMailboxLink } from '../../../components/sandbox-mailbox-link';
import { CopyButton } from '../../../components/ui/copy-button';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { describeError } from '../../../exchange/describe-error';
import { ApiError, type ApiEnvelope } from '../../../lib/api-client';
import type { Stage } from '../withdraw-flow';

/** The honest status of the one request a confirmation sends: in flight, the exchange's answer, or why not. */
interface WithdrawalStatusProps {
  stage: Stage;
  target: ExchangeTarget | undefined;
}

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-600">{label}</summary>
      <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 font-mono break-all whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

export function WithdrawalStatus({ stage, target }: WithdrawalStatusProps) {
  return (
    <div role="status" aria-live="polite" className="space-y-3" data-testid="withdrawal-status">
      {stage.name === 'sending' ? (
        <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-800">Signing and sending… Keep this tab open until the exchange answers.</p>
      ) : null}
      {stage.name === 'sent' ? (
        <SuccessStatus body={stage.body} response={stage.response} address={stage.draft.address} withdrawalId={stage.withdrawalId} target={target} />
      ) : null}
      {stage.name === 'failed' || stage.name === 'unknown' ? <ErrorStatus error={stage.error} /> : null}
    </div>
  );
}

interface SuccessProps {
  body: string;
  response: ApiEnvelope;
  address: string;
  withdrawalId: string | null;
  target: ExchangeTarget | undefined;
}

function SuccessStatus({ body, response, address, withdrawalId, target }: SuccessProps) {
  return (
    <div className="space-y-3 rounded-md bg-emerald-50 p-4 text-sm text-emerald-950 ring-1 ring-emerald-200">
      <p className="font-semibold">The exchange accepted the withdrawal request.</p>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1">
        <dt>Code</dt>
        <dd data-testid="status-code" className="font-mono">{response.code}</dd>
        <dt>Message</dt>
        <dd data-testid="status-msg">{response.msg || '(none)'}</dd>
        {withdrawalId ? (
          <>
            <dt>Withdrawal id</dt>
            <dd>
              <span data-testid="status-withdrawal-id" className="font-mono">{withdrawalId}</span>{' '}
              <CopyButton label="Copy withdrawal id" text={withdrawalId} />
            </dd>
          </>
        ) : null}
        <dt>Address</dt>
        <dd>
          <span className="font-mono break-all">{address}</span> <CopyButton label="Copy address" text={address} />
        </dd>
      </dl>
      <p data-testid="email-notice" className="rounded-md bg-amber-100 p-3 text-base font-semibold text-amber-950 ring-2 ring-amber-400">
        Not processed yet: Everstrike processes this withdrawal only after you confirm it from the email it sends you. Open that email and confirm.{' '}
        <SandboxMailboxLink target={target} />
      </p>
      <div>
        <p className="text-xs text-emerald-900">Body that was signed and sent</p>
        <pre data-testid="status-sent-body" className="mt-1 overflow-x-auto rounded bg-white/70 p-2 font-mono text-xs break-all whitespace-pre-wrap">
          {body}
        </pre>
      </div>
      <Json label="Exchange's full answer" value={response} />
    </div>
  );
}

function ErrorStatus({ error }: { error: unknown }) {
  const description = describeError(error);
  const envelope = error instanceof ApiError ? error.envelope : undefined;
  return (
    <div
      className={`space-y-2 rounded-md p-4 text-sm ring-1 ${description.outcomeUnknown ? 'bg-amber-50 text-amber-950 ring-amber-300' : 'bg-rose-50 text-rose-950 ring-rose-200'}`}
    >
      <p data-testid="status-error-title" className="font-semibold">{description.title}</p>
      <p data-testid="status-error-detail">{description.detail}</p>
      {envelope ? <Json label="Exchange's full answer" value={envelope} /> : null}
      {description.outcomeUnknown ? null : <p>Your entries are unchanged: fix what is needed and confirm again, or edit.</p>}
    </div>
  );
}
