import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ATTEMPT_LIFETIME_MS,
  ATTEMPT_STORAGE_KEY,
  clearAttempt,
  loadAttempt,
  parseStoredAttempt,
  saveAttempt,
  subscribeToAttempts,
  tabStorage,
  type PendingAttempt,
} from './pending-attempt';

// A fixed time an hour ago: loading an attempt drops it once 24 h old.
const ATTEMPT: PendingAttempt = { asset: 'ETH', qty: '0.25', address: '0x829bd824b016326a401d083b33d092293333a830', startedAt: Math.floor(Date.now() / 1000) * 1000 - 3_600_000 };

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('parseStoredAttempt', () => {
  it('reads a stored attempt', () => {
    expect(parseStoredAttempt(JSON.stringify(ATTEMPT))).toEqual(ATTEMPT);
  });

  it('drops any field it does not know', () => {
    expect(parseStoredAttempt(JSON.stringify({ ...ATTEMPT, signature: 'abc', apiKey: 'k' }))).toEqual(ATTEMPT);
  });

  it.each([
    ['nothing', null],
    ['not JSON', '{asset'],
    ['a number', '42'],
    ['an asset id the page would never sign', JSON.stringify({ ...ATTEMPT, asset: 'ETH&qty=9' })],
    ['a quantity in exponent form', JSON.stringify({ ...ATTEMPT, qty: '1e-7' })],
    ['a quantity as a number', JSON.stringify({ ...ATTEMPT, qty: 0.25 })],
    ['an address with a space', JSON.stringify({ ...ATTEMPT, address: '0x829b d824' })],
    ['a fractional start time', JSON.stringify({ ...ATTEMPT, startedAt: 1.5 })],
    ['no start time', JSON.stringify({ ...ATTEMPT, startedAt: undefined })],
  ])('refuses %s', (_what, text) => {
    expect(parseStoredAttempt(text)).toBeNull();
  });
});

describe('saveAttempt, loadAttempt, clearAttempt', () => {
  it('round-trips through sessionStorage under one key, with exactly the four fields', () => {
    saveAttempt(sessionStorage, { ...ATTEMPT, ...{ extra: 'not stored' } } as PendingAttempt);
    expect(sessionStorage.length).toBe(1);
    expect(JSON.parse(sessionStorage.getItem(ATTEMPT_STORAGE_KEY) ?? '')).toEqual(ATTEMPT);
    expect(loadAttempt(sessionStorage)).toEqual(ATTEMPT);
    clearAttempt(sessionStorage);
    expect(sessionStorage.length).toBe(0);
    expect(loadAttempt(sessionStorage)).toBeNull();
  });

  it('removes a stored value that is not an attempt', () => {
    sessionStorage.setItem(ATTEMPT_STORAGE_KEY, '{"asset":"ETH"}');
    expect(loadAttempt(sessionStorage)).toBeNull();
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });

  it('keeps working when storage refuses', () => {
    const refuse = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(refuse);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(refuse);
    expect(() => saveAttempt(sessionStorage, ATTEMPT)).not.toThrow();
    expect(loadAttempt(sessionStorage)).toBeNull();
  });
});

describe('the attempt shared by every tab', () => {
  it('is kept in localStorage (all tabs, survives closing) with exactly the four fields, never a key or a signature', () => {
    const storage = tabStorage();
    expect(storage).toBe(localStorage);
    saveAttempt(storage, { ...ATTEMPT, ...{ apiKey: 'ak', signature: 'sig', body: 'asset=ETH' } } as PendingAttempt);
    expect(Object.keys(localStorage)).toEqual([ATTEMPT_STORAGE_KEY]);
    const stored: unknown = JSON.parse(localStorage.getItem(ATTEMPT_STORAGE_KEY) ?? '');
    expect(stored).toStrictEqual({ asset: 'ETH', qty: '0.25', address: ATTEMPT.address, startedAt: ATTEMPT.startedAt });
    expect(sessionStorage.length).toBe(0);
  });

  it('is forgotten (and removed) once 24 h old', () => {
    saveAttempt(localStorage, ATTEMPT);
    expect(loadAttempt(localStorage, ATTEMPT.startedAt + ATTEMPT_LIFETIME_MS - 1)).toEqual(ATTEMPT);
    expect(localStorage.getItem(ATTEMPT_STORAGE_KEY)).not.toBeNull();
    expect(loadAttempt(localStorage, ATTEMPT.startedAt + ATTEMPT_LIFETIME_MS)).toBeNull();
    expect(localStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });

  it('uses the current time when none is given', () => {
    vi.useFakeTimers({ now: ATTEMPT.startedAt + ATTEMPT_LIFETIME_MS + 1 });
    saveAttempt(localStorage, ATTEMPT);
    expect(loadAttempt(localStorage)).toBeNull();
  });
});

/** What the browser does in this tab when another tab writes the key (it never fires for this tab's own writes). */
function otherTabWrites(key: string | null, newValue: string | null) {
  window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: localStorage }));
}

describe('subscribeToAttempts', () => {
  it('hears another tab save and clear the attempt, and nothing after unsubscribing', () => {
    vi.useFakeTimers({ now: ATTEMPT.startedAt + 1_000 });
    const heard: (PendingAttempt | null)[] = [];
    const unsubscribe = subscribeToAttempts((pending) => heard.push(pending));
    otherTabWrites(ATTEMPT_STORAGE_KEY, JSON.stringify(ATTEMPT));
    otherTabWrites('some-other-key', 'x');
    window.dispatchEvent(new StorageEvent('storage', { key: ATTEMPT_STORAGE_KEY, newValue: JSON.stringify(ATTEMPT), storageArea: sessionStorage }));
    otherTabWrites(ATTEMPT_STORAGE_KEY, null);
    otherTabWrites(ATTEMPT_STORAGE_KEY, JSON.stringify(ATTEMPT));
    otherTabWrites(null, null);
    expect(heard).toEqual([ATTEMPT, null, ATTEMPT, null]);
    unsubscribe();
    otherTabWrites(ATTEMPT_STORAGE_KEY, JSON.stringify(ATTEMPT));
    expect(heard).toHaveLength(4);
  });

  it('takes a value that is not an attempt, or one 24 h old, as none', () => {
    vi.useFakeTimers({ now: ATTEMPT.startedAt + ATTEMPT_LIFETIME_MS });
    const onChange = vi.fn();
    const unsubscribe = subscribeToAttempts(onChange);
    otherTabWrites(ATTEMPT_STORAGE_KEY, '{"asset":"ETH","apiKey":"k"}');
    otherTabWrites(ATTEMPT_STORAGE_KEY, JSON.stringify(ATTEMPT));
    expect(onChange.mock.calls).toEqual([[null], [null]]);
    unsubscribe();
  });

  it('says the attempt is gone when it reaches 24 h while the tab is open', () => {
    vi.useFakeTimers({ now: ATTEMPT.startedAt });
    const onChange = vi.fn();
    const unsubscribe = subscribeToAttempts(onChange);
    otherTabWrites(ATTEMPT_STORAGE_KEY, JSON.stringify(ATTEMPT));
    expect(onChange).toHaveBeenLastCalledWith(ATTEMPT);
    vi.advanceTimersByTime(ATTEMPT_LIFETIME_MS - 1);
    expect(onChange).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(onChange).toHaveBeenLastCalledWith(null);
    unsubscribe();
  });
});
