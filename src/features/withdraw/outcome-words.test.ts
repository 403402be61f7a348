import { describe, expect, it } from 'vitest';
import type { WithdrawalRow } from '../../exchange/withdrawals';
import { ApiError } from '../../lib/api-client';
import { MAX_ANNOUNCEMENT_LENGTH, outcomeWords, resolutionAnnouncement, unresolvedTitle } from './outcome-words';

const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const announced = (outcome: Parameters<typeof outcomeWords>[0]) => outcomeWords(outcome).announcement;
const answer = (error: unknown) => announced({ kind: 'answer', error });

const refusal = (message: string) =>
  new ApiError({ kind: 'api', method: 'POST', status: 503, message, envelope: { code: 503, msg: message, result: {} } });

describe('outcomeWords: the announcement', () => {
  it('says first that the withdrawal waits for the email, and to which address, in a short sentence', () => {
    const text = announced({ kind: 'accepted', maskedEmail: 'a••••••••x@example.org' });
    expect(text).toBe('Not processed yet: confirm the withdrawal from the email Everstrike sent to a••••••••x@example.org.');
    expect(text.length).toBeLessThan(MAX_ANNOUNCEMENT_LENGTH);
    // Nothing raw: not the body, not the address, not the exchange's answer.
    expect(text).not.toContain('asset=');
    expect(text).not.toContain(ADDRESS);
    expect(text).not.toContain('Withdrawal request received');
  });

  it('still says it when the email address is not known', () => {
    expect(announced({ kind: 'accepted', maskedEmail: null })).toBe('Not processed yet: confirm the withdrawal from the email Everstrike sent you.');
  });

  it('leads a refusal with its title, then the exchange’s reason', () => {
    const text = answer(refusal('Withdrawals are paused for maintenance'));
    expect(text).toBe('The exchange refused the request: Withdrawals are paused for maintenance (code 503, HTTP 503).');
  });

  it('keeps only the first sentence of a refusal’s detail (the hints stay on screen)', () => {
    const error = new ApiError({ kind: 'api', method: 'POST', status: 401, message: 'Invalid signature', envelope: { code: 401, msg: 'Invalid signature', result: {} } });
    expect(answer(error)).toBe('The exchange refused the request: Invalid signature (code 401, HTTP 401).');
  });

  it('says an unknown outcome is unknown and that the list comes before any resend', () => {
    const error = new ApiError({ kind: 'network', method: 'POST', message: 'The connection was lost' });
    const text = answer(error);
    expect(text).toBe('Outcome unknown: the connection was lost. It may have been accepted: check your withdrawal list before sending again.');
    expect(text.length).toBeLessThanOrEqual(MAX_ANNOUNCEMENT_LENGTH);
  });

  it('cuts a long exchange message at a word, within the limit', () => {
    const text = answer(refusal(`Refused ${'because of a very long reason '.repeat(10)}`));
    expect(text.length).toBeLessThanOrEqual(MAX_ANNOUNCEMENT_LENGTH);
    expect(text).toMatch(/^The exchange refused the request: Refused because of a very long reason .*\w…$/);
  });

});

