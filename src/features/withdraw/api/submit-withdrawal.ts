/**
 * The money path: build the body with the one encoder, sign exactly that string, send exactly that string,
 * once. The curl copy uses the same `signWithdrawal`, so what a person copies is what the page would send.
 */
import { EVERSTRIKE_PATHS } from '../../../../contract/everstrike.mjs';
import { z } from 'zod/mini';
import { WITHDRAW_TIMEOUT_MS } from '../../../config/timeouts';
import type { SessionKeys } from '../../../exchange/session-keys';
import { everstrikeRequest, type ApiEnvelope } from '../../../lib/api-client';
import { encodeWithdrawalBody } from '../../../signing/encode-withdrawal';
import { signBody } from '../../../signing/sign-body';
import type { WithdrawalDraft } from '../withdraw-schema';

export const WITHDRAW_PATH = EVERSTRIKE_PATHS.withdraw;

export interface SignWithdrawalInput {
  draft: WithdrawalDraft;
  keys: SessionKeys;
  /** Integer ms to stamp the body with, read at the moment the person confirms (or copies). */
  timestamp: number;
}

export interface SignedWithdrawal {
  /** The exact body that is signed and sent. */
  body: string;
  /** base64 HMAC-SHA256 of the body: the `x-signature` header. */
  signature: string;
}

export async function signWithdrawal({ draft, keys, timestamp }: SignWithdrawalInput): Promise<SignedWithdrawal> {
  const body = encodeWithdrawalBody({ asset: draft.asset, qty: draft.qty, address: draft.address, timestamp });
  return { body, signature: await signBody(body, keys.signingKey) };
}

// What the exchange says back on success; only the withdrawal id is read, and only if it is there.
const withdrawResultSchema = z.catch(z.looseObject({ id: z.optional(z.union([z.string(), z.number()])) }), {});

export interface SubmittedWithdrawal {
  body: string;
  /** The exchange's whole answer, shown as it came. */
  response: ApiEnvelope;
  /** The id the exchange gave the withdrawal, if it said. */
  withdrawalId: string | null;
}

/**
 * Sends one signed withdrawal: the request leaves when this is called. Resolves only on the documented success
 * (HTTP 2xx, code 200); never retries.
 */
export async function sendSignedWithdrawal({ body, signature }: SignedWithdrawal, apiKey: string): Promise<SubmittedWithdrawal> {
  const response = await everstrikeRequest({
    method: 'POST',
    path: WITHDRAW_PATH,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': apiKey, 'x-signature': signature },
    body,
    timeoutMs: WITHDRAW_TIMEOUT_MS,
  });
  const { id } = withdrawResultSchema.parse(response.result);
  return { body, response, withdrawalId: id === undefined ? null : String(id) };
}
