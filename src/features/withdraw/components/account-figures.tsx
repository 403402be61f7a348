import { SandboxMailboxLink } from '../../../components/sandbox-mailbox-link';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import type { AccountFiguresState } from '../../../exchange/account';
import { amountReceived, receivedInWords } from '../../../exchange/account-figures';

/**
 * What the account holds for the chosen asset, on the form before anything is reviewed: free balance, fee,
 * what would arrive, permission, allowance and the (masked) address the confirmation email goes to.
 * A read that failed says so in place; no row is ever just dropped.
 */
interface AccountFiguresProps {
  state: AccountFiguresState;
  /** The quantity as typed, for "You receive". */
  typedQty: string;
  target: ExchangeTarget | undefined;
}

export function AccountFigures({ state, typedQty, target }: AccountFiguresProps) {
  const { figures, loading, personalProblem, assetsProblem } = state;
  const { asset } = figures;
  const reading = 'Reading…';
  const known = (value: string | null, unknownText: string) => (value === null ? (loading ? reading : unknownText) : value);
  const enabled = figures.withdrawEnabled === null ? known(null, 'unknown') : figures.withdrawEnabled ? 'enabled' : 'disabled for this key';

  return (
    <section aria-labelledby="figures-heading" className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <h3 id="figures-heading" className="text-sm font-semibold text-slate-900">
        Your {asset} account
      </h3>
      {personalProblem ? (
        <p data-testid="figures-personal-problem" className="text-sm text-amber-900">
          Balance unknown: {personalProblem}
        </p>
      ) : null}
      {assetsProblem ? (
        <p data-testid="figures-assets-problem" className="text-sm text-amber-900">
          Fee unknown: {assetsProblem}
        </p>
      ) : null}
      <dl className="grid grid-cols-[11rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Free balance</dt>
        <dd data-testid="figure-free" className="font-mono text-slate-900">
          {figures.free === null ? known(null, 'unknown') : `${figures.free} ${asset}`}
        </dd>
        <dt className="text-slate-600">Withdrawal fee</dt>
        <dd data-testid="figure-fee" className="font-mono text-slate-900">
          {figures.fee === null ? known(null, 'unknown') : `${figures.fee} ${asset}`}
        </dd>
        <dt className="text-slate-600">You receive</dt>
        <dd data-testid="figure-receive" className="font-mono text-slate-900">
          {loading && figures.fee === null ? reading : receivedInWords(amountReceived(typedQty, figures.fee), asset)}
        </dd>
        <dt className="text-slate-600">Withdrawals</dt>
        <dd data-testid="figure-withdrawals" className={figures.withdrawEnabled === false ? 'font-semibold text-rose-700' : 'text-slate-900'}>
          {enabled}
        </dd>
        <dt className="text-slate-600">Withdrawal allowance</dt>
        <dd data-testid="figure-allowance" className="font-mono text-slate-900">
          {known(figures.allowance, 'unknown')}
        </dd>
        <dt className="text-slate-600">Confirmation email to</dt>
        <dd className="text-slate-900">
          <span data-testid="figure-email" className="font-mono">
            {known(figures.maskedEmail, 'unknown')}
          </span>{' '}
          <SandboxMailboxLink target={target} />
        </dd>
      </dl>
    </section>
  );
}
