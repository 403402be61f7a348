/**
 * The withdrawal lifecycle and its balances, without HTTP and on fake time: every step's balances are exact, and
 * reset/dispose leave no timer behind.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toUnits } from './amounts.mjs';
import { createLedger } from './ledger.mjs';
import type { Withdrawal } from './types.mjs';

const T0 = 1_763_900_000_000;
const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const events: string[] = [];

function newLedger(processingMs = 1000) {
  return createLedger({ now: () => Date.now(), processingMs, onEvent: (type, w) => events.push(`${type} ${w.id}`) });
}

type Ledger = ReturnType<typeof newLedger>;

/** The ETH balance in 1e-8 units (compared with `units(…)` written as decimals). */
function eth(ledger: Ledger) {
  const { free, locked, withdrawn } = ledger.balanceOf('ETH');
  return { free, locked, withdrawn };
}

const units = (free: string, locked: string, withdrawn: string) => ({
  free: toUnits(free),
  locked: toUnits(locked),
  withdrawn: toUnits(withdrawn),
});

function submit(ledger: Ledger, qty = '0.25'): Withdrawal {
  const withdrawal = ledger.submit({ asset: 'ETH', qty: toUnits(qty), fee: toUnits('0.005'), address: ADDRESS });
  if (!withdrawal) throw new Error('refused');
  return withdrawal;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  events.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the withdrawal lifecycle', () => {
  it('PENDING (locked) → ACTIVE (still locked) → COMPLETED after processingMs (withdrawn), exact at each step', () => {
    const ledger = newLedger(1000);
    const w = submit(ledger);
    expect(w).toMatchObject({ status: 'PENDING', emailConfirmed: false, transactionHash: null, time: T0 });
    expect(w.net).toBe(toUnits('0.245'));
    expect(eth(ledger)).toEqual(units('9.75', '0.25', '0'));

    expect(ledger.confirm(w.id)).toEqual({ changed: true, withdrawal: w });
    expect(w).toMatchObject({ status: 'ACTIVE', emailConfirmed: true, transactionHash: null });
    expect(eth(ledger)).toEqual(units('9.75', '0.25', '0'));

    vi.advanceTimersByTime(999);
    expect(w.status).toBe('ACTIVE');
    vi.advanceTimersByTime(1);
    expect(w.status).toBe('COMPLETED');
    expect(w.transactionHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(eth(ledger)).toEqual(units('9.75', '0', '0.25'));
    expect(events).toEqual([`accepted ${w.id}`, `confirmed ${w.id}`, `completed ${w.id}`]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('confirming twice is harmless: one timer, one completion', () => {
    const ledger = newLedger();
    const w = submit(ledger);
    ledger.confirm(w.id);
    expect(ledger.confirm(w.id)).toEqual({ changed: false, withdrawal: w });
    expect(vi.getTimerCount()).toBe(1);
    vi.runAllTimers();
    expect(ledger.confirm(w.id)).toEqual({ changed: false, withdrawal: w });
    expect(eth(ledger)).toEqual(units('9.75', '0', '0.25'));
    expect(events.filter((e) => e.startsWith('completed'))).toHaveLength(1);
  });

  it('cancel while PENDING: CANCELLED, locked → free; then neither confirm nor cancel changes anything', () => {
    const ledger = newLedger();
    const w = submit(ledger);
    expect(ledger.cancel(w.id)).toEqual({ changed: true, withdrawal: w });
    expect(w.status).toBe('CANCELLED');
    expect(eth(ledger)).toEqual(units('10', '0', '0'));
    expect(ledger.cancel(w.id)?.changed).toBe(false);
    expect(ledger.confirm(w.id)?.changed).toBe(false);
    expect(w.status).toBe('CANCELLED');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancel after confirm changes nothing', () => {
    const ledger = newLedger();
    const w = submit(ledger);
    ledger.confirm(w.id);
    expect(ledger.cancel(w.id)).toEqual({ changed: false, withdrawal: w });
    vi.runAllTimers();
    expect(ledger.cancel(w.id)?.changed).toBe(false);
    expect(eth(ledger)).toEqual(units('9.75', '0', '0.25'));
  });

  it('answers undefined for an unknown id', () => {
    const ledger = newLedger();
    expect(ledger.confirm('wd_nope')).toBeUndefined();
    expect(ledger.cancel('wd_nope')).toBeUndefined();
    expect(ledger.get('wd_nope')).toBeUndefined();
  });

  it('refuses more than the free balance, and accepts all of it', () => {
    const ledger = newLedger();
    expect(ledger.submit({ asset: 'ETH', qty: toUnits('10.00000001'), fee: 0n, address: ADDRESS })).toBeUndefined();
    expect(submit(ledger, '10').status).toBe('PENDING');
    expect(eth(ledger)).toEqual(units('0', '10', '0'));
  });

  it('lists newest first and finds by id', () => {
    const ledger = newLedger();
    const [a, b, c] = [submit(ledger, '1'), submit(ledger, '2'), submit(ledger, '3')];
    expect(ledger.list()).toEqual([c, b, a]);
    expect(ledger.get(b.id)).toBe(b);
  });
});

describe('reset and dispose', () => {
  it('reset restores balances and permission, forgets withdrawals and cancels processing timers', () => {
    const ledger = newLedger();
    const w = submit(ledger);
    ledger.confirm(w.id);
    ledger.setFree('BTC', 0n);
    ledger.setWithdrawEnabled(false);
    expect(vi.getTimerCount()).toBe(1);
    ledger.reset();
    expect(vi.getTimerCount()).toBe(0);
    expect(ledger.list()).toEqual([]);
    expect(eth(ledger)).toEqual(units('10', '0', '0'));
    expect(ledger.balanceOf('BTC').free).toBe(toUnits('1.5'));
    expect(ledger.isWithdrawEnabled()).toBe(true);
    vi.runAllTimers();
    expect(events.some((e) => e.startsWith('completed'))).toBe(false);
  });

  it('dispose cancels processing timers', () => {
    const ledger = newLedger();
    ledger.confirm(submit(ledger).id);
    ledger.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('setFree changes only the free balance; balanceOf returns a copy', () => {
    const ledger = newLedger();
    submit(ledger, '1');
    ledger.setFree('ETH', toUnits('0.5'));
    const copy = ledger.balanceOf('ETH');
    copy.free = 0n;
    expect(eth(ledger)).toEqual(units('0.5', '1', '0'));
  });
});
