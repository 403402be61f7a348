/**
 * The shapes the HTTP client checks (with zod) before it trusts an answer: the exchange's envelope and the app
 * server's target info. Their own module, which api-client.ts fetches with the first request, so zod is not part
 * of the first screen's code.
 */
import { z } from 'zod/mini';
import { ENVIRONMENTS, type ExchangeTarget } from '../config/proxy-contract';

export const envelopeShape = z.object({
  code: z.number(),
  msg: z._default(z.optional(z.string()), ''),
  result: z.unknown(),
});

export type ApiEnvelope = z.infer<typeof envelopeShape>;

export const exchangeTargetShape = z.object({
  url: z.string(),
  environment: z.enum(ENVIRONMENTS),
  label: z.string(),
}) satisfies z.ZodMiniType<ExchangeTarget>;
