import { describe, expect, it } from 'vitest';
import { BUILT_IN_ASSETS, compareAssets, defaultAsset, maxDecimalsFor, needsMemo } from '../config/assets';
import { offeredAssets } from './assets';

describe('offeredAssets', () => {
  it('offers what the exchange lists, in the table order whatever its order, unknown ones last by id', () => {
    const answer = { ZZZ: {}, USDT: {}, TRX: {}, BTC: {}, ETH: {} };
    expect(offeredAssets(answer).map((asset) => asset.id)).toEqual(['BTC', 'ETH', 'USDT', 'TRX', 'ZZZ']);
  });

  it("takes the exchange's fee, decimals (capped at 8), minimum and disabled flag, and the table's chain", () => {
    const [sol, usdt] = offeredAssets({
      USDT: { name: 'Tether', decimals: 6, fees: { withdrawal: 5 }, min_withdrawal: '10', withdrawals_enabled: true },
      SOL: { precision: '9', fees: { withdrawal: 0.01 }, disabled: true },
    });
    expect(usdt).toEqual({ id: 'USDT', name: 'Tether', chain: 'ethereum', memo: false, maxDecimals: 6, fee: '5', minimum: '10', withdrawalsEnabled: true });
    expect(sol).toEqual({ id: 'SOL', name: 'Solana', chain: 'solana', memo: false, maxDecimals: 8, fee: '0.01', minimum: null, withdrawalsEnabled: false });
  });

  it("an asset the table does not know is offered without a chain, with the table's memo list for XLM, EOS and HBAR", () => {
    const [trx, xlm] = offeredAssets({ XLM: { decimals: 7 }, TRX: { name: 'TRON' } });
    expect(xlm).toMatchObject({ id: 'XLM', name: 'XLM', chain: null, memo: true, maxDecimals: 7 });
    expect(trx).toMatchObject({ id: 'TRX', name: 'TRON', chain: null, memo: false, maxDecimals: 8, fee: null, withdrawalsEnabled: null });
  });

  it('says nothing it cannot read: malformed facts are unknown, never guessed', () => {
    const [eth] = offeredAssets({ ETH: { decimals: -1, fees: { withdrawal: 'lots' }, min_withdrawal: 1e-7, withdrawals_enabled: 'maybe' } });
    expect(eth).toMatchObject({ maxDecimals: 8, fee: null, minimum: '0.0000001', withdrawalsEnabled: null });
  });

  it('leaves out ids that could not be signed as they are, and never shows a name that hides characters', () => {
    const assets = offeredAssets({ 'BAD ID': {}, '': {}, 'ETH&qty=9': {}, DOT: { name: 'Polka\u202etod' }, KAS: { name: 'Kas\u200bpa' } });
    expect(assets.map((asset) => [asset.id, asset.name])).toEqual([
      ['DOT', 'Polkadot'],
      ['KAS', 'KAS'],
    ]);
  });
});

describe('the built-in table', () => {
  it('holds the 12 spot assets and the ERC-20 tokens of the docs, each with a chain', () => {
    expect(BUILT_IN_ASSETS.map((asset) => asset.id)).toEqual(['BTC', 'ETH', 'BNB', 'SOL', 'AVAX', 'ATOM', 'DOT', 'LINK', 'ADA', 'XRP', 'ALGO', 'USDT', 'DAI', 'MKR', 'ONT', 'MAN']);
    expect(BUILT_IN_ASSETS.every((asset) => asset.chain !== null)).toBe(true);
    expect([...BUILT_IN_ASSETS].sort(compareAssets)).toEqual(BUILT_IN_ASSETS);
  });

  it('knows which destinations usually need a memo or tag', () => {
    expect(['XRP', 'ATOM', 'XLM', 'EOS', 'HBAR', 'xlm'].map(needsMemo)).toEqual([true, true, true, true, true, true]);
    expect(['ETH', 'BTC', 'SOL', 'TRX'].map(needsMemo)).toEqual([false, false, false, false]);
  });

  it('caps decimals at 8, and starts on ETH when offered', () => {
    expect([18, 6, 0, null, 2.5].map(maxDecimalsFor)).toEqual([8, 6, 0, 8, 8]);
    expect(defaultAsset(BUILT_IN_ASSETS)).toBe('ETH');
    expect(defaultAsset(offeredAssets({ BTC: {}, SOL: {} }))).toBe('BTC');
  });
});
