/**
 * The badge in the header that names the exchange a confirmation will reach, as the app's server says: the
 * testnet, the local sandbox, or (red) MAINNET with its host, for any exchange where funds may be real.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { mutedText } from '../components/ui/tones';
import type { ExchangeTarget } from '../config/proxy-contract';

const STYLES: Record<ExchangeTarget['environment'], string> = {
  testnet: 'bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-700',
  local: 'bg-violet-100 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-100 dark:ring-violet-700',
  mainnet: 'bg-rose-700 text-white ring-rose-800 dark:ring-rose-400',
};

/** Every state of the badge has the same box (one line, same padding), so the answer arriving shifts nothing. */
const BOX = 'inline-block max-w-full rounded-full px-3 py-1 text-sm ring-1 wrap-anywhere';

/** Always visible: which exchange a confirmation will reach. */
export function EnvironmentBadge({ target }: { target: UseQueryResult<ExchangeTarget> }) {
  if (target.isPending) return <span className={`${BOX} ring-transparent ${mutedText}`}>Checking target exchange…</span>;
  if (target.isError) {
    return (
      <span role="alert" className={`${BOX} bg-rose-100 text-rose-900 ring-rose-300 dark:bg-rose-950 dark:text-rose-100 dark:ring-rose-700`}>
        Target exchange unknown: the app server did not answer
      </span>
    );
  }
  return (
    <span data-testid="environment-badge" className={`${BOX} font-semibold ${STYLES[target.data.environment]}`}>
      {target.data.label}
    </span>
  );
}
