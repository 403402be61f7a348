/**
 * Address poisoning: an attacker makes an address that starts and ends like one the person uses, hoping they
 * check only the ends. The history is the memory (nothing is stored): an address that shares at least its
 * first 4 and last 4 characters (after a prefix such as 0x or bc1) with an address withdrawn to before, but is
 * not that address, is a look-alike. Also which addresses were used before, and what differs between two. Pure.
 */
import { addressPrefix } from '../lib/format';
import { findInvisibleCharacters } from './invisible-characters';

/** How many characters at each end two addresses must share to look alike. */
export const LOOK_ALIKE_ENDS = 4;

const HEX_BODY = /^[0-9a-f]+$/i;

interface SplitAddress {
  prefix: string;
  body: string;
  /** Hex after 0x, or bech32: the same address in any case. */
  caseInsensitive: boolean;
}

/**
 * The chain prefix (lower-cased), the rest, and whether case matters: hex after 0x and bech32 (every other
 * known prefix) are the same address in any case.
 */
export function splitAddress(address: string): SplitAddress {
  const written = addressPrefix(address);
  const prefix = written.toLowerCase();
  const body = address.slice(written.length);
  const caseInsensitive = prefix === '0x' ? HEX_BODY.test(body) : prefix !== '';
  return { prefix, body, caseInsensitive };
}

function comparable(address: string): SplitAddress & { key: string } {
  const split = splitAddress(address);
  return { ...split, key: split.caseInsensitive ? split.body.toLowerCase() : split.body };
}

/** The same address: hex (0x…) and bech32 in any case, anything else character for character. */
export function sameAddress(a: string, b: string): boolean {
  const left = comparable(a);
  const right = comparable(b);
  if (left.caseInsensitive && right.caseInsensitive) return left.prefix === right.prefix && left.key === right.key;
  return a === b;
}

/** The previous addresses that look like `address` without being it (each once, in the order given). */
export function findLookAlikes(address: string, previous: readonly string[]): string[] {
  const typed = comparable(address);
  if (typed.body.length < LOOK_ALIKE_ENDS * 2) return [];
  const ends = (key: string) => [key.slice(0, LOOK_ALIKE_ENDS), key.slice(-LOOK_ALIKE_ENDS)];
  const [start, end] = ends(typed.key);
  const found: string[] = [];
  for (const candidate of previous) {
    const other = comparable(candidate);
    if (other.prefix !== typed.prefix || other.body.length < LOOK_ALIKE_ENDS * 2) continue;
    if (sameAddress(address, candidate) || found.some((seen) => sameAddress(seen, candidate))) continue;
    // Both must be compared the same way: a case-sensitive one against a hex one uses the exact characters.
    const insensitive = typed.caseInsensitive && other.caseInsensitive;
    const [otherStart, otherEnd] = ends(insensitive ? other.key : other.body);
    const [ownStart, ownEnd] = insensitive ? [start, end] : ends(typed.body);
    if (otherStart === ownStart && otherEnd === ownEnd) found.push(candidate);
  }
  return found;
}

/** What this module needs of a withdrawal (the exchange layer's WithdrawalRow has it). */
export interface AddressRecord {
  asset: string;
  address: string;
  /** ms since the epoch; null when unknown. */
  time: number | null;
}

export interface MarkedCharacter {
  char: string;
  differs: boolean;
}

/**
 * `a`, character by character, each marked where `b` has another character at that place (any case for hex
 * and bech32); when `a` is longer, its tail is marked.
 */
export function markDifferences(a: string, b: string): MarkedCharacter[] {
  const insensitive = splitAddress(a).caseInsensitive && splitAddress(b).caseInsensitive;
  const other = [...b];
  return [...a].map((char, index) => {
    const theirs = other[index];
    const same = theirs !== undefined && (insensitive ? theirs.toLowerCase() === char.toLowerCase() : theirs === char);
    return { char, differs: !same };
  });
}

function rowsOf(rows: readonly AddressRecord[], asset: string): AddressRecord[] {
  const wanted = asset.trim().toUpperCase();
  return rows.filter((row) => row.asset.trim().toUpperCase() === wanted);
}

/**
 * The addresses withdrawn to before for this asset, each once (as last written), newest first; rows without a
 * time last. An address with invisible characters is left out: it cannot be typed, and is never offered.
 */
export function previousAddresses(rows: readonly AddressRecord[], asset: string): string[] {
  const ordered = [...rowsOf(rows, asset)].sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity));
  const found: string[] = [];
  for (const { address } of ordered) {
    if (findInvisibleCharacters(address).length > 0) continue;
    if (!found.some((seen) => sameAddress(seen, address))) found.push(address);
  }
  return found;
}

/** No withdrawal of this asset has gone to this address before. */
export function isFirstTimeAddress(address: string, rows: readonly AddressRecord[], asset: string): boolean {
  return !rowsOf(rows, asset).some((row) => sameAddress(row.address, address));
}
