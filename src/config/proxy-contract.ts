/**
 * What the page and the app's server (server/proxy-plugin.ts, Node side) agree on. Plain constants and types
 * only: the browser build and the server both import this file.
 */

/** The page's requests to the exchange go to this prefix on its own origin. */
export const API_PREFIX = '/api';

/** Answered by the app's own server (never forwarded): which exchange its proxy targets. */
export const TARGET_INFO_PATH = '/__everstrike/target';

/**
 * Header on answers the proxy wrote itself (it removes it from the exchange's answers), so the page never
 * mistakes them for the exchange's: `not-forwarded` (off the list, or a request the proxy refused: 400, 403 sent
 * by another site, 408, 413, 415, 417, 421 not this server's name, 431; nothing was forwarded), `not-delivered` (could not connect: nothing reached the exchange),
 * `outcome-unknown` (broke mid-way, no answer in time, an oversized answer or a redirect: it may have acted).
 */
export const PROXY_FAILURE_HEADER = 'x-everstrike-proxy';

/**
 * `testnet`: the Everstrike testnet; `local`: an exchange on this machine (the sandbox); `mainnet`: any other
 * exchange, the Everstrike mainnet or a custom host alike, since withdrawals there may move real funds.
 */
export const ENVIRONMENTS = ['testnet', 'mainnet', 'local'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Which exchange the app's proxy forwards to: decided by the server, shown by the page. */
export interface ExchangeTarget {
  /** The upstream origin, e.g. https://api.testnet.everstrike.io */
  url: string;
  environment: Environment;
  /** What the page shows as the target of a withdrawal; for `mainnet`, "MAINNET: real funds — <host>". */
  label: string;
}
