import { describe, expect, it } from 'vitest';
import type { AccountLimits } from '../../exchange/account-figures';
import type { OfferedAsset } from '../../config/assets';
import { NO_LIMITS, quantityRefusal, unknownLimitWarnings } from './account-limits';
import { withdrawSchema } from './withdraw-schema';

const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const ETH_LIMITS: AccountLimits = { asset: 'ETH', free: '10', fee: '0.005', withdrawEnabled: true };

async function qtyIssues(limits: AccountLimits | null, qty: string, asset = 'ETH') {
  const result = await withdrawSchema(() => limits).safeParseAsync({ asset, qty, address: ADDRESS });
  return result.error?.issues.filter((issue) => issue.path.join('.') === 'qty').map((issue) => issue.message) ?? [];
}

describe('withdrawSchema', () => {
  it('yields the normalised values that get signed', async () => {
    const result = await withdrawSchema().safeParseAsync({ asset: 'ETH', qty: ' 1.50 ', address: ` ${ADDRESS} ` });
    expect(result.success && result.data).toEqual({
      asset: 'ETH',
      qty: '1.5',
      address: ADDRESS,
      addressKind: expect.stringContaining('Ethereum'),
      addressNetwork: undefined,
      chain: 'ethereum',
      addressChecked: true,
      memo: false,
    });
  });

  it('reports quantity and address problems on their own fields at once', async () => {
    const result = await withdrawSchema().safeParseAsync({ asset: 'BTC', qty: '1e-7', address: ADDRESS });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['qty', expect.stringContaining('exponent')],
      ['address', expect.stringMatching(/^BTC is sent on Bitcoin\. A Bitcoin address starts with .*this looks like an Ethereum address/)],
    ]);
  });

  it('checks the address against the chosen asset', async () => {
    expect((await withdrawSchema().safeParseAsync({ asset: 'BTC', qty: '0.1', address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8' })).success).toBe(true);
    expect((await withdrawSchema().safeParseAsync({ asset: 'ETH', qty: '0.1', address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8' })).success).toBe(false);
  });

  it('refuses an asset the app does not offer', async () => {
    const result = await withdrawSchema().safeParseAsync({ asset: 'DOGE', qty: '1', address: 'x' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['asset'], message: 'Choose an asset.' });
  });

  it('refuses, at the quantity, more than the free balance, compared exactly', async () => {
    expect(await qtyIssues(ETH_LIMITS, '10.00000001')).toEqual(['This is more than your free balance of 10 ETH.']);
    expect(await qtyIssues(ETH_LIMITS, '10')).toEqual([]);
    expect(await qtyIssues({ ...ETH_LIMITS, free: '0.3' }, '0.30000001')).toHaveLength(1);
    expect(await qtyIssues({ ...ETH_LIMITS, free: '0.3' }, '0.3')).toEqual([]);
  });

  it('refuses a quantity that does not exceed the fee, since nothing would arrive', async () => {
    const refusal = 'The withdrawal fee is 0.005 ETH: enter more than that, or nothing would arrive.';
    expect(await qtyIssues(ETH_LIMITS, '0.005')).toEqual([refusal]);
    expect(await qtyIssues(ETH_LIMITS, '0.00500')).toEqual([refusal]);
    expect(await qtyIssues(ETH_LIMITS, '0.001')).toEqual([refusal]);
    expect(await qtyIssues(ETH_LIMITS, '0.00500001')).toEqual([]);
  });

  it('refuses anything when the key may not withdraw, before the other limits', async () => {
    expect(await qtyIssues({ ...ETH_LIMITS, withdrawEnabled: false }, '11')).toEqual([expect.stringContaining('withdrawals are not enabled')]);
  });

  it('does not refuse on limits it does not know, nor on the limits of another asset', async () => {
    const unknown: AccountLimits = { asset: 'ETH', free: null, fee: null, withdrawEnabled: null };
    expect(await qtyIssues(unknown, '1000000')).toEqual([]);
    expect(await qtyIssues(unknown, '0.000001')).toEqual([]);
    expect(await qtyIssues(null, '1000000')).toEqual([]);
    expect(quantityRefusal('BTC', '1000', ETH_LIMITS)).toBeNull();
    expect(await qtyIssues(ETH_LIMITS, '1000', 'USDT')).toEqual([]);
  });

  it('checks each asset against its own limits', async () => {
    const limitsFor = (asset: string): AccountLimits | null => (asset === 'ETH' ? ETH_LIMITS : { asset: 'USDT', free: '25000', fee: '5', withdrawEnabled: true });
    const schema = withdrawSchema(limitsFor);
    expect((await schema.safeParseAsync({ asset: 'USDT', qty: '1250.5', address: ADDRESS })).success).toBe(true);
    expect((await schema.safeParseAsync({ asset: 'ETH', qty: '1250.5', address: ADDRESS })).success).toBe(false);
  });

  it('checks the format before the limits', async () => {
    expect(await qtyIssues(ETH_LIMITS, '1e3')).toEqual([expect.stringContaining('exponent')]);
  });
});

describe('withdrawSchema with the exchange\'s asset facts', () => {
  const ETH: OfferedAsset = { id: 'ETH', name: 'Ethereum', chain: 'ethereum', memo: false, maxDecimals: 8, fee: null, minimum: null, withdrawalsEnabled: null };
  const listed = (overrides: Partial<OfferedAsset> & { id: string }): OfferedAsset => ({ ...ETH, ...overrides });
  const TRX: OfferedAsset = { id: 'TRX', name: 'TRON', chain: null, memo: false, maxDecimals: 6, fee: '1', minimum: null, withdrawalsEnabled: true };

  it('offers only what the exchange lists: an asset it dropped is refused', async () => {
    const schema = withdrawSchema(NO_LIMITS, [listed({ id: 'BTC', chain: 'bitcoin' })]);
    const result = await schema.safeParseAsync({ asset: 'ETH', qty: '1', address: ADDRESS });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['asset'], message: 'Choose an asset.' })]);
  });

  it("takes at most the asset's own decimals (and never more than 8)", async () => {
    const usdt = listed({ id: 'USDT', maxDecimals: 6 });
    const issues = async (qty: string) =>
      (await withdrawSchema(NO_LIMITS, [usdt]).safeParseAsync({ asset: 'USDT', qty, address: ADDRESS })).error?.issues.map((i) => i.message) ?? [];
    expect(await issues('1.123456')).toEqual([]);
    expect(await issues('1.1234567')).toEqual(['This asset takes at most 6 decimals.']);
    expect(await issues('1.1234560')).toEqual([]);
  });

  it("refuses less than the exchange's minimum, and an asset whose withdrawals it lists as off", async () => {
    const xrp = listed({ id: 'XRP', chain: 'ethereum', minimum: '20' });
    const qtyMessages = async (qty: string, asset = xrp) =>
      (await withdrawSchema(NO_LIMITS, [asset]).safeParseAsync({ asset: asset.id, qty, address: ADDRESS })).error?.issues.map((i) => [i.path[0], i.message]) ?? [];
    expect(await qtyMessages('19.99')).toEqual([['qty', "The exchange's smallest withdrawal of XRP is 20 XRP."]]);
    expect(await qtyMessages('20')).toEqual([]);
    expect(await qtyMessages('25', { ...xrp, withdrawalsEnabled: false })).toEqual([
      ['asset', 'The exchange lists withdrawals of XRP as switched off, so it would refuse this.'],
    ]);
  });

  it('never treats an asset without rules as Ethereum: any single token passes, marked unchecked; invisible characters never do', async () => {
    const schema = withdrawSchema(NO_LIMITS, [TRX]);
    const result = await schema.safeParseAsync({ asset: 'TRX', qty: '10', address: ' TZDrdggvUfSh9Zd9Vj17k9RJDzUAuhQaHb ' });
    expect(result.success && result.data).toMatchObject({ address: 'TZDrdggvUfSh9Zd9Vj17k9RJDzUAuhQaHb', chain: null, addressChecked: false, addressKind: 'not checked by this page' });
    const bidi = await schema.safeParseAsync({ asset: 'TRX', qty: '10', address: 'TZDrdggvUf\u202eSh9Zd9Vj17k9RJDzUAuhQaHb' });
    expect(bidi.error?.issues[0]?.message).toContain('RIGHT-TO-LEFT OVERRIDE (U+202E)');
    const spaced = await schema.safeParseAsync({ asset: 'TRX', qty: '10', address: 'TZDrdggvUf Sh9Zd9' });
    expect(spaced.error?.issues[0]?.message).toBe('The address must not contain spaces or line breaks.');
  });

  it("names the chain the asset is sent on, in the asset's terms, and what the address is instead", async () => {
    const usdt = listed({ id: 'USDT' });
    const result = await withdrawSchema(NO_LIMITS, [usdt]).safeParseAsync({ asset: 'USDT', qty: '10', address: 'TZDrdggvUfSh9Zd9Vj17k9RJDzUAuhQaHb' });
    expect(result.error?.issues[0]?.message).toMatch(/^USDT here is the Ethereum \(ERC-20\) token\. .*TRON/);
  });

  it('carries the memo need of the asset into what is reviewed', async () => {
    const xrp = listed({ id: 'XRP', chain: 'ethereum', memo: true });
    const result = await withdrawSchema(NO_LIMITS, [xrp]).safeParseAsync({ asset: 'XRP', qty: '25', address: ADDRESS });
    expect(result.success && result.data.memo).toBe(true);
  });
});

describe('unknownLimitWarnings', () => {
  it('names each limit the exchange has not given', async () => {
    expect(unknownLimitWarnings(ETH_LIMITS)).toEqual([]);
    expect(unknownLimitWarnings({ asset: 'ETH', free: null, fee: null, withdrawEnabled: null })).toEqual([
      expect.stringContaining('free balance is unknown'),
      expect.stringContaining('fee is unknown'),
      expect.stringContaining('may withdraw is unknown'),
    ]);
  });
});
