/**
 * Which exchange the proxy forwards to, decided once at start from EVERSTRIKE_API_URL and
 * EVERSTRIKE_ALLOW_MAINNET. A target that would surprise the person (the mainnet by accident, an API key
 * in clear text over the network, a URL with a path) is refused with a ConfigError: one line to print.
 */
import type { ExchangeTarget } from '../src/config/proxy-contract.ts';

export const TESTNET_URL = 'https://api.testnet.everstrike.io';
export const MAINNET_HOST = 'api.everstrike.io';

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
  if (url.hostname === MAINNET_HOST && env.EVERSTRIKE_ALLOW_MAINNET !== 'yes') {
    throw new ConfigError(
      `EVERSTRIKE_API_URL points at the Everstrike mainnet, where withdrawals move real funds. ` +
        `Set EVERSTRIKE_ALLOW_MAINNET=yes as well to do that deliberately.`,
    );
  }

  const origin = url.origin;
  if (url.hostname === new URL(TESTNET_URL).hostname) return { url: origin, environment: 'testnet', label: 'Everstrike testnet' };
  if (url.hostname === MAINNET_HOST) return { url: origin, environment: 'mainnet', label: 'Everstrike MAINNET (real funds)' };
  if (loopback) return { url: origin, environment: 'local', label: `Local sandbox exchange (${url.host})` };
  return { url: origin, environment: 'custom', label: `Custom exchange at ${url.host}` };
}
