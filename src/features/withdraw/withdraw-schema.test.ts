import { describe, expect, it } from 'vitest';
import type { AccountLimits } from '../../exchange/account-figures';
import { quantityRefusal, unknownLimitWarnings, withdrawSchema } from './withdraw-schema';

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
    });
  });

  it('reports quantity and address problems on their own fields at once', async () => {
    const result = await withdrawSchema().safeParseAsync({ asset: 'BTC', qty: '1e-7', address: ADDRESS });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['qty', expect.stringContaining('exponent')],
      ['address', expect.stringContaining('BTC needs a Bitcoin address')],
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
