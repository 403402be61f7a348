import { CopyButton } from '../../../components/ui/copy-button';
import type { WithdrawalRow as Row } from '../../../exchange/withdrawals';
import { formatDateTime, shortenMiddle } from '../../../lib/format';

/**
 * A long identifier (an address, a transaction hash) shortened to recognise it, complete on hover (title)
 * and for keyboard and screen-reader users on focus, with a copy button.
 */
function LongValue({ value, what, testId }: { value: string; what: string; testId: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span tabIndex={0} title={value} data-testid={testId} className="group rounded font-mono focus:outline-2 focus:outline-indigo-600">
        <span aria-hidden="true" className="group-focus:hidden">
          {shortenMiddle(value)}
        </span>
        <span className="sr-only break-all group-focus:not-sr-only">{value}</span>
      </span>
      <CopyButton label={`Copy ${what} ${shortenMiddle(value)}`} text={value} />
    </span>
  );
}

const STATUS_STYLES: Record<string, string> = {
  PENDING: 'bg-amber-100 text-amber-900',
  ACTIVE: 'bg-sky-100 text-sky-900',
  COMPLETED: 'bg-emerald-100 text-emerald-900',
  CANCELLED: 'bg-slate-200 text-slate-800',
  REJECTED: 'bg-rose-100 text-rose-900',
};

/** One withdrawal of the history: time, asset, quantity, fee and net, address, status in words, transaction. */
export function WithdrawalRow({ row }: { row: Row }) {
  const amount = (value: string | null) => (value === null ? '—' : value);
  return (
    <tr data-testid="history-row" data-withdrawal-id={row.id} className="border-t border-slate-200 align-top">
      <td className="py-1.5 pr-3 whitespace-nowrap">{row.time === null ? '—' : formatDateTime(row.time)}</td>
      <td className="py-1.5 pr-3">{row.asset}</td>
      <td className="py-1.5 pr-3 text-right font-mono">{row.qty ?? row.qtyAsGiven}</td>
      <td className="py-1.5 pr-3 text-right font-mono">{amount(row.fee)}</td>
      <td className="py-1.5 pr-3 text-right font-mono">{amount(row.net)}</td>
      <td className="py-1.5 pr-3">
        <LongValue value={row.address} what="address" testId="history-address" />
      </td>
      <td className="py-1.5 pr-3">
        <span data-testid="history-status" className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[row.status.toUpperCase()] ?? 'bg-slate-100 text-slate-900'}`}>
          {row.statusWords}
        </span>
      </td>
      <td className="py-1.5">
        {row.transactionHash ? <LongValue value={row.transactionHash} what="transaction hash" testId="history-tx" /> : <span className="text-slate-500">—</span>}
      </td>
    </tr>
  );
}
