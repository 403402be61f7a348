/** When the address rules cannot be fetched, the address is refused in words, never passed unchecked. */
import { describe, expect, it, vi } from 'vitest';
import { BUILT_IN_ASSETS } from '../../config/assets';
import { NO_LIMITS } from './account-limits';
import { ADDRESS_RULES_NOT_LOADED, withdrawSchema } from './withdraw-schema';

vi.mock('../../validation/chains', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('withdrawSchema without its address rules', () => {
  it('refuses the address with words, and nothing else is blamed', async () => {
    const result = await withdrawSchema(NO_LIMITS, BUILT_IN_ASSETS).safeParseAsync({ asset: 'ETH', qty: '0.5', address: '0x829bd824b016326a401d083b33d092293333a830' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([['address', ADDRESS_RULES_NOT_LOADED]]);
  });
});