describe('outcomeWords: each outcome in one place', () => {
  it('an accepted withdrawal: the title, then the email to confirm from, in the success tone', () => {
    const words = outcomeWords({ kind: 'accepted', maskedEmail: 'a••••••••x@example.org' });
    expect(words.title).toBe('The exchange accepted the withdrawal request');
    expect(words.body).toBe('Not processed yet: Everstrike processes this withdrawal only after you confirm it from the email it sends you (to a••••••••x@example.org). Open that email and confirm. To cancel it instead, use the cancel link in that email: the API cannot cancel a withdrawal.');
    expect(words).toMatchObject({ tone: 'success', outcomeUnknown: false, next: '' });
  });

  it('a refusal keeps the entries for another try', () => {
    const words = outcomeWords({ kind: 'answer', error: refusal('Insufficient balance') });
    expect(words).toMatchObject({ title: 'The exchange refused the request', body: 'Insufficient balance (code 503, HTTP 503).', tone: 'danger', outcomeUnknown: false });
    expect(words.next).toBe('Your entries are unchanged: fix what is needed and confirm again, or edit.');
  });

  it('not delivered: nothing was sent, and it may be tried again', () => {
    const words = outcomeWords({ kind: 'answer', error: new ApiError({ kind: 'not-delivered', method: 'POST', message: 'The proxy could not reach the exchange' }) });
    expect(words.title).toBe('The exchange could not be reached');
    expect(words.announcement).toBe('The exchange could not be reached: The proxy could not reach the exchange.');
    expect(words).toMatchObject({ tone: 'danger', outcomeUnknown: false });
  });

  it('an unknown outcome warns, and offers no "entries unchanged" line: the list comes first', () => {
    const words = outcomeWords({ kind: 'answer', error: new ApiError({ kind: 'timeout', method: 'POST', message: 'No answer within 20 s' }) });
    expect(words.title).toBe('Outcome unknown: no answer in time');
    expect(words.body).toContain('may or may not have been accepted');
    expect(words).toMatchObject({ tone: 'warning', outcomeUnknown: true, next: '' });
  });

  it('a code other than success is not shown as accepted', () => {
    const error = new ApiError({ kind: 'unexpected-code', method: 'POST', status: 200, message: 'queued', envelope: { code: 0, msg: 'queued', result: {} } });
    const words = outcomeWords({ kind: 'answer', error });
    expect(words.title).toBe('Outcome unknown: not a success answer');
    expect(words.announcement).toMatch(/^Outcome unknown: not a success answer\. It may have been accepted/);
    expect(words.tone).toBe('warning');
  });

  it('a page that could not sign says nothing was sent', () => {
    const words = outcomeWords({ kind: 'sign-failed', error: new Error('The operation failed for an operation-specific reason') });
    expect(words.title).toBe('The page could not sign the withdrawal');
    expect(words.body).toBe('The operation failed for an operation-specific reason. Nothing was sent.');
    expect(words.announcement).toBe('The page could not sign the withdrawal: nothing was sent.');
    expect(words).toMatchObject({ tone: 'danger', outcomeUnknown: false });
  });

  it('names an unresolved attempt by where it came from', () => {
    expect(unresolvedTitle(true)).toBe('A withdrawal was being sent when this page was closed or reloaded');
    expect(unresolvedTitle(false)).toBe('Did the exchange take it? Check before sending again');
    expect(unresolvedTitle(true, true)).toBe('Another tab of this page is sending a withdrawal, or could not tell whether it was taken');
  });
});

describe('resolutionAnnouncement', () => {
  const row = { id: 'wd_9', statusWords: 'Awaiting email confirmation' } as WithdrawalRow;

  it('does not change from one read of the list to the next while the answer is the same', () => {
    const first = resolutionAnnouncement({ kind: 'not-found', asOf: 1_000 });
    expect(resolutionAnnouncement({ kind: 'not-found', asOf: 6_000 })).toBe(first);
    expect(first).toBe('The withdrawal is not in your list yet.');
    expect(resolutionAnnouncement({ kind: 'found', row, asOf: 1_000 })).toBe(resolutionAnnouncement({ kind: 'found', row, asOf: 6_000 }));
  });

  it('says when the exchange has it, with its status', () => {
    expect(resolutionAnnouncement({ kind: 'found', row, asOf: 1 })).toBe('The exchange has the withdrawal: awaiting email confirmation.');
  });

  it.each([
    [{ kind: 'needs-keys' } as const, 'Add your API key and secret'],
    [{ kind: 'reading' } as const, 'Reading your withdrawal list…'],
    [{ kind: 'read-failed', problem: 'Network down' } as const, 'could not be read'],
  ])('words the other answers (%o)', (resolution, words) => {
    expect(resolutionAnnouncement(resolution)).toContain(words);
  });
});
