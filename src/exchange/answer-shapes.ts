/**
 * The shapes of the exchange's answers, checked with zod before the page uses them. They are their own module,
 * fetched with the first read (see everstrikeRead), so zod is not part of the first screen's code. Everything a
 * documented answer may lack is optional, so an unexpected answer shows less instead of breaking the page.
 */
import { z } from 'zod/mini';
import type { AssetsAnswer, PersonalAnswer } from './account-figures';

/** GET /assets: per-asset facts; only `fees.withdrawal` is documented, the rest is read by assets.ts. */
export const assetsShape = z.record(z.string(), z.looseObject({ fees: z.optional(z.looseObject({ withdrawal: z.optional(z.unknown()) })) })) satisfies z.ZodMiniType<AssetsAnswer>;

/** GET /personal: balances, permissions, email, allowance. */
export const personalShape = z.looseObject({
  email: z.optional(z.unknown()),
  withdrawal_allowance: z.optional(z.unknown()),
  balances: z.optional(z.record(z.string(), z.looseObject({ free: z.optional(z.unknown()) }))),
  permissions: z.optional(z.looseObject({ withdraw_enabled: z.optional(z.boolean()) })),
}) satisfies z.ZodMiniType<PersonalAnswer>;

/** GET /time: the exchange's clock in ms. */
export const serverTimeShape = z.number().check(z.int(), z.positive());

const amountSchema = z.union([z.string(), z.number()]);
const withdrawalSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  asset: z.string(),
  qty: amountSchema,
  net: z.optional(z.nullable(amountSchema)),
  fee: z.optional(z.nullable(amountSchema)),
  address: z.string(),
  status: z.string(),
  time: z.optional(z.unknown()),
  transaction: z.optional(z.nullable(z.looseObject({ hash: z.optional(z.nullable(z.string())) }))),
});
export type RawWithdrawal = z.infer<typeof withdrawalSchema>;

/** GET /withdrawals: the account's withdrawals, in any order. */
export const withdrawalsShape = z.array(withdrawalSchema);
