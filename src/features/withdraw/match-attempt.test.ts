import { describe, expect, it } from 'vitest';
import { toWithdrawalRow, type WithdrawalRow } from '../../exchange/withdrawals';
import { ApiError } from '../../lib/api-client';
import { findAttemptMatch, resolutionInWords, resolveAttempt, sameAddress } from './match-attempt';
import type { PendingAttempt } from './pending-attempt';

const ETH = '0x829bd824b016326a401d083b33d092293333a830';
const STARTED = 1_764_000_000_000;
const ATTEMPT: PendingAttempt = { asset: 'USDT', qty: '1250.5', address: ETH, startedAt: STARTED };

function row(overrides: Partial<Parameters<typeof toWithdrawalRow>[0]> = {}): WithdrawalRow {
  return toWithdrawalRow({ id: 'wd_1', asset: 'USDT', qty: '1250.5', net: '1245.5', address: ETH, status: 'PENDING', time: STARTED + 120, ...overrides });
}

describe('findAttemptMatch', () => {
  it('finds the withdrawal with the same asset, quantity and address created after the attempt started', () => {
    expect(findAttemptMatch(ATTEMPT, [row()])?.id).toBe('wd_1');
  });

  it('compares the quantity as an exact decimal, whatever its form', () => {
    expect(findAttemptMatch(ATTEMPT, [row({ qty: '1250.50000000' })])?.id).toBe('wd_1');
    expect(findAttemptMatch(ATTEMPT, [row({ qty: 1250.5 })])?.id).toBe('wd_1');
    expect(findAttemptMatch({ ...ATTEMPT, qty: '1.5' }, [row({ qty: '1.50' })])?.id).toBe('wd_1');
    expect(findAttemptMatch(ATTEMPT, [row({ qty: '1250.50000001' })])).toBeNull();
    expect(findAttemptMatch(ATTEMPT, [row({ qty: '1e3' })])).toBeNull();
  });

  it('needs the same asset and address', () => {
    expect(findAttemptMatch(ATTEMPT, [row({ asset: 'DAI' })])).toBeNull();
    expect(findAttemptMatch(ATTEMPT, [row({ address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' })])).toBeNull();
    expect(findAttemptMatch(ATTEMPT, [row({ asset: 'usdt' })])?.id).toBe('wd_1');
  });

  it('accepts a time up to 5 s before the signed timestamp (the exchange’s window), not earlier', () => {
    expect(findAttemptMatch(ATTEMPT, [row({ time: STARTED - 5_000 })])?.id).toBe('wd_1');
    expect(findAttemptMatch(ATTEMPT, [row({ time: STARTED - 5_001 })])).toBeNull();
    expect(findAttemptMatch(ATTEMPT, [row({ time: STARTED - 60_000 })])).toBeNull();
  });

  it('counts a row whose time cannot be read as a possible match, the safe mistake', () => {
    expect(findAttemptMatch(ATTEMPT, [row({ time: 'sometime' })])?.id).toBe('wd_1');
  });

  it('picks the newest of several candidates', () => {
    const rows = [row({ id: 'a', time: STARTED + 10 }), row({ id: 'b', time: STARTED + 900 }), row({ id: 'c', time: STARTED + 50 })];
    expect(findAttemptMatch(ATTEMPT, rows)?.id).toBe('b');
  });

  it('finds nothing in an empty list or among other withdrawals', () => {
    expect(findAttemptMatch(ATTEMPT, [])).toBeNull();
    expect(findAttemptMatch(ATTEMPT, [row({ asset: 'ETH', qty: '0.25' })])).toBeNull();
  });
});

describe('sameAddress', () => {
  it('ignores case for 0x and bech32 addresses', () => {
    expect(sameAddress(ETH, ETH.toUpperCase().replace('0X', '0x'))).toBe(true);
    expect(sameAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(true);
    expect(sameAddress('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toBe(true);
  });

  it('is exact for Base58 addresses, where case is part of the address', () => {
    expect(sameAddress('n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8')).toBe(true);
    expect(sameAddress('n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', 'n4jew3azxvfuit48edcg9mngaljlriake8')).toBe(false);
  });

  it('never matches different addresses', () => {
    expect(sameAddress(ETH, '0x829bd824b016326a401d083b33d092293333a831')).toBe(false);
  });
});

describe('resolveAttempt', () => {
  const unresolved = { attempt: ATTEMPT, readAfter: 10_000, restored: false };
  const list = (data: WithdrawalRow[] | undefined, dataUpdatedAt: number, error: unknown = null, errorUpdatedAt = 0) => ({ data, dataUpdatedAt, error, errorUpdatedAt });

  it('needs keys to read the list', () => {
    expect(resolveAttempt(unresolved, false, list([row()], 20_000))).toEqual({ kind: 'needs-keys' });
  });

  it('says "found" or "not found" only from a list read after readAfter', () => {
    expect(resolveAttempt(unresolved, true, list([row()], 20_000))).toMatchObject({ kind: 'found', row: { id: 'wd_1' }, asOf: 20_000 });
    expect(resolveAttempt(unresolved, true, list([], 10_000))).toEqual({ kind: 'not-found', asOf: 10_000 });
    // A list read before the outcome was known says nothing about this attempt, whatever it holds.
    expect(resolveAttempt(unresolved, true, list([], 9_999))).toEqual({ kind: 'reading' });
    expect(resolveAttempt(unresolved, true, list([row()], 9_999))).toEqual({ kind: 'reading' });
    expect(resolveAttempt(unresolved, true, list(undefined, 0))).toEqual({ kind: 'reading' });
  });

  it('words a failed read made after readAfter, and ignores an older failure', () => {
    const failure = new ApiError({ kind: 'network', method: 'GET', message: 'The connection failed: Failed to fetch' });
    expect(resolveAttempt(unresolved, true, list(undefined, 0, failure, 12_000))).toEqual({
      kind: 'read-failed',
      problem: 'The connection failed: The connection failed: Failed to fetch.',
    });
    expect(resolveAttempt(unresolved, true, list(undefined, 0, failure, 5_000))).toEqual({ kind: 'reading' });
  });
});

describe('resolutionInWords', () => {
  it('says plainly whether the exchange has it', () => {
    const time = new Date(2026, 10, 25, 14, 30, 5).getTime();
    expect(resolutionInWords({ kind: 'found', row: row({ id: 'wd_9', time }), asOf: time })).toBe(
      'The exchange has it: withdrawal wd_9, awaiting email confirmation, 2026-11-25 14:30:05.',
    );
    expect(resolutionInWords({ kind: 'found', row: row({ status: 'COMPLETED', time: null }), asOf: time })).toBe(
      'The exchange has it: withdrawal wd_1, completed, time unknown.',
    );
    expect(resolutionInWords({ kind: 'not-found', asOf: time })).toBe('Not in the list as of 14:30:05. It may still appear: the list is read again every 5 s.');
  });

  it('says what the page is waiting for', () => {
    expect(resolutionInWords({ kind: 'needs-keys' })).toMatch(/^Add your API key and secret above/);
    expect(resolutionInWords({ kind: 'reading' })).toBe('Reading your withdrawal list…');
    expect(resolutionInWords({ kind: 'read-failed', problem: 'No answer in time: No answer within 10 s.' })).toBe(
      'Your withdrawal list could not be read (No answer in time: No answer within 10 s.) Check it on the exchange before you send again.',
    );
  });
});
