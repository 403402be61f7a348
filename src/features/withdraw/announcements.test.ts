import { describe, expect, it } from 'vitest';
import type { WithdrawalRow } from '../../exchange/withdrawals';
import { ApiError } from '../../lib/api-client';
import { MAX_ANNOUNCEMENT_LENGTH, resolutionAnnouncement, withdrawalAnnouncement } from './announcements';
import type { Stage } from './withdraw-flow';
import type { WithdrawalDraft } from './withdraw-schema';

const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const draft: WithdrawalDraft = { asset: 'ETH', qty: '1.5', address: ADDRESS, addressKind: 'Ethereum address', chain: 'ethereum', addressChecked: true, memo: false };
const body = `asset=ETH&qty=1.5&address=${ADDRESS}&timestamp=1764100000000`;
const sent: Stage = { name: 'sent', draft, body, response: { code: 200, msg: 'Withdrawal request received', result: { id: 'wd_1' } }, withdrawalId: 'wd_1' };
const attempt = { asset: 'ETH' as const, qty: '1.5', address: ADDRESS, startedAt: 1 };

const refusal = (message: string) =>
  new ApiError({ kind: 'api', method: 'POST', status: 503, message, envelope: { code: 503, msg: message, result: {} } });

describe('withdrawalAnnouncement', () => {
  it('says first that the withdrawal waits for the email, and to which address, in a short sentence', () => {
    const text = withdrawalAnnouncement(sent, 'a••••••••x@example.org');
    expect(text).toBe('Not processed yet: confirm the withdrawal from the email Everstrike sent to a••••••••x@example.org.');
    expect(text.length).toBeLessThan(MAX_ANNOUNCEMENT_LENGTH);
    // Nothing raw: not the body, not the address, not the exchange's answer.
    expect(text).not.toContain('asset=');
    expect(text).not.toContain(ADDRESS);
    expect(text).not.toContain('Withdrawal request received');
  });

  it('still says it when the email address is not known', () => {
    expect(withdrawalAnnouncement(sent, null)).toBe('Not processed yet: confirm the withdrawal from the email Everstrike sent you.');
  });

  it('leads a refusal with its title, then the exchange’s reason', () => {
    const text = withdrawalAnnouncement({ name: 'failed', draft, error: refusal('Withdrawals are paused for maintenance') }, null);
    expect(text).toBe('The exchange refused the request: Withdrawals are paused for maintenance (code 503, HTTP 503).');
  });

  it('keeps only the first sentence of a refusal’s detail (the hints stay on screen)', () => {
    const error = new ApiError({ kind: 'api', method: 'POST', status: 401, message: 'Invalid signature', envelope: { code: 401, msg: 'Invalid signature', result: {} } });
    expect(withdrawalAnnouncement({ name: 'failed', draft, error }, null)).toBe('The exchange refused the request: Invalid signature (code 401, HTTP 401).');
  });

  it('says an unknown outcome is unknown and that the list comes before any resend', () => {
    const error = new ApiError({ kind: 'network', method: 'POST', message: 'The connection was lost' });
    const text = withdrawalAnnouncement({ name: 'unknown', draft, error, attempt }, 'a••••••••x@example.org');
    expect(text).toBe('Outcome unknown: the connection was lost. It may have been accepted: check your withdrawal list before sending again.');
    expect(text.length).toBeLessThanOrEqual(MAX_ANNOUNCEMENT_LENGTH);
  });

  it('cuts a long exchange message at a word, within the limit', () => {
    const text = withdrawalAnnouncement({ name: 'failed', draft, error: refusal(`Refused ${'because of a very long reason '.repeat(10)}`) }, null);
    expect(text.length).toBeLessThanOrEqual(MAX_ANNOUNCEMENT_LENGTH);
    expect(text).toMatch(/^The exchange refused the request: Refused because of a very long reason .*\w…$/);
  });

  it.each<Stage>([{ name: 'editing' }, { name: 'reviewing', draft }, { name: 'sending', draft, attempt }])('says nothing while there is no result ($name)', (stage) => {
    expect(withdrawalAnnouncement(stage, 'a••••••••x@example.org')).toBe('');
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
