import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_STORAGE_KEY, clearAttempt, loadAttempt, parseStoredAttempt, saveAttempt, type PendingAttempt } from './pending-attempt';

const ATTEMPT: PendingAttempt = { asset: 'ETH', qty: '0.25', address: '0x829bd824b016326a401d083b33d092293333a830', startedAt: 1_764_000_000_000 };

beforeEach(() => {
  sessionStorage.clear();
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
    ['an unknown asset', JSON.stringify({ ...ATTEMPT, asset: 'DOGE' })],
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
