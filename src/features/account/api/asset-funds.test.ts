import { describe, expect, it } from 'vitest';
import { selectAssetFunds } from './asset-funds';

describe('selectAssetFunds', () => {
  it('reads the free balance, the withdrawal fee and the permission exactly', () => {
    const personal = { balances: { ETH: { free: 10.5, locked: 0 } }, permissions: { withdraw_enabled: true } };
    const assets = { ETH: { fees: { withdrawal: 0.005 } } };
    expect(selectAssetFunds('ETH', personal, assets)).toEqual({ free: '10.5', withdrawalFee: '0.005', withdrawEnabled: true });
  });

  it('shows tiny amounts without exponent notation', () => {
    expect(selectAssetFunds('BTC', { balances: { BTC: { free: 1e-7 } } }, undefined).free).toBe('0.0000001');
  });

  it('leaves out what the answers do not hold', () => {
    expect(selectAssetFunds('USDT', { balances: { ETH: { free: 1 } } }, {})).toEqual({ free: null, withdrawalFee: null, withdrawEnabled: null });
    expect(selectAssetFunds('USDT', undefined, undefined)).toEqual({ free: null, withdrawalFee: null, withdrawEnabled: null });
  });
});
