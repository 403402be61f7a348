import type { FieldErrors, FieldPath, FieldValues, Resolver } from 'react-hook-form';
import { loadOnce } from './load-once';

/** The words for a form whose rules could not be fetched: nothing is checked, so nothing goes on. */
export const RULES_NOT_LOADED = 'This form’s rules could not be loaded (the connection may have dropped): reload the page. Nothing was sent.';

/**
 * A react-hook-form resolver whose code (a zod schema and the zod resolver) is fetched when it first runs, which
 * is the first submit: the first screen does not carry it. `load` runs until it succeeds; the page also calls the
 * same import when idle, so the first submit normally finds it there. If it cannot be fetched, the submit is
 * refused with `RULES_NOT_LOADED` at `field` (what was typed stays), and the next submit tries again.
 */
export function lazyResolver<TValues extends FieldValues, TOutput>(
  load: () => Promise<Resolver<TValues, unknown, TOutput>>,
  field: FieldPath<TValues>,
): Resolver<TValues, unknown, TOutput> {
  const loaded = loadOnce(load);
  return async (values, context, options) => {
    let resolver: Resolver<TValues, unknown, TOutput>;
    try {
      resolver = await loaded();
    } catch {
      const errors = { [field]: { type: 'rules-not-loaded', message: RULES_NOT_LOADED } } as FieldErrors<TValues>;
      return { values: {}, errors };
    }
    return resolver(values, context, options);
  };
}
