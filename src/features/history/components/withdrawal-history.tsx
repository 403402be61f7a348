import { SandboxMailboxLink } from '../../../components/sandbox-mailbox-link';
import { errorText, mutedText, panel, strongText } from '../../../components/ui/tones';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { describeError } from '../../../exchange/describe-error';
import { useSessionKeys } from '../../../exchange/session-keys';
import { useWithdrawalList, WITHDRAWALS_POLL_MS } from '../../../exchange/withdrawals';
import { formatClockTime } from '../../../lib/format';
import { DownloadCsvButton } from './download-csv-button';
import { WithdrawalRow } from './withdrawal-row';

/** The newest this many are shown; the exchange keeps the rest. */
const SHOWN_ROWS = 25;

const HEADER = 'py-1 pr-3 font-medium';

/**
 * The account's withdrawals, newest first, as soon as keys are in: read again after every send attempt and
 * every 5 s while one is awaiting its email confirmation or being processed (not while the tab is hidden),
 * so a confirmation shows up here without anyone asking. Says when the list was read, without announcing it.
 * A table from 768 px (fixed columns, so a status changing width moves nothing), a stacked list below; the
 * space for the first rows is held while the list is read, so its arrival does not push the page down.
 */
export function WithdrawalHistory({ target }: { target: ExchangeTarget | undefined }) {
  const { keys } = useSessionKeys();
  const list = useWithdrawalList(keys?.apiKey ?? null);
  if (!keys) return null;

  const rows = list.data ?? [];
  const failure = list.isError ? describeError(list.error) : null;
  const updating = list.isFetching && list.data !== undefined;
  return (
    <section aria-labelledby="history-heading" className={`space-y-3 ${panel}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="history-heading" className={`text-base font-semibold ${strongText}`}>
          3. Your withdrawals
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <SandboxMailboxLink target={target} />
          <DownloadCsvButton rows={rows} environment={target?.environment} />
        </div>
      </div>
      <p className={`text-xs ${mutedText}`}>
        {list.data ? <span data-testid="history-as-of">As of {formatClockTime(list.dataUpdatedAt)}</span> : 'Reading your withdrawals…'}
        {/* Kept in place when idle (invisible), so "updating…" coming and going moves nothing. */}
        <span className={updating ? '' : 'invisible'}> · updating…</span>
      </p>
      {failure ? (
        <p role="alert" className={`text-sm ${errorText}`}>
          The withdrawal list could not be read: {failure.title}: {failure.detail}
        </p>
      ) : null}
      <div className="min-h-44 md:min-h-32">
        {list.data === undefined && !failure ? <PlaceholderRows /> : null}
        {list.data && rows.length === 0 ? <p className={`text-sm ${mutedText}`}>No withdrawals on this account.</p> : null}
        {rows.length > 0 ? (
          // Explicit roles keep the table's meaning for assistive technology when the narrow layout restyles it.
          <table role="table" className="w-full text-left text-xs max-md:block md:table-fixed">
            <caption className="sr-only">Your withdrawals, newest first</caption>
            <thead className={`max-md:sr-only ${mutedText}`}>
              <tr role="row">
                <th role="columnheader" scope="col" className={`${HEADER} w-[5.5rem]`}>Time</th>
                <th role="columnheader" scope="col" className={`${HEADER} w-14`}>Asset</th>
                <th role="columnheader" scope="col" className={`${HEADER} w-[5.5rem] text-right`}>Quantity</th>
                <th role="columnheader" scope="col" className={`${HEADER} w-[4.5rem] text-right`}>Fee</th>
                <th role="columnheader" scope="col" className={`${HEADER} w-[5.5rem] text-right`}>Net</th>
                <th role="columnheader" scope="col" className={`${HEADER} w-32`}>Status</th>
                <th role="columnheader" scope="col" className="py-1 font-medium">Address and transaction</th>
              </tr>
            </thead>
            <tbody className="max-md:block">
              {rows.slice(0, SHOWN_ROWS).map((row) => (
                <WithdrawalRow key={row.id} row={row} />
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      <p className={`text-xs ${mutedText}`}>
        {rows.length > SHOWN_ROWS ? `The ${SHOWN_ROWS} newest of ${rows.length} are shown; the CSV holds all ${rows.length}. ` : ''}
        The list is read again every {WITHDRAWALS_POLL_MS / 1000} s while a withdrawal awaits its email confirmation or is being processed.
      </p>
    </section>
  );
}

/** Grey bars where the first rows will be, while the list is read. */
function PlaceholderRows() {
  return (
    <div aria-hidden="true" data-testid="history-placeholder" className="space-y-2 pt-1">
      {[0, 1].map((index) => (
        <div key={index} className="h-9 rounded bg-slate-100 motion-safe:animate-pulse dark:bg-slate-800" />
      ))}
    </div>
  );
}
