/**
 * The red banner above everything when the app's server targets an exchange where funds may be real (the
 * Everstrike mainnet or any host that is not the testnet or this machine), naming that exchange's host as the
 * server labels it: "MAINNET: real funds — api.everstrike.com".
 */
import type { ExchangeTarget } from '../config/proxy-contract';

export function MainnetBanner({ target }: { target: ExchangeTarget | undefined }) {
  if (target?.environment !== 'mainnet') return null;
  return (
    <p role="alert" data-testid="mainnet-banner" className="rounded-md bg-rose-700 p-3 text-sm font-semibold text-white wrap-anywhere">
      {target.label}. Withdrawals from this page move real funds.
    </p>
  );
}
