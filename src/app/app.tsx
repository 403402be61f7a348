import { lazy, Suspense } from 'react';
import { useSessionKeys } from '../exchange/session-keys';
import { KeysPanel } from '../features/keys/components/keys-panel';
import { WithdrawPanel } from '../features/withdraw/components/withdraw-panel';
import { EnvironmentBadge } from './environment-badge';
import { useAppTarget } from './use-app-target';

const WithdrawalHistory = lazy(() => import('../features/history/components/withdrawal-history').then((m) => ({ default: m.WithdrawalHistory })));

/** The page: which exchange, the keys, the withdrawal, the history. Features meet only here, through props. */
export function App() {
  const target = useAppTarget();
  const { keys } = useSessionKeys();
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-4">
          <h1 className="text-lg font-bold text-slate-900">Everstrike withdrawal</h1>
          <EnvironmentBadge target={target} />
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        {target.data?.environment === 'mainnet' ? (
          <p role="alert" className="rounded-md bg-rose-600 p-3 text-sm font-semibold text-white">
            This app is connected to the Everstrike MAINNET. Withdrawals move real funds.
          </p>
        ) : null}
        <KeysPanel />
        <WithdrawPanel target={target.data} />
        {/* Loaded once there are keys: the first screen (prerendered at build time) never shows it. */}
        {keys ? (
          <Suspense>
            <WithdrawalHistory target={target.data} />
          </Suspense>
        ) : null}
        <p className="text-xs text-slate-500">
          The secret key is used in this page only, through WebCrypto, to sign each withdrawal. Requests go to this app’s own
          server, which forwards them to the exchange. Everstrike processes a withdrawal only after you confirm it from its email.
        </p>
      </main>
    </div>
  );
}
