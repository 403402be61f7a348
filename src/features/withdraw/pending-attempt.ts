/**
 * The withdrawal attempt whose outcome is not known yet, kept in localStorage: shared by every tab of this
 * origin (another tab hears of it at once, through the `storage` event) and kept when the tab is closed, so
 * neither a reload nor a second tab can send it again unknowingly. It ends when its outcome is known, or after
 * 24 h. Only what identifies the withdrawal in the exchange's list: asset, quantity, address and the signed
 * timestamp. Never a key, a signature or the signed body.
 */
import { z } from 'zod/mini';
import { ASSET_ID_PATTERN, type AssetId } from '../../config/assets';
import { parseQuantity } from '../../validation/quantity';

export const ATTEMPT_STORAGE_KEY = 'everstrike-withdraw:attempt';

/** An attempt older than this is forgotten: by then the exchange's list has long said what became of it. */
export const ATTEMPT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface PendingAttempt {
  asset: AssetId;
  /** The normalised quantity that was signed. */
  qty: string;
  address: string;
  /** The timestamp that was signed: ms on the exchange-corrected clock. */
  startedAt: number;
}

const storedAttemptSchema = z.object({
  // Any asset the exchange may list (TRX, say), as long as it is an id the page would sign.
  asset: z.string().check(z.regex(ASSET_ID_PATTERN)),
  qty: z.string().check(z.refine((qty) => parseQuantity(qty).ok)),
  address: z.string().check(z.regex(/^\S+$/)),
  startedAt: z.number().check(z.int(), z.positive()),
});

/** Pure: the attempt in a stored text, or null for anything that is not exactly one (extra fields are dropped). */
export function parseStoredAttempt(text: string | null): PendingAttempt | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = storedAttemptSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Storage can be missing or refuse (disabled, full): the page then keeps working without reload safety. */
function attempt<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}

/**
 * The origin's localStorage (every tab shares it; the name is older than that), or null where the browser
 * refuses it (reading the property can throw).
 */
export function tabStorage(): Storage | null {
  return attempt(() => window.localStorage, null);
}

const expired = (pending: PendingAttempt, now: number) => now - pending.startedAt >= ATTEMPT_LIFETIME_MS;

export function saveAttempt(storage: Storage | null, pending: PendingAttempt): void {
  const { asset, qty, address, startedAt } = pending;
  attempt(() => storage?.setItem(ATTEMPT_STORAGE_KEY, JSON.stringify({ asset, qty, address, startedAt })), undefined);
}

/** The stored attempt; a stored value that is not one, or an attempt 24 h old, is removed. */
export function loadAttempt(storage: Storage | null, now = Date.now()): PendingAttempt | null {
  const text = attempt(() => storage?.getItem(ATTEMPT_STORAGE_KEY) ?? null, null);
  const pending = parseStoredAttempt(text);
  if (pending !== null && !expired(pending, now)) return pending;
  if (text !== null) clearAttempt(storage);
  return null;
}

export function clearAttempt(storage: Storage | null): void {
  attempt(() => storage?.removeItem(ATTEMPT_STORAGE_KEY), undefined);
}

/**
 * Calls `onChange` when ANOTHER tab of this origin saves or clears the attempt (the browser fires `storage`
 * only in the other tabs, so a tab never hears its own save), with the attempt now stored or null; and with
 * null when the attempt heard of reaches 24 h. Returns the unsubscribe function (for a useEffect cleanup).
 */
export function subscribeToAttempts(onChange: (pending: PendingAttempt | null) => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  let expiry: ReturnType<typeof setTimeout> | undefined;
  const onStorage = (event: StorageEvent) => {
    // Only the storage the attempt lives in (never another tab's sessionStorage); a null key is clear().
    if (event.storageArea !== tabStorage()) return;
    if (event.key !== null && event.key !== ATTEMPT_STORAGE_KEY) return;
    clearTimeout(expiry);
    const parsed = event.key === null ? null : parseStoredAttempt(event.newValue);
    const pending = parsed !== null && !expired(parsed, Date.now()) ? parsed : null;
    if (pending) expiry = setTimeout(() => onChange(null), pending.startedAt + ATTEMPT_LIFETIME_MS - Date.now());
    onChange(pending);
  };
  window.addEventListener('storage', onStorage);
  return () => {
    clearTimeout(expiry);
    window.removeEventListener('storage', onStorage);
  };
}
