import type { UseQueryResult } from '@tanstack/react-query';
import type { ExchangeTarget } from '../config/proxy-contract';

const STYLES: Record<ExchangeTarget['environment'], string> = {
  testnet: 'bg-sky-100 text-sky-900 ring-sky-300',
  local: 'bg-violet-100 text-violet-900 ring-violet-300',
  custom: 'bg-amber-100 text-amber-900 ring-amber-300',
  mainnet: 'bg-rose-600 text-white ring-rose-700',
};

/** Always visible: which exchange a confirmation will reach. */
export function EnvironmentBadge({ target }: { target: UseQueryResult<ExchangeTarget> }) {
  if (target.isPending) return <span className="text-sm text-slate-500">Checking target exchange…</span>;
  if (target.isError) {
    return (
      <span role="alert" className="rounded-full bg-rose-100 px-3 py-1 text-sm text-rose-900 ring-1 ring-rose-300">
        Target exchange unknown: the app server did not answer
      </span>
    );
  }
  return (
    <span data-testid="environment-badge" className={`rounded-full px-3 py-1 text-sm font-semibold ring-1 ${STYLES[target.data.environment]}`}>
      {target.data.label}
    </span>
  );
}
