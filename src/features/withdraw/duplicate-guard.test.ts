import { describe, expect, it } from 'vitest';
import { toWithdrawalRow, type WithdrawalRow } from '../../exchange/withdrawals';
import { DUPLICATE_WINDOW_MS, findRecentDuplicates } from './duplicate-guard';

const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const NOW = Date.UTC(2026, 11, 1, 19, 0, 0);
const HOUR = 60 * 60 * 1000;

function row(id: string, extra: Partial<{ asset: string; qty: string | number; address: string; status: string; time: unknown }> = {}): WithdrawalRow {
  return toWithdrawalRow({ id, asset: 'ETH', qty: '0.25', net: '0.245', address: ADDRESS, status: 'COMPLETED', time: NOW - HOUR, ...extra });
}

const DRAFT = { asset: 'ETH', qty: '0.25', address: ADDRESS };

describe('findRecentDuplicates', () => {
  it('finds the same asset, quantity and address created within 24 h, whatever its status', () => {
    const rows = [row('done'), row('rejected', { status: 'REJECTED', time: NOW - 23 * HOUR })];
    expect(findRecentDuplicates(DRAFT, rows, NOW).map((r) => r.id)).toEqual(['done', 'rejected']);
  });

  it('finds an open one whatever its age, even with an unknown time', () => {
    const rows = [row('old-pending', { status: 'PENDING', time: NOW - 30 * 24 * HOUR }), row('active-no-time', { status: 'ACTIVE', time: 'garbage' })];
    expect(findRecentDuplicates(DRAFT, rows, NOW).map((r) => r.id)).toEqual(['old-pending', 'active-no-time']);
  });

  it('leaves out a settled one older than 24 h, or with an unknown time', () => {
    const rows = [row('old', { time: NOW - DUPLICATE_WINDOW_MS - 1 }), row('no-time', { time: undefined }), row('edge', { time: NOW - DUPLICATE_WINDOW_MS })];
    expect(findRecentDuplicates(DRAFT, rows, NOW).map((r) => r.id)).toEqual(['edge']);
  });

  it('compares the quantity as an exact decimal, never as a float', () => {
    const rows = [row('same', { qty: '0.250' }), row('number', { qty: 0.25 }), row('more', { qty: '0.2500000001' }), row('unreadable', { qty: '1e-1' })];
    expect(findRecentDuplicates(DRAFT, rows, NOW).map((r) => r.id)).toEqual(['same', 'number']);
  });

  it('takes a hex address in any case, another asset or address never, a Base58 address only exactly', () => {
    const base58 = 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8';
    const rows = [
      row('upper', { address: ADDRESS.toUpperCase().replace('0X', '0x') }),
      row('other-asset', { asset: 'USDT' }),
      row('other-address', { address: '0x829bd824b016326a401d083b33d092293333a831' }),
      row('btc', { asset: 'BTC', address: base58 }),
      row('btc-lower', { asset: 'BTC', address: base58.toLowerCase() }),
    ];
    expect(findRecentDuplicates(DRAFT, rows, NOW).map((r) => r.id)).toEqual(['upper']);
    expect(findRecentDuplicates({ asset: 'btc', qty: '0.25', address: base58 }, rows, NOW).map((r) => r.id)).toEqual(['btc']);
  });

  it('lists the newest first, unknown times last', () => {
    const rows = [row('a', { time: NOW - 3 * HOUR }), row('b', { status: 'PENDING', time: undefined }), row('c', { time: NOW - HOUR })];
    expect(findRecentDuplicates(DRAFT, rows, NOW).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});
