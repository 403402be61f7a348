/**
 * The withdrawal attempt whose outcome is not known yet, kept in this tab's sessionStorage so that a reload
 * in the middle of a send does not forget it. Only what identifies the withdrawal in the exchange's list:
 * asset, quantity, address and the signed timestamp. Never a key, a signature or the signed body.
 */
import { z } from 'zod/mini';
import { ASSET_IDS, type AssetId } from '../../config/assets';
import { parseQuantity } from '../../validation/quantity';

export const ATTEMPT_STORAGE_KEY = 'everstrike-withdraw:attempt';

export interface PendingAttempt {
  asset: AssetId;
  /** The normalised quantity that was signed. */
  qty: string;
  address: string;
  /** The timestamp that was signed: ms on the exchange-corrected clock. */
  startedAt: number;
}

const storedAttemptSchema = z.object({
  asset: z.enum(ASSET_IDS),
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

/** This tab's sessionStorage, or null where the browser refuses it (reading the property can throw). */
export function tabStorage(): Storage | null {
  return attempt(() => window.sessionStorage, null);
}

export function saveAttempt(storage: Storage | null, pending: PendingAttempt): void {
  const { asset, qty, address, startedAt } = pending;
  attempt(() => storage?.setItem(ATTEMPT_STORAGE_KEY, JSON.stringify({ asset, qty, address, startedAt })), undefined);
}

/** The stored attempt; a stored value that is not one is removed. */
export function loadAttempt(storage: Storage | null): PendingAttempt | null {
  const text = attempt(() => storage?.getItem(ATTEMPT_STORAGE_KEY) ?? null, null);
  const pending = parseStoredAttempt(text);
  if (text !== null && pending === null) clearAttempt(storage);
  return pending;
}

export function clearAttempt(storage: Storage | null): void {
  attempt(() => storage?.removeItem(ATTEMPT_STORAGE_KEY), undefined);
}
