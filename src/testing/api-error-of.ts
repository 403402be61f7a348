import { ApiError } from '../lib/api-client';

/** The ApiError a request rejects with (fails the test if it resolves or rejects with something else). */
export async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => new Error('expected the request to fail, but it resolved'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}
