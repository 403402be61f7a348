import { SandboxMailboxLink } from '../../../components/sandbox-mailbox-link';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { describeError } from '../../../exchange/describe-error';
import { useSessionKeys } from '../../../exchange/session-keys';
import { useWithdrawalList, WITHDRAWALS_POLL_MS } from '../../../exchange/withdrawals';
import { formatClockTime } from '../../../lib/format';
import { WithdrawalRow } from './withdrawal-row';

/** The newest this many are shown; the exchange keeps the rest. */
const SHOWN_ROWS = 25;

/**
 * The account's withdrawals, newest first, as soon as keys are in: read again after every send attempt and
 * every 5 s while one is awaiting its email confirmation or being processed (not while the tab is hidden),
 * so a confirmation shows up here without anyone asking. Says when the list was read.
 */
export function WithdrawalHistory({ target }: { target: ExchangeTarget | undefined }) {
  const { keys } = useSessionKeys();
  const list = useWithdrawalList(keys?.apiKey ?? null);
  if (!keys) return null;

  const rows = list.data ?? [];
  const polling = rows.some((row) => row.open);
  const failure = list.isError ? describeError(list.error) : null;
  return (
    <section aria-labelledby="history-heading" className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="history-heading" className="text-base font-semibold text-slate-900">
          3. Your withdrawals
        </h2>
        <SandboxMailboxLink target={target} />
      </div>
      <p className="text-xs text-slate-600">
        {list.data ? <span data-testid="history-as-of">As of {formatClockTime(list.dataUpdatedAt)}</span> : 'Reading your withdrawals…'}
        {polling ? ` · read again every ${WITHDRAWALS_POLL_MS / 1000} s while a withdrawal is open` : ''}
        {list.isFetching && list.data ? ' · updating…' : ''}
      </p>
      {failure ? (
        <p role="alert" className="text-sm text-rose-700">
          The withdrawal list could not be read: {failure.title}: {failure.detail}
        </p>
      ) : null}
      {list.data && rows.length === 0 ? <p className="text-sm text-slate-600">No withdrawals on this account.</p> : null}
      {rows.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Your withdrawals, newest first</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Time</th>
                <th scope="col" className="py-1 pr-3 font-medium">Asset</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Quantity</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Fee</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Net</th>
                <th scope="col" className="py-1 pr-3 font-medium">Address</th>
                <th scope="col" className="py-1 pr-3 font-medium">Status</th>
                <th scope="col" className="py-1 font-medium">Transaction</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN_ROWS).map((row) => (
                <WithdrawalRow key={row.id} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rows.length > SHOWN_ROWS ? <p className="text-xs text-slate-600">The {SHOWN_ROWS} newest of {rows.length} are shown.</p> : null}
    </section>
  );
}
