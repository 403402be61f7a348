import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { WITHDRAW_TIMEOUT_MS } from '../../../config/timeouts';
import { ApiError, everstrikeRequest, type ApiEnvelope } from '../../../lib/api-client';
import { encodeWithdrawalBody } from '../../../signing/encode-withdrawal';
import { signBody } from '../../../signing/sign-body';
import { accountKeys } from '../../account/api/query-keys';
import type { SessionKeys } from '../../keys/session-keys';
import type { WithdrawalDraft } from '../withdraw-schema';

export interface SubmitWithdrawalInput {
  draft: WithdrawalDraft;
  keys: SessionKeys;
  /** Integer ms to stamp the body with; read at the moment the person confirms. */
  timestamp: number;
}

export interface SubmittedWithdrawal {
  /** The exact body that was signed and sent. */
  body: string;
  response: ApiEnvelope;
}

/** The money path: build the body, sign exactly that string, send exactly that string. */
export async function submitWithdrawal({ draft, keys, timestamp }: SubmitWithdrawalInput): Promise<SubmittedWithdrawal> {
  const body = encodeWithdrawalBody({ asset: draft.asset, qty: draft.qty, address: draft.address, timestamp });
  const signature = await signBody(body, keys.signingKey);
  const response = await everstrikeRequest({
    method: 'POST',
    path: '/auth/withdraw',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': keys.apiKey, 'x-signature': signature },
    body,
    timeoutMs: WITHDRAW_TIMEOUT_MS,
  });
  return { body, response };
}

/**
 * One confirmation, one request. `submit` ignores calls while a request is in flight: a ref, not React
 * state, so a double click landing before the next render cannot slip through. No retries, ever.
 *
 * `unknownOutcomes` counts the requests whose outcome is unknown since the last success, across edits,
 * so the page asks the person to check their withdrawal list again before anything else is sent.
 */
export function useSubmitWithdrawal() {
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const [unknownOutcomes, setUnknownOutcomes] = useState(0);
  const mutation = useMutation({
    mutationFn: submitWithdrawal,
    retry: false,
    onSuccess: () => setUnknownOutcomes(0),
    onError: (error) => {
      if (error instanceof ApiError && error.outcomeUnknown) setUnknownOutcomes((count) => count + 1);
    },
    // Whatever happened, balances and withdrawal lists fetched before may now be out of date. Not awaited:
    // the status must show the exchange's answer now, not after those reads.
    onSettled: (_data, _error, { keys }) => {
      void queryClient.invalidateQueries({ queryKey: accountKeys.withdrawalLists() });
      void queryClient.invalidateQueries({ queryKey: accountKeys.personal(keys.apiKey) });
    },
  });

  const submit = (input: Omit<SubmitWithdrawalInput, 'timestamp'>, now: () => number) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(
      { ...input, timestamp: now() },
      {
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  return { submit, mutation, unknownOutcomes };
}
