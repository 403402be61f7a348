import type { ReactNode } from 'react';
import { CopyButton } from '../../../components/ui/copy-button';
import { callout, focusRing, mutedText } from '../../../components/ui/tones';
import type { WithdrawalRow as Row } from '../../../exchange/withdrawals';
import { formatDateTime, shortenMiddle } from '../../../lib/format';
import { revealInvisible } from '../../../validation/invisible-characters';

/**
 * A long identifier (an address, a transaction hash) from the exchange, shortened to recognise it (6 + 6 at
 * least), complete on hover (title) and for keyboard and screen-reader users on focus, with a copy button.
 * Invisible characters (a U+202E that reverses it on screen) are shown and copied made visible, `⟨U+202E⟩`,
 * never raw, and the value is marked suspicious.
 */
function LongValue({ value, what, testId }: { value: string; what: string; testId: string }) {
  const { text, suspicious } = revealInvisible(value);
  return (
    <span className="inline-flex min-h-5 flex-wrap items-center gap-1">
      <span tabIndex={0} title={text} data-testid={testId} className={`group rounded font-mono ${focusRing}`}>
        <span aria-hidden="true" className="group-focus:hidden">
          {shortenMiddle(text)}
        </span>
        <span className="sr-only break-all group-focus:not-sr-only">{text}</span>
      </span>
      {suspicious ? (
        <span data-testid={`${testId}-suspicious`} className={`rounded px-1 text-xs font-semibold ring-1 ${callout.danger}`}>
          Suspicious: contains invisible characters
        </span>
      ) : null}
      <CopyButton label={`Copy ${what} ${shortenMiddle(text)}`} text={text} />
    </span>
  );
}

const STATUS_STYLES: Record<string, string> = {
  PENDING: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  ACTIVE: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100',
  COMPLETED: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  CANCELLED: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  REJECTED: 'bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100',
};
const OTHER_STATUS = 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100';

/**
 * A cell: in the table from 768 px; below, a line of a stacked list with its label shown in front (the
 * label is for the eye only there: the column header, kept for screen readers, already names the value).
 */
function Cell({ label, children, className = '', changes = false }: { label: string; children: ReactNode; className?: string; changes?: boolean }) {
  // A value that changes while on screen (the status) starts right after its label: set flush right, a new
  // word of another length would move it.
  const justify = changes ? 'max-md:justify-start' : 'max-md:justify-between';
  return (
    <td role="cell" className={`py-1.5 pr-3 align-top max-md:flex max-md:items-baseline ${justify} max-md:gap-2 max-md:py-0 max-md:pr-0 ${className}`}>
      <span aria-hidden="true" className={`md:hidden ${mutedText}`}>
        {label}
      </span>
      <span className="min-w-0">{children}</span>
    </td>
  );
}

/** One withdrawal of the history: time, asset, quantity, fee and net, status in words, address and transaction. */
export function WithdrawalRow({ row }: { row: Row }) {
  const amount = (value: string | null) => (value === null ? '—' : value);
  return (
    <tr
      role="row"
      data-testid="history-row"
      data-withdrawal-id={row.id}
      className="border-t border-slate-200 dark:border-slate-700 max-md:grid max-md:grid-cols-2 max-md:gap-x-6 max-md:gap-y-1 max-md:py-3"
    >
      <Cell label="Time" className="max-md:col-span-2">
        {row.time === null ? '—' : formatDateTime(row.time)}
      </Cell>
      <Cell label="Asset">{revealInvisible(row.asset).text}</Cell>
      <Cell label="Quantity" className="font-mono md:text-right">
        {row.qty ?? row.qtyAsGiven}
      </Cell>
      <Cell label="Fee" className="font-mono md:text-right">
        {amount(row.fee)}
      </Cell>
      <Cell label="Net" className="font-mono md:text-right">
        {amount(row.net)}
      </Cell>
      <Cell label="Status" className="max-md:col-span-2" changes>
        <span data-testid="history-status" className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[row.status.toUpperCase()] ?? OTHER_STATUS}`}>
          {row.statusWords}
        </span>
      </Cell>
      {/* Two lines, always (the transaction is "—" until there is one), so a row keeps its height. */}
      <td role="cell" className="space-y-1 py-1.5 align-top max-md:col-span-2 max-md:space-y-1 max-md:py-0">
        <span className="flex items-baseline justify-between gap-2 md:block">
          <span className={`md:sr-only ${mutedText}`}>Address</span>
          <LongValue value={row.address} what="address" testId="history-address" />
        </span>
        <span className="flex items-baseline justify-between gap-2 md:block">
          <span className={`md:sr-only ${mutedText}`}>Transaction</span>
          {row.transactionHash ? (
            <LongValue value={row.transactionHash} what="transaction hash" testId="history-tx" />
          ) : row.status.trim().toUpperCase() === 'PENDING' ? (
            // The API has no cancel: the confirmation email holds the withdrawal's cancel link. One short line
            // where the transaction will be, so the row keeps its height when the status moves on.
            <span data-testid="history-cancel-hint" className={`inline-flex min-h-5 items-center ${mutedText}`}>
              To cancel: the link in its email
            </span>
          ) : (
            <span className={`inline-flex min-h-5 items-center ${mutedText}`}>—</span>
          )}
        </span>
      </td>
    </tr>
  );
}
