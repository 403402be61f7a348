import type { Resolver } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { lazyResolver, RULES_NOT_LOADED } from './lazy-resolver';

interface Values {
  name: string;
  qty: string;
}
const OPTIONS = { fields: {}, shouldUseNativeValidation: false } as const;
const VALUES: Values = { name: 'a', qty: '1' };
const passThrough: Resolver<Values, unknown, Values> = async (values) => ({ values, errors: {} });

describe('lazyResolver', () => {
  it('fetches the rules at the first validation, once, and uses them', async () => {
    const load = vi.fn(async () => passThrough);
    const resolver = lazyResolver(load, 'name');
    expect(load).not.toHaveBeenCalled();
    await expect(resolver(VALUES, undefined, OPTIONS)).resolves.toEqual({ values: VALUES, errors: {} });
    await resolver(VALUES, undefined, OPTIONS);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('refuses the submit at the named field when the rules cannot be fetched, and tries again next time', async () => {
    const load = vi.fn<() => Promise<Resolver<Values, unknown, Values>>>().mockRejectedValueOnce(new Error('Failed to fetch')).mockResolvedValueOnce(passThrough);
    const resolver = lazyResolver(load, 'qty');
    await expect(resolver(VALUES, undefined, OPTIONS)).resolves.toEqual({ values: {}, errors: { qty: { type: 'rules-not-loaded', message: RULES_NOT_LOADED } } });
    await expect(resolver(VALUES, undefined, OPTIONS)).resolves.toEqual({ values: VALUES, errors: {} });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
