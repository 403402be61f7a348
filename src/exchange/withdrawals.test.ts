import { describe, expect, it } from 'vitest';
import { newestFirst, timeInMs, toWithdrawalRow, withdrawalsPollInterval, type WithdrawalRow } from './withdrawals';

const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const sandboxEntry = {
  id: 'wd_1a2b3c',
  asset: 'ETH',
  qty: '1.5',
  net: '1.495',
  fee: '0.005',
  address: ADDRESS,
  status: 'PENDING',
  time: 1_764_000_000_000,
  email_confirmed: false,
  transaction: null,
};

describe('toWithdrawalRow', () => {
  it('reads a sandbox entry exactly, with the status in words', () => {
    expect(toWithdrawalRow(sandboxEntry)).toEqual({
      id: 'wd_1a2b3c',
      asset: 'ETH',
      qty: '1.5',
      qtyAsGiven: '1.5',
      fee: '0.005',
      net: '1.495',
      address: ADDRESS,
      status: 'PENDING',
      statusWords: 'Awaiting email confirmation',
      open: true,
      time: 1_764_000_000_000,
      transactionHash: null,
    });
  });

  it('works out the fee as qty − net, exactly, when the exchange gives none', () => {
    const row = toWithdrawalRow({ ...sandboxEntry, fee: undefined, qty: 0.3, net: 0.1 });
    expect(row).toMatchObject({ qty: '0.3', net: '0.1', fee: '0.2' });
    expect(toWithdrawalRow({ ...sandboxEntry, fee: null, net: null }).fee).toBeNull();
  });

  it('reads a numeric id, a completed status and its transaction hash', () => {
    const row = toWithdrawalRow({ ...sandboxEntry, id: 42, status: 'COMPLETED', transaction: { hash: '0xabc' } });
    expect(row).toMatchObject({ id: '42', statusWords: 'Completed', open: false, transactionHash: '0xabc' });
  });

  it('keeps a quantity that is not a plain decimal as given, without pretending to know it', () => {
    expect(toWithdrawalRow({ ...sandboxEntry, qty: '1e-7' })).toMatchObject({ qty: null, qtyAsGiven: '1e-7' });
  });
});

describe('timeInMs', () => {
  it.each([
    [1_764_000_000_000, 1_764_000_000_000],
    ['1764000000000', 1_764_000_000_000],
    [1_764_000_000, 1_764_000_000_000],
    ['2025-11-24T16:00:00.000Z', Date.parse('2025-11-24T16:00:00.000Z')],
  ])('reads %j', (value, expected) => {
    expect(timeInMs(value)).toBe(expected);
  });

  it.each([[null], [undefined], [0], [-5], ['yesterday'], [{}], [Number.NaN]])('gives null for %j', (value) => {
    expect(timeInMs(value)).toBeNull();
  });
});

describe('newestFirst', () => {
  it('sorts by time, not by the order the exchange used, rows without a time last', () => {
    const row = (id: string, time: number | null) => ({ ...toWithdrawalRow(sandboxEntry), id, time });
    const sorted = newestFirst([row('old', 1), row('none', null), row('new', 3), row('mid', 2)]);
    expect(sorted.map((entry) => entry.id)).toEqual(['new', 'mid', 'old', 'none']);
  });
});

describe('withdrawalsPollInterval', () => {
  const rows = (...statuses: string[]): WithdrawalRow[] => statuses.map((status) => toWithdrawalRow({ ...sandboxEntry, status }));

  it('polls every 5 s while a withdrawal is pending or active', () => {
    expect(withdrawalsPollInterval(rows('COMPLETED', 'PENDING'), false)).toBe(5_000);
    expect(withdrawalsPollInterval(rows('ACTIVE'), false)).toBe(5_000);
  });

  it('stops when none is open, or before the first read', () => {
    expect(withdrawalsPollInterval(rows('COMPLETED', 'CANCELLED', 'REJECTED'), false)).toBe(false);
    expect(withdrawalsPollInterval([], false)).toBe(false);
    expect(withdrawalsPollInterval(undefined, false)).toBe(false);
  });

  it('polls when the caller waits for a withdrawal to appear', () => {
    expect(withdrawalsPollInterval(rows('COMPLETED'), true)).toBe(5_000);
    expect(withdrawalsPollInterval(undefined, true)).toBe(5_000);
  });
});
