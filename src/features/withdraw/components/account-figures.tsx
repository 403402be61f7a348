import { SandboxMailboxLink } from '../../../components/sandbox-mailbox-link';
import { DefinitionRow } from '../../../components/ui/definition-row';
import { errorText, insetBox, strongText, warningText } from '../../../components/ui/tones';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import type { AccountFiguresState } from '../../../exchange/account';
import { describeError } from '../../../exchange/describe-error';
import { amountReceived, receivedInWords } from '../../../exchange/account-figures';

/**
 * What the account holds for the chosen asset, on the form before anything is reviewed: free balance, fee,
 * what would arrive, permission, allowance and the (masked) address the confirmation email goes to.
 * A read that failed says so in place; no row is ever just dropped. Every row keeps its height from
 * "Reading…" to the answer, so the figures arriving move nothing below them.
 */
interface AccountFiguresProps {
  state: AccountFiguresState;
  /** The quantity as typed, for "You receive". */
  typedQty: string;
  target: ExchangeTarget | undefined;
}

/** A failed read in words, or null when it did not fail. */
function problem(error: unknown): string | null {
  if (error === null) return null;
  const { title, detail } = describeError(error);
  return `${title}: ${detail}`;
}

export function AccountFigures({ state, typedQty, target }: AccountFiguresProps) {
  const { figures, loading } = state;
  const personalProblem = problem(state.personalError);
  const assetsProblem = problem(state.assetsError);
  const { asset } = figures;
  const reading = 'Reading…';
  const known = (value: string | null, unknownText: string) => (value === null ? (loading ? reading : unknownText) : value);
  const enabled = figures.withdrawEnabled === null ? known(null, 'unknown') : figures.withdrawEnabled ? 'enabled' : 'disabled for this key';
  const value = `font-mono ${strongText}`;

  return (
    <section aria-labelledby="figures-heading" className={`space-y-2 p-3 ${insetBox}`}>
      <h3 id="figures-heading" className={`text-sm font-semibold ${strongText}`}>
        Your {asset} account
      </h3>
      {personalProblem ? (
        <p data-testid="figures-personal-problem" className={`text-sm ${warningText}`}>
          Balance unknown: {personalProblem}
        </p>
      ) : null}
      {assetsProblem ? (
        <p data-testid="figures-assets-problem" className={`text-sm ${warningText}`}>
          Fee unknown: {assetsProblem}
        </p>
      ) : null}
      <dl className="space-y-1 text-sm">
        <DefinitionRow label="Free balance">
          <span data-testid="figure-free" className={value}>
            {figures.free === null ? known(null, 'unknown') : `${figures.free} ${asset}`}
          </span>
        </DefinitionRow>
        <DefinitionRow label="Withdrawal fee">
          <span data-testid="figure-fee" className={value}>
            {figures.fee === null ? known(null, 'unknown') : `${figures.fee} ${asset}`}
          </span>
        </DefinitionRow>
        <DefinitionRow label="You receive">
          <span data-testid="figure-receive" className={value}>
            {loading && figures.fee === null ? reading : receivedInWords(amountReceived(typedQty, figures.fee), asset)}
          </span>
        </DefinitionRow>
        <DefinitionRow label="Withdrawals">
          <span data-testid="figure-withdrawals" className={figures.withdrawEnabled === false ? `font-semibold ${errorText}` : strongText}>
            {enabled}
          </span>
        </DefinitionRow>
        <DefinitionRow label="Withdrawal allowance">
          <span data-testid="figure-allowance" className={value}>
            {known(figures.allowance, 'unknown')}
          </span>
        </DefinitionRow>
        {/* On a phone the address has a line of its own whether or not it is known yet, and the link another. */}
        <DefinitionRow label="Confirmation email to" ownLine>
          <span data-testid="figure-email" className={value}>
            {known(figures.maskedEmail, 'unknown')}
          </span>{' '}
          <span className="block sm:inline">
            <SandboxMailboxLink target={target} />
          </span>
        </DefinitionRow>
      </dl>
    </section>
  );
}
