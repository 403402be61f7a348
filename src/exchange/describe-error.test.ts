import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-client';
import { describeError } from './describe-error';

const CHECK_LIST = /Check your withdrawal list \(and your email\) before you try again/;

describe('describeError', () => {
  it('words an exchange refusal with its msg, envelope code and HTTP status; the outcome is known', () => {
    const error = new ApiError({
      kind: 'api',
      method: 'POST',
      status: 503,
      message: 'Insufficient balance',
      envelope: { code: 503, msg: 'Insufficient balance', result: {} },
    });
    expect(describeError(error)).toEqual({
      title: 'The exchange refused the request',
      detail: 'Insufficient balance (code 503, HTTP 503).',
      outcomeUnknown: false,
    });
  });

  it('words a refusal without an envelope or status', () => {
    const description = describeError(new ApiError({ kind: 'api', method: 'GET', message: 'Forbidden' }));
    expect(description.detail).toBe('Forbidden (HTTP ?).');
  });

  it('points at the clock when the exchange refuses the timestamp', () => {
    const error = new ApiError({
      kind: 'api',
      method: 'POST',
      status: 503,
      message: 'The timestamp is too old.',
      envelope: { code: 414, msg: 'The timestamp is too old.', result: {} },
    });
    expect(describeError(error).detail).toBe(
      "The timestamp is too old (code 414, HTTP 503). The exchange judged the request's time: your computer's clock may be off. Set it to update automatically, then confirm again.",
    );
  });

  it('points at the key pair when the exchange refuses the key or the signature', () => {
    const error = new ApiError({ kind: 'api', method: 'POST', status: 401, message: 'Invalid signature', envelope: { code: 401, msg: 'Invalid signature', result: {} } });
    expect(describeError(error).detail).toMatch(/^Invalid signature \(code 401, HTTP 401\)\. Check that the API key and the secret key belong together/);
  });

  it('tells that a request the proxy could not deliver can be sent again', () => {
    const error = new ApiError({ kind: 'not-delivered', method: 'POST', status: 502, message: 'The request was not delivered.' });
    const description = describeError(error);
    expect(description).toMatchObject({ title: 'The exchange could not be reached', outcomeUnknown: false });
    expect(description.detail).toBe('The request was not delivered. Nothing was sent; you can try again.');
    expect(description.detail).not.toMatch(CHECK_LIST);
  });

  it('words a POST timeout as an unknown outcome and asks to check the withdrawal list before trying again', () => {
    const description = describeError(new ApiError({ kind: 'timeout', method: 'POST', message: 'No answer within 20 s' }));
    expect(description.title).toBe('Outcome unknown: no answer in time');
    expect(description.outcomeUnknown).toBe(true);
    expect(description.detail).toMatch(/^No answer within 20 s\. The withdrawal may or may not have been accepted\./);
    expect(description.detail).toMatch(CHECK_LIST);
    expect(description.detail).toContain('sending again could withdraw twice');
  });

  it('words a GET timeout plainly, without the unknown-outcome warning', () => {
    const description = describeError(new ApiError({ kind: 'timeout', method: 'GET', message: 'No answer within 10 s' }));
    expect(description).toEqual({ title: 'No answer in time', detail: 'No answer within 10 s.', outcomeUnknown: false });
  });

  it('words a lost connection on a POST as an unknown outcome and asks to check the withdrawal list', () => {
    const description = describeError(new ApiError({ kind: 'network', method: 'POST', message: 'The connection failed: Failed to fetch' }));
    expect(description.title).toBe('Outcome unknown: the connection was lost');
    expect(description.outcomeUnknown).toBe(true);
    expect(description.detail).toMatch(/^The connection failed: Failed to fetch\. /);
    expect(description.detail).toMatch(CHECK_LIST);
  });

  it('words a failed GET connection plainly', () => {
    const description = describeError(new ApiError({ kind: 'network', method: 'GET', message: 'The connection failed: Failed to fetch' }));
    expect(description).toEqual({ title: 'The connection failed', detail: 'The connection failed: Failed to fetch.', outcomeUnknown: false });
  });

  it('explains an HTML answer to a POST as a failed gateway with an unknown outcome', () => {
    const error = new ApiError({ kind: 'invalid-response', method: 'POST', status: 502, html: true, message: 'The exchange answered HTTP 502 with an HTML page instead of its JSON envelope' });
    const description = describeError(error);
    expect(description.title).toBe('Outcome unknown: unreadable answer');
    expect(description.outcomeUnknown).toBe(true);
    expect(description.detail).toContain('a gateway between you and the exchange failed');
    expect(description.detail).toMatch(CHECK_LIST);
  });

  it('words an unreadable, non-HTML answer to a GET without the gateway hint or the warning', () => {
    const error = new ApiError({ kind: 'invalid-response', method: 'GET', status: 200, message: 'The exchange answered HTTP 200 with an empty body instead of its JSON envelope' });
    expect(describeError(error)).toEqual({
      title: 'Unreadable answer from the exchange',
      detail: 'The exchange answered HTTP 200 with an empty body instead of its JSON envelope.',
      outcomeUnknown: false,
    });
  });

  it.each([
    ['api', new ApiError({ kind: 'api', method: 'POST', status: 503, message: 'Invalid request' })],
    ['not-delivered', new ApiError({ kind: 'not-delivered', method: 'POST', status: 502, message: 'Not delivered.' })],
  ])('does not ask to check the withdrawal list when the outcome is known (%s)', (_kind, error) => {
    expect(describeError(error).detail).not.toMatch(/withdrawal list/);
  });

  it('words an error of the page itself, and anything thrown that is not an Error', () => {
    expect(describeError(new RangeError('timestamp must be a positive integer'))).toEqual({
      title: 'Something went wrong in the page',
      detail: 'timestamp must be a positive integer',
      outcomeUnknown: false,
    });
    expect(describeError('boom')).toEqual({ title: 'Something went wrong in the page', detail: 'boom', outcomeUnknown: false });
  });

  // The proxy's own "outcome-unknown" message already ends with a full stop (proxy/everstrike-proxy.ts).
  it('does not double the final period of a message that already has one', () => {
    const error = new ApiError({
      kind: 'network',
      method: 'POST',
      status: 504,
      message: 'The connection to Everstrike testnet broke before it answered (ECONNRESET).',
    });
    expect(describeError(error).detail).not.toContain('..');
  });
});

describe('describeError: answers that are not the documented success', () => {
  it('words a 2xx with code 0 on a POST as an unknown outcome that names the code and msg', () => {
    const error = new ApiError({ kind: 'unexpected-code', method: 'POST', status: 200, message: 'error', envelope: { code: 0, msg: 'error', result: {} } });
    const description = describeError(error);
    expect(description.title).toBe('Outcome unknown: not a success answer');
    expect(description.outcomeUnknown).toBe(true);
    expect(description.detail).toMatch(/^The exchange answered code 0: error\. /);
    expect(description.detail).toMatch(CHECK_LIST);
  });

  it('words it plainly on a GET, and copes with an empty msg', () => {
    const error = new ApiError({ kind: 'unexpected-code', method: 'GET', status: 200, message: '', envelope: { code: 7, msg: '', result: {} } });
    const description = describeError(error);
    expect(description).toMatchObject({ title: 'Not a success answer from the exchange', outcomeUnknown: false });
    expect(description.detail).toMatch(/^The exchange answered code 7: \(no message\)\. /);
    expect(description.detail).not.toMatch(/withdrawal list/);
  });
});
