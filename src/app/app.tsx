import { lazy, Suspense, useEffect } from 'react';
import { mutedText, strongText } from '../components/ui/tones';
import { useSessionKeys } from '../exchange/session-keys';
import { KeysPanel } from '../features/keys/components/keys-panel';
import { WithdrawPanel } from '../features/withdraw/components/withdraw-panel';
import { whenIdle } from '../lib/when-idle';
import { EnvironmentBadge } from './environment-badge';
import { MainnetBanner } from './mainnet-banner';
import { useAppTarget } from './use-app-target';

// The first screen (prerendered at build time) never shows the history: its code is fetched once the page is
// idle, or when keys are entered if that is sooner (the same import, so it is fetched once).
const loadHistory = () => import('../features/history/components/withdrawal-history');
const WithdrawalHistory = lazy(() => loadHistory().then((m) => ({ default: m.WithdrawalHistory })));

/** The page: which exchange, the keys, the withdrawal, the history. Features meet only here, through props. */
export function App() {
  const target = useAppTarget();
  const { keys } = useSessionKeys();
  useEffect(() => whenIdle(() => void loadHistory()), []);
  return (
    <div className="min-h-screen bg-slate-50 dark:bg-slate-950">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {/* The badge sits right after the title (its own line on a phone), so its text arriving moves nothing. */}
        <div className="mx-auto flex max-w-3xl flex-col items-start gap-x-4 gap-y-2 px-3 py-3 sm:flex-row sm:items-center sm:px-4 sm:py-4">
          <h1 className={`text-lg font-bold ${strongText}`}>Everstrike withdrawal</h1>
          <EnvironmentBadge target={target} />
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-4 px-3 py-4 sm:space-y-6 sm:px-4 sm:py-6">
        <MainnetBanner target={target.data} />
        <KeysPanel />
        <WithdrawPanel target={target.data} />
        {/* Loaded once there are keys: the first screen (prerendered at build time) never shows it. */}
        {keys ? (
          <Suspense>
            <WithdrawalHistory target={target.data} />
          </Suspense>
        ) : null}
        <p className={`text-xs ${mutedText}`}>
          The secret key is used in this page only, through WebCrypto, to sign each withdrawal. Requests go to this app’s own
          server, which forwards them to the exchange. Everstrike processes a withdrawal only after you confirm it from its email.
        </p>
      </main>
    </div>
  );
}
