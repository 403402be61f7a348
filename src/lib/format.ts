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

/** The start and end of a long identifier (an address, a hash), enough to recognise it: `0x829b…a830`. */
export function shortenMiddle(text: string, keep = 4): string {
  const prefix = text.startsWith('0x') ? '0x' : '';
  const rest = text.slice(prefix.length);
  if (rest.length <= keep * 2 + 1) return text;
  return `${prefix}${rest.slice(0, keep)}…${rest.slice(-keep)}`;
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
