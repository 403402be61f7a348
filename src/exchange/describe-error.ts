/**
 * The one place that turns errors into words for the person, with what this exchange's answers mean
 * (its timestamp and key refusals, what to check after an answer whose outcome is unknown).
 */
import { ApiError } from '../lib/api-client';
import { messageOf } from '../lib/error-message';

export interface ErrorDescription {
  title: string;
  detail: string;
  /** The exchange may have accepted the request although we have no clean answer. */
  outcomeUnknown: boolean;
}

/** Ends a message with exactly one full stop, whether or not it came with one. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

const CHECK_FIRST = 'Check your withdrawal list (and your email) before you try again: sending again could withdraw twice.';

/** What the person can do about the exchange's refusals that have a known cause. */
function apiHint(error: ApiError): string {
  const code = error.envelope?.code;
  if (code === 414 || /timestamp/i.test(error.message)) {
    return " The exchange judged the request's time: your computer's clock may be off. Set it to update automatically, then confirm again.";
  }
  if (code === 401 || error.status === 401) {
    return ' Check that the API key and the secret key belong together (use "Forget keys" and paste them again) and that the key may withdraw.';
  }
  return '';
}

/** The one place that turns errors into words for the person. */
export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof ApiError)) {
    return { title: 'Something went wrong in the page', detail: messageOf(error), outcomeUnknown: false };
  }
  const unknownSuffix = error.outcomeUnknown ? ` The withdrawal may or may not have been accepted. ${CHECK_FIRST}` : '';
  switch (error.kind) {
    case 'api': {
      const code = error.envelope ? `code ${error.envelope.code}, ` : '';
      const message = error.message.trim().replace(/[.!?]$/, '');
      const detail = `${message} (${code}HTTP ${error.status ?? '?'}).${apiHint(error)}`;
      return { title: 'The exchange refused the request', detail, outcomeUnknown: false };
    }
    case 'unexpected-code': {
      const answered = `The exchange answered code ${error.envelope?.code ?? '?'}: ${error.message.trim() || '(no message)'}`;
      const notSuccess = ' This is not the answer the exchange documents for success.';
      return {
        title: error.outcomeUnknown ? 'Outcome unknown: not a success answer' : 'Not a success answer from the exchange',
        detail: `${sentence(answered)}${notSuccess}${unknownSuffix}`,
        outcomeUnknown: error.outcomeUnknown,
      };
    }
    case 'not-delivered':
      return { title: 'The exchange could not be reached', detail: `${sentence(error.message)} Nothing was sent; you can try again.`, outcomeUnknown: false };
    case 'timeout':
      return { title: error.outcomeUnknown ? 'Outcome unknown: no answer in time' : 'No answer in time', detail: `${sentence(error.message)}${unknownSuffix}`, outcomeUnknown: error.outcomeUnknown };
    case 'network':
      return { title: error.outcomeUnknown ? 'Outcome unknown: the connection was lost' : 'The connection failed', detail: `${sentence(error.message)}${unknownSuffix}`, outcomeUnknown: error.outcomeUnknown };
    case 'invalid-response': {
      const why = error.html ? ' This usually means a gateway between you and the exchange failed.' : '';
      return { title: error.outcomeUnknown ? 'Outcome unknown: unreadable answer' : 'Unreadable answer from the exchange', detail: `${sentence(error.message)}${why}${unknownSuffix}`, outcomeUnknown: error.outcomeUnknown };
    }
  }
}
