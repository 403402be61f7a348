import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { formatSeconds, groupAddress } from '../../../lib/format';
import { encodeWithdrawalBody } from '../../../signing/encode-withdrawal';
import { compareDecimals } from '../../../validation/decimal';
import type { AssetFunds } from '../../account/api/asset-funds';
import type { WithdrawalDraft } from '../withdraw-schema';

interface ReviewPanelProps {
  draft: WithdrawalDraft;
  target: ExchangeTarget | undefined;
  /**
   * The exchange's clock: the correction applied, whether it is still being read (confirming then could stamp
   * an uncorrected time) and whether it could not be read (the local clock is used as it is).
   */
  clock: { offsetMs: number; pending: boolean; unavailable: boolean };
  /** Balance, fee and permission from the exchange, where it said. */
  funds: AssetFunds;
  canSign: boolean;
  pending: boolean;
  /** After an answer whose outcome is unknown, sending again needs the person to say they checked. */
  needsCheckBeforeResend: boolean;
  sent: boolean;
  onConfirm: () => void;
  onEdit: () => void;
}

/** Everything in the signed body except the timestamp, which is read when the person confirms. */
function bodyBeforeTimestamp(draft: WithdrawalDraft): string {
  return encodeWithdrawalBody({ asset: draft.asset, qty: draft.qty, address: draft.address, timestamp: 1 }).replace(/timestamp=1$/, 'timestamp=');
}

export function ReviewPanel(props: ReviewPanelProps) {
  const { draft, target, clock, funds, canSign, pending, needsCheckBeforeResend, sent, onConfirm, onEdit } = props;
  const [checkedList, setCheckedList] = useState(false);
  const blockedByUnknown = needsCheckBeforeResend && !checkedList;
  // Once sent, the balance refreshes without this withdrawal's quantity: the warning is for before only.
  const overBalance = !sent && funds.free !== null && compareDecimals(draft.qty, funds.free) > 0;
  // A Bitcoin address names its network; the testnet and mainnet exchanges expect their own.
  const exchangeNetwork = target?.environment === 'mainnet' || target?.environment === 'testnet' ? target.environment : undefined;
  const networkMismatch = draft.addressNetwork !== undefined && exchangeNetwork !== undefined && draft.addressNetwork !== exchangeNetwork;

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
        <dt className="font-medium text-slate-600">Asset</dt>
        <dd data-testid="review-asset" className="font-mono text-slate-900">{draft.asset}</dd>
        <dt className="font-medium text-slate-600">Quantity</dt>
        <dd data-testid="review-qty" className="font-mono text-slate-900">
          {draft.qty} {draft.asset}
        </dd>
        {funds.free !== null ? (
          <>
            <dt className="font-medium text-slate-600">Available</dt>
            <dd data-testid="review-available" className="font-mono text-slate-900">
              {funds.free} {draft.asset}
            </dd>
          </>
        ) : null}
        {funds.withdrawalFee !== null ? (
          <>
            <dt className="font-medium text-slate-600">Withdrawal fee</dt>
            <dd data-testid="review-fee" className="font-mono text-slate-900">
              {funds.withdrawalFee} {draft.asset} <span className="font-sans text-xs text-slate-600">(taken from the quantity, per the exchange)</span>
            </dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-600">Address</dt>
        <dd className="text-slate-900">
          <span data-testid="review-address" className="font-mono text-base tracking-wide" aria-label={draft.address}>
            {groupAddress(draft.address).join(' ')}
          </span>
          <span className="block text-xs text-slate-600">{draft.addressKind}</span>
        </dd>
      </dl>

      {overBalance ? (
        <p role="alert" className="rounded-md bg-rose-100 p-3 text-sm text-rose-900">
          This is more than your available balance of {funds.free} {draft.asset}: the exchange will most likely refuse it.
        </p>
      ) : null}
      {funds.withdrawEnabled === false ? (
        <p role="alert" className="rounded-md bg-rose-100 p-3 text-sm text-rose-900">
          The exchange says withdrawals are not enabled for this account or API key.
        </p>
      ) : null}
      {networkMismatch ? (
        <p role="alert" className="rounded-md bg-rose-100 p-3 text-sm text-rose-900">
          This is a Bitcoin {draft.addressNetwork} address but the exchange is {target?.label}. Check that this is really where the funds should go.
        </p>
      ) : null}

      <div>
        <p className="text-sm font-medium text-slate-600">Exact body to be signed (HMAC-SHA256) and sent</p>
        <pre data-testid="review-body" className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-100">
          {bodyBeforeTimestamp(draft)}
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
      </div>

      {needsCheckBeforeResend ? (
        <label className="flex items-start gap-2 text-sm text-slate-900">
          <input type="checkbox" checked={checkedList} onChange={(event) => setCheckedList(event.target.checked)} className="mt-0.5" />
          I checked my withdrawal list and email: this withdrawal is not there, so I want to send it again.
        </label>
      ) : null}

      {!canSign ? <p className="text-sm text-rose-700">Add your API key and secret above to sign this withdrawal.</p> : null}

      {sent ? null : (
        <div className="flex flex-wrap gap-3">
          <Button
            onClick={onConfirm}
            disabled={!canSign || pending || clock.pending || blockedByUnknown}
            variant={target?.environment === 'mainnet' ? 'danger' : 'primary'}
          >
            {pending ? 'Sending…' : 'Confirm withdrawal'}
          </Button>
          {clock.pending ? <span className="self-center text-xs text-slate-600">Reading the exchange’s clock…</span> : null}
          <Button variant="secondary" onClick={onEdit} disabled={pending}>
            Edit
          </Button>
        </div>
      )}
    </section>
  );
}
