import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/ui/button';
import { describeError } from '../../../lib/describe-error';
import { withdrawalsQuery } from '../api/withdrawals';

/**
 * The withdrawal list, fetched only when the person asks (GET /withdrawals, API key only, no signature).
 * It is the place to look after an answer whose outcome is unknown.
 */
export function RecentWithdrawals({ apiKey }: { apiKey: string }) {
  const query = useQuery({ ...withdrawalsQuery(apiKey), enabled: false });
  const recent = query.data?.slice(0, 10);
  const failure = query.isError ? describeError(query.error) : null;
  return (
    <section aria-labelledby="withdrawals-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h3 id="withdrawals-heading" className="text-sm font-semibold text-slate-900">
          Recent withdrawals
        </h3>
        <Button variant="secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? 'Loading…' : 'Check recent withdrawals'}
        </Button>
      </div>
      {failure ? (
        <p role="alert" className="text-sm text-rose-700">
          {failure.title}: {failure.detail}
        </p>
      ) : null}
      {recent && recent.length === 0 ? <p className="text-sm text-slate-600">No withdrawals on this account.</p> : null}
      {recent && recent.length > 0 ? (
        <table className="w-full text-left text-xs">
          <thead className="text-slate-600">
            <tr>
              <th className="py-1 pr-2 font-medium">When</th>
              <th className="py-1 pr-2 font-medium">Quantity</th>
              <th className="py-1 pr-2 font-medium">Address</th>
              <th className="py-1 font-medium">Status</th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {recent.map((withdrawal) => (
              <tr key={withdrawal.id} className="border-t border-slate-200">
                <td className="py-1 pr-2">{typeof withdrawal.time === 'number' ? new Date(withdrawal.time).toLocaleString() : '—'}</td>
                <td className="py-1 pr-2">
                  {withdrawal.qty} {withdrawal.asset}
                </td>
                <td className="py-1 pr-2 break-all">{withdrawal.address}</td>
                <td className="py-1">{withdrawal.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
