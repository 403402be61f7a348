/**
 * The production server's configuration, from the environment: which exchange (EVERSTRIKE_API_URL,
 * EVERSTRIKE_ALLOW_MAINNET), where to listen (HOST, PORT), and the names it is served under besides the
 * loopback ones (PUBLIC_HOSTS). A bad value is a ConfigError with a one-line message; a risky but valid one
 * (listening beyond this machine) is a warning to print.
 */
import type { ExchangeTarget } from '../src/config/proxy-contract.ts';
import { parsePublicHosts } from './allowed-hosts.ts';
import { ConfigError, isLoopbackHost, resolveEverstrikeTarget } from './exchange-target.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5173;

export interface ServerConfig {
  host: string;
  port: number;
  target: ExchangeTarget;
  /** Host names served through an https front (PUBLIC_HOSTS), as the browser sends them. */
  publicHosts: string[];
  /** Lines to print as warnings before serving. */
  warnings: string[];
}

export function parsePort(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text.trim()) || port > 65_535) throw new ConfigError(`PORT must be a port number from 0 to 65535, got "${text}"`);
  return port;
}

export function readServerConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const target = resolveEverstrikeTarget(env);
  const host = env.HOST?.trim() || DEFAULT_HOST;
  const port = parsePort(env.PORT);
  const publicHosts = parsePublicHosts(env.PUBLIC_HOSTS);
  const warnings: string[] = [];
  if (!isLoopbackHost(host)) {
    warnings.push(
      `HOST=${host}: the app and its /api proxy are reachable from the network, and browsers give the page WebCrypto ` +
        `only on https or localhost. Serve it to others only behind an https front (see the README)` +
        (publicHosts.length === 0 ? '; requests under any name but 127.0.0.1, localhost and [::1] get 421 until PUBLIC_HOSTS lists it.' : '.'),
    );
  }
  return { host, port, target, publicHosts, warnings };
}
