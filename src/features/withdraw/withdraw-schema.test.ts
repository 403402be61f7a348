import { describe, expect, it } from 'vitest';
import { withdrawSchema } from './withdraw-schema';

describe('withdrawSchema', () => {
  it('yields the normalised values that get signed', () => {
    const result = withdrawSchema.safeParse({ asset: 'ETH', qty: ' 1.50 ', address: ' 0x829bd824b016326a401d083b33d092293333a830 ' });
    expect(result.success && result.data).toEqual({
      asset: 'ETH',
      qty: '1.5',
      address: '0x829bd824b016326a401d083b33d092293333a830',
      addressKind: expect.stringContaining('Ethereum'),
      addressNetwork: undefined,
    });
  });

  it('reports quantity and address problems on their own fields at once', () => {
    const result = withdrawSchema.safeParse({ asset: 'BTC', qty: '1e-7', address: '0x829bd824b016326a401d083b33d092293333a830' });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['qty', expect.stringContaining('exponent')],
      ['address', expect.stringContaining('BTC needs a Bitcoin address')],
    ]);
  });

  it('checks the address against the chosen asset', () => {
    expect(withdrawSchema.safeParse({ asset: 'BTC', qty: '0.1', address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8' }).success).toBe(true);
    expect(withdrawSchema.safeParse({ asset: 'ETH', qty: '0.1', address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8' }).success).toBe(false);
  });

  it('refuses an asset the app does not offer', () => {
    const result = withdrawSchema.safeParse({ asset: 'DOGE', qty: '1', address: 'x' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['asset'], message: 'Choose an asset.' });
  });
});
