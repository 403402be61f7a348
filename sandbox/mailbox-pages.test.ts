/** The mailbox's HTML, without HTTP: every value is escaped, links are encoded, statuses are worded. */
import { describe, expect, it } from 'vitest';
import { renderCancelOutcome, renderConfirmOutcome, renderMailbox, statusInWords } from './mailbox-pages.mjs';
import type { MailboxEmail, Withdrawal } from './types.mjs';

const hostile = '<img src=x onerror="alert(1)">';

function withdrawal(overrides: Partial<Withdrawal> = {}): Withdrawal {
  return {
    id: 'wd_1',
    asset: 'ETH',
    qty: 25_000_000n,
    net: 24_500_000n,
    address: '0x829bd824b016326a401d083b33d092293333a830',
    status: 'PENDING',
    time: 0,
    emailConfirmed: false,
    transactionHash: null,
    ...overrides,
  };
}

const email: MailboxEmail = {
  id: 'em_1',
  to: 'alice.sandbox@example.org',
  subject: 'Confirm your withdrawal of 0.25 ETH',
  withdrawalId: 'wd_1',
  time: 0,
};

describe('renderMailbox', () => {
  it('escapes every value it shows and encodes ids in links', () => {
    const w = withdrawal({ id: `wd_"${hostile}`, address: hostile });
    const entries = [{ email: { ...email, subject: hostile }, withdrawal: w }];
    const { body } = renderMailbox({ to: `${hostile}@example.org`, entries, total: 1 });
    expect(body).not.toContain('<img');
    expect(body).toContain('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;');
    expect(body).toContain(`href="/mailbox/confirm/${encodeURIComponent(w.id)}"`);
    expect(body).toContain(`href="/mailbox/cancel/${encodeURIComponent(w.id)}"`);
  });

  it('names the total when it shows fewer emails', () => {
    const { body } = renderMailbox({ to: email.to, entries: [{ email, withdrawal: withdrawal() }], total: 3 });
    expect(body).toContain('Showing the 1 newest of 3 emails.');
  });
});

describe('outcome pages', () => {
  it('escape the id of an unknown withdrawal', () => {
    const reply = renderConfirmOutcome(hostile, undefined);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('<img');
    expect(renderCancelOutcome(hostile, undefined).body).not.toContain('<img');
  });

  it('word each case', () => {
    const pending = withdrawal();
    expect(renderConfirmOutcome('wd_1', { changed: true, withdrawal: pending }).body).toContain('is confirmed and now processing.');
    expect(renderCancelOutcome('wd_1', { changed: true, withdrawal: pending }).body).toContain('is cancelled;');
    const rejected = withdrawal({ status: 'REJECTED' });
    expect(renderCancelOutcome('wd_1', { changed: false, withdrawal: rejected })).toMatchObject({ status: 409 });
    expect(renderCancelOutcome('wd_1', { changed: false, withdrawal: rejected }).body).toContain(
      'Withdrawal wd_1 of 0.25 ETH can no longer be cancelled. Status: Rejected by the exchange.',
    );
  });
});

describe('statusInWords', () => {
  it('says what each status means, with the transaction once there is one', () => {
    expect(statusInWords(withdrawal())).toBe('Waiting for your confirmation');
    expect(statusInWords(withdrawal({ status: 'ACTIVE' }))).toBe('Confirmed, processing');
    expect(statusInWords(withdrawal({ status: 'COMPLETED', transactionHash: '0xab' }))).toBe('Completed (transaction 0xab)');
    expect(statusInWords(withdrawal({ status: 'CANCELLED' }))).toBe('Cancelled');
  });
});
