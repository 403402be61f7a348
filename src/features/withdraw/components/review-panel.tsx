import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import type { AccountFiguresState } from '../../../exchange/account';
import { amountReceived, receivedInWords } from '../../../exchange/account-figures';
import { formatSeconds, groupAddress } from '../../../lib/format';
import { previewWithdrawalBody } from '../../../signing/encode-withdrawal';
import type { WithdrawFlow } from '../use-withdraw-flow';
import type { WithdrawalDraft } from '../withdraw-schema';

/**
 * The review: exactly what will be signed, against which exchange, with the account figures, and the one
 * button that signs and sends it. A plain view of the flow's state and allowed actions.
 */
interface ReviewPanelProps {
  draft: WithdrawalDraft;
  flow: Pick<WithdrawFlow, 'stage' | 'refusal' | 'canSign' | 'clock' | 'limitsPending' | 'confirmAllowed' | 'unresolved' | 'checked' | 'actions'>;
  target: ExchangeTarget | undefined;
  /** Null without keys. */
  figures: AccountFiguresState | null;
  warnings: string[];
}

const CURL_NOTE =
  'Valid for about 5 seconds: the exchange refuses a timestamp more than about 5 s old. Running it sends a real withdrawal.';

function Figure({ label, testId, children }: { label: string; testId: string; children: string }) {
  return (
    <>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd data-testid={testId} className="font-mono text-slate-900">
        {children}
      </dd>
    </>
  );
}

export function ReviewPanel({ draft, flow, target, figures, warnings }: ReviewPanelProps) {
  const { stage, clock, actions } = flow;
  const sending = stage.name === 'sending';
  const fee = figures?.figures.fee ?? null;
  const unknownText = figures?.loading ? 'Reading…' : 'unknown';
  // A Bitcoin address names its network; the testnet and mainnet exchanges expect their own.
  const exchangeNetwork = target?.environment === 'mainnet' || target?.environment === 'testnet' ? target.environment : undefined;
  const networkMismatch = draft.addressNetwork !== undefined && exchangeNetwork !== undefined && draft.addressNetwork !== exchangeNetwork;
  const waitingForCheck = flow.unresolved !== null && !flow.checked;

  return (
    <section aria-labelledby="review-heading" className="space-y-4 rounded-lg bg-amber-50 p-5 ring-1 ring-amber-200">
      <h3 id="review-heading" className="text-base font-semibold text-slate-900">
        Review what will be signed
      </h3>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="font-medium text-slate-600">Exchange</dt>
        <dd data-testid="review-target" className={target?.environment === 'mainnet' ? 'font-bold text-rose-700' : 'text-slate-900'}>
          {target ? `${target.label} — ${target.url}` : 'Unknown (the app server did not say)'}
        </dd>
        <Figure label="Asset" testId="review-asset">
          {draft.asset}
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
        <dt className="font-medium text-slate-600">Address</dt>
        <dd className="text-slate-900">
          <span data-testid="review-address" className="font-mono text-base tracking-wide" aria-label={draft.address}>
            {groupAddress(draft.address).join(' ')}
          </span>{' '}
          <CopyButton label="Copy address" text={draft.address} />
          <span className="block text-xs text-slate-600">{draft.addressKind}</span>
        </dd>
      </dl>

      {flow.refusal ? (
        <p role="alert" className="rounded-md bg-rose-100 p-3 text-sm text-rose-900">
          {flow.refusal} Edit the quantity to continue.
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <ul data-testid="review-warnings" className="space-y-1 text-xs text-amber-900">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      {networkMismatch ? (
        <p role="alert" className="rounded-md bg-rose-100 p-3 text-sm text-rose-900">
          This is a Bitcoin {draft.addressNetwork} address but the exchange is {target?.label}. Check that this is really where the funds should go.
        </p>
      ) : null}

      <div>
        <p className="text-sm font-medium text-slate-600">Exact body to be signed (HMAC-SHA256) and sent</p>
        <pre data-testid="review-body" className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-100">
          {previewWithdrawalBody(draft)}
          <span className="text-amber-300">{'<milliseconds at the moment you confirm>'}</span>
        </pre>
        {clock.offsetMs !== 0 ? (
          <p className="mt-1 text-xs text-slate-600">
            Your clock is {formatSeconds(clock.offsetMs)} {clock.offsetMs > 0 ? 'behind' : 'ahead of'} the exchange’s; the timestamp is corrected by that much.
          </p>
        ) : null}
        {clock.unavailable ? (
          <p className="mt-1 text-xs text-slate-600">
            The exchange’s clock could not be read, so your computer’s clock stamps the request; the exchange refuses it if that is more than about 5 s off.
          </p>
        ) : null}
        {flow.canSign ? (
          <div className="mt-2 space-y-1">
            {/* A copied command can send the withdrawal too: it waits for exactly what Confirm waits for. */}
            <CopyButton label="Copy as curl" text={actions.curl} disabled={!flow.confirmAllowed}>
              Copy as curl
            </CopyButton>
            <p className="text-xs text-slate-600">
              Signs this withdrawal at the click, with your API key and the signature, never the secret. {CURL_NOTE}
            </p>
          </div>
        ) : null}
      </div>

      {!flow.canSign ? <p className="text-sm text-rose-700">Add your API key and secret above to sign this withdrawal.</p> : null}

      <div className="flex flex-wrap gap-3">
        <Button onClick={actions.confirm} disabled={!flow.confirmAllowed} variant={target?.environment === 'mainnet' ? 'danger' : 'primary'}>
          {sending ? 'Sending…' : 'Confirm withdrawal'}
        </Button>
        {clock.pending ? <span className="self-center text-xs text-slate-600">Reading the exchange’s clock…</span> : null}
        {flow.limitsPending ? <span className="self-center text-xs text-slate-600">Reading your balance and fee…</span> : null}
        {waitingForCheck && !sending ? (
          <span className="self-center text-xs text-slate-600">First say you checked your withdrawal list (above).</span>
        ) : null}
        <Button variant="secondary" onClick={actions.edit} disabled={sending}>
          Edit
        </Button>
      </div>
    </section>
  );
}
