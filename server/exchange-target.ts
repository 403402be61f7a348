/**
 * Which exchange the proxy forwards to, decided once at start from EVERSTRIKE_API_URL and
 * EVERSTRIKE_ALLOW_MAINNET. Real funds are never a surprise: only the Everstrike testnet's names and this
 * machine count as play money; every other exchange (the mainnet under either of its names, or any custom
 * host, which may well be a mainnet too) needs EVERSTRIKE_ALLOW_MAINNET=yes and is shown as MAINNET with its
 * host. A target that would surprise the person (real funds by accident, an API key in clear text over the
 * network, a URL with a path) is refused with a ConfigError: one line to print.
 */
import type { ExchangeTarget } from '../src/config/proxy-contract.ts';

export const TESTNET_URL = 'https://api.testnet.everstrike.io';
/** The testnet's names: the one the exchange documents, and the .com one its own client's naming suggests. */
export const TESTNET_HOSTS: readonly string[] = ['api.testnet.everstrike.io', 'api.testnet.everstrike.com'];
/** The mainnet's names (the exchange's own client uses the .com one): real funds. */
export const MAINNET_HOSTS: readonly string[] = ['api.everstrike.io', 'api.everstrike.com'];

/** A configuration the server refuses to start with. Its message is the whole story: print it, exit 1. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** True for names and addresses that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/** Reads EVERSTRIKE_API_URL (default: the testnet) and refuses targets that would surprise the person. */
export function resolveEverstrikeTarget(env: Readonly<Record<string, string | undefined>>): ExchangeTarget {
  const raw = env.EVERSTRIKE_API_URL?.trim() || TESTNET_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`EVERSTRIKE_API_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`EVERSTRIKE_API_URL must be an http(s) URL, got ${url.protocol}`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(`EVERSTRIKE_API_URL must be an origin only, like ${TESTNET_URL} (got ${raw})`);
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    throw new ConfigError(
      `EVERSTRIKE_API_URL must use https for a non-local exchange: your API key would travel in clear text to ${url.host}`,
    );
  }
  const origin = url.origin;
  if (TESTNET_HOSTS.includes(url.hostname)) return { url: origin, environment: 'testnet', label: 'Everstrike testnet' };
  if (loopback) return { url: origin, environment: 'local', label: `Local sandbox exchange (${url.host})` };

  // Everything else may move real funds.
  if (env.EVERSTRIKE_ALLOW_MAINNET !== 'yes') {
    const what = MAINNET_HOSTS.includes(url.hostname)
      ? `the Everstrike mainnet (${url.host}), where withdrawals move real funds`
      : `${url.host}, which is not the Everstrike testnet: withdrawals there may move real funds`;
    throw new ConfigError(`EVERSTRIKE_API_URL points at ${what}. Set EVERSTRIKE_ALLOW_MAINNET=yes as well to do that deliberately.`);
  }
  return { url: origin, environment: 'mainnet', label: `MAINNET: real funds — ${url.host}` };
}
