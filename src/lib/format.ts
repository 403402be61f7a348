/**
 * Pure text formatting for what the page shows: addresses, durations, times. No React, no I/O.
 */

/** Splits an address into groups of four for reading aloud or comparing by eye; a 0x prefix stands alone. */
export function groupAddress(address: string): string[] {
  const prefix = address.startsWith('0x') ? '0x' : '';
  const rest = address.slice(prefix.length);
  const groups = rest.match(/.{1,4}/g) ?? [];
  return prefix ? [prefix, ...groups] : groups;
}

/** A signed duration in seconds with one decimal, for clock offsets. */
export function formatSeconds(ms: number): string {
  return `${(Math.abs(ms) / 1000).toFixed(1)} s`;
}

/** Fewer than this many characters at each end makes a look-alike address hard to tell apart. */
export const SHORTEN_KEEP_AT_LEAST = 6;

/**
 * A chain prefix that every address of the chain shares, so it tells two addresses apart not at all: 0x, the
 * bech32 ones (bc1, tb1, cosmos1, addr1, addr_test1, bnb1) and Avalanche's X-avax1 / P-avax1. Any case.
 */
const ADDRESS_PREFIX = /^(?:0x|addr_test1|addr1|cosmos1|bnb1|bc1|tb1|[xp]-avax1)/i;

/** The address's chain prefix as written, or '' when it has none of the known ones. */
export function addressPrefix(address: string): string {
  return ADDRESS_PREFIX.exec(address)?.[0] ?? '';
}

/**
 * The start and end of a long identifier (an address, a hash), enough to tell it from a look-alike:
 * `0x829bd8…33a830`. At least 6 characters on each side after the prefix, whatever `keep` asks.
 */
export function shortenMiddle(text: string, keep = SHORTEN_KEEP_AT_LEAST): string {
  const kept = Math.max(keep, SHORTEN_KEEP_AT_LEAST);
  const prefix = addressPrefix(text);
  const rest = [...text.slice(prefix.length)];
  if (rest.length <= kept * 2 + 1) return text;
  return `${prefix}${rest.slice(0, kept).join('')}…${rest.slice(-kept).join('')}`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Local wall-clock time, 24 h, to the second: `19:07:43`. */
export function formatClockTime(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Local date and time to the second, unambiguous in every locale: `2026-11-25 19:07:43`. */
export function formatDateTime(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${formatClockTime(ms)}`;
}
