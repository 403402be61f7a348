/**
 * The simulated mailbox over real HTTP: the email each accepted withdrawal sends, the mailbox page, and what its
 * "Confirm withdrawal" / "Cancel withdrawal" links do to the withdrawal and the balances, step by step.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAILBOX_PAGE_LIMIT } from './mailbox.mjs';
import { ETH_ADDRESS, T0, sandboxForTests, type SandboxHarness } from './testing/sandbox-harness.ts';

/** processingMs is 60 s here: a confirmed withdrawal stays ACTIVE for the whole test. */
const sb = sandboxForTests();

async function page(harness: SandboxHarness, path: string, method = 'GET') {
  const response = await fetch(`${harness.url}${path}`, { method });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** The href of the link with this text, from a mailbox page (the first email's, i.e. the newest). */
function linkHref(html: string, text: string): string {
  const match = new RegExp(`<a class="action" href="([^"]+)">${text}</a>`).exec(html);
  if (!match?.[1]) throw new Error(`no "${text}" link in the page`);
  return match[1];
}

describe('the email sent for each accepted withdrawal', () => {
  it('is listed as JSON with its subject, recipient and absolute links', async () => {
    const id = await sb.withdrawId({ qty: '0.25' });
    expect(await sb.mailboxEmails()).toEqual([
      {
        id: expect.stringMatching(/^em_[0-9a-f]{12}$/),
        to: 'alice.sandbox@example.org',
        subject: 'Confirm your withdrawal of 0.25 ETH',
        withdrawalId: id,
        status: 'PENDING',
        confirmUrl: `${sb.url}/mailbox/confirm/${id}`,
        cancelUrl: `${sb.url}/mailbox/cancel/${id}`,
        time: T0,
      },
    ]);
  });

  it('is not sent for a refused withdrawal', async () => {
    await sb.withdraw({ qty: '11' });
    expect(await sb.mailboxEmails()).toEqual([]);
  });

  it('shows on the mailbox page, newest first, with every detail and both links, under a strict CSP', async () => {
    const older = await sb.withdrawId({ qty: '0.25' });
    const newer = await sb.withdrawId({ asset: 'USDT', qty: '100', timestamp: String(T0 + 1) });
    const { status, headers, html } = await page(sb, '/mailbox');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).not.toContain('<script');
    expect(html.indexOf('Confirm your withdrawal of 100 USDT')).toBeLessThan(html.indexOf('Confirm your withdrawal of 0.25 ETH'));
    for (const text of [
      'alice.sandbox@example.org',
      '<dt>Quantity</dt><dd>0.25 ETH</dd>',
      '<dt>Net (after the fee)</dt><dd>0.245 ETH</dd>',
      `<dt>Address</dt><dd>${ETH_ADDRESS}</dd>`,
      `<dt>Withdrawal id</dt><dd>${older}</dd>`,
      '<dt>Status</dt><dd>Waiting for your confirmation</dd>',
      `<a class="action" href="/mailbox/confirm/${older}">Confirm withdrawal</a>`,
      `<a class="action" href="/mailbox/cancel/${older}">Cancel withdrawal</a>`,
    ]) {
      expect(html).toContain(text);
    }
    expect(linkHref(html, 'Confirm withdrawal')).toBe(`/mailbox/confirm/${newer}`);
  });

  it(`shows at most the ${MAILBOX_PAGE_LIMIT} newest emails and says so`, async () => {
    await sb.control('account', { balances: { ETH: '1000' } });
    for (let i = 0; i <= MAILBOX_PAGE_LIMIT; i += 1) await sb.withdrawId({ qty: '1', timestamp: String(T0 + i) });
    const { html } = await page(sb, '/mailbox');
    expect(html).toContain(`Showing the ${MAILBOX_PAGE_LIMIT} newest of ${MAILBOX_PAGE_LIMIT + 1} emails.`);
    expect(html.match(/<article /g)).toHaveLength(MAILBOX_PAGE_LIMIT);
  });

  it('says when there is no email yet', async () => {
    expect((await page(sb, '/mailbox')).html).toContain('No emails yet.');
  });
});

describe('the links', () => {
  it('confirm: PENDING → ACTIVE, the quantity stays locked; confirming again changes nothing', async () => {
    const id = await sb.withdrawId({ qty: '0.25' });
    expect(await sb.balance('ETH')).toMatchObject({ free: 9.75, locked: 0.25, withdrawn: 0 });
    const confirmLink = linkHref((await page(sb, '/mailbox')).html, 'Confirm withdrawal');
    const first = await page(sb, confirmLink);
    expect(first.status).toBe(200);
    expect(first.html).toContain(`Withdrawal ${id} of 0.25 ETH is confirmed and now processing.`);
    expect(first.html).toContain('<a href="/mailbox">Back to the mailbox</a>');
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
    const again = await page(sb, confirmLink);
    expect(again.status).toBe(200);
    expect(again.html).toContain(`Withdrawal ${id} of 0.25 ETH was already confirmed. Status: Confirmed, processing.`);
    expect(await sb.withdrawalList()).toMatchObject([{ id, status: 'ACTIVE', email_confirmed: true, transaction: null }]);
    expect(await sb.balance('ETH')).toMatchObject({ free: 9.75, locked: 0.25, withdrawn: 0 });
    expect((await sb.mailboxEmails())[0]?.status).toBe('ACTIVE');
    expect((await page(sb, '/mailbox')).html).toContain('<dt>Status</dt><dd>Confirmed, processing</dd>');
  });

  it('cancel: PENDING → CANCELLED, locked → free; then it can be neither confirmed nor cancelled again', async () => {
    const id = await sb.withdrawId({ qty: '0.25' });
    const cancelled = await page(sb, `/mailbox/cancel/${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.html).toContain(`Withdrawal ${id} of 0.25 ETH is cancelled; the quantity is back in your free balance.`);
    expect(await sb.withdrawalList()).toMatchObject([{ id, status: 'CANCELLED', email_confirmed: false }]);
    expect(await sb.balance('ETH')).toMatchObject({ free: 10, locked: 0, withdrawn: 0 });
    const again = await page(sb, `/mailbox/cancel/${id}`);
    expect([again.status, again.html.includes('was already cancelled.')]).toEqual([200, true]);
    const confirm = await page(sb, `/mailbox/confirm/${id}`);
    expect(confirm.status).toBe(409);
    expect(confirm.html).toContain(`Withdrawal ${id} of 0.25 ETH can no longer be confirmed. Status: Cancelled.`);
    expect(await sb.balance('ETH')).toMatchObject({ free: 10, locked: 0 });
  });

  it('cancel after confirm is refused with 409 and changes nothing', async () => {
    const id = await sb.withdrawId({ qty: '1' });
    await page(sb, `/__sandbox/confirm/${id}`);
    const cancel = await page(sb, `/mailbox/cancel/${id}`);
    expect(cancel.status).toBe(409);
    expect(cancel.html).toContain('was already confirmed and can no longer be cancelled. Status: Confirmed, processing.');
    expect(await sb.balance('ETH')).toMatchObject({ free: 9, locked: 1 });
  });

  it('an unknown id gets a 404 page that shows the id escaped', async () => {
    for (const path of ['/mailbox/confirm/wd_%3Cscript%3Ealert(1)%3C%2Fscript%3E', '/__sandbox/confirm/wd_<script>']) {
      const { status, html } = await page(sb, path);
      expect(status).toBe(404);
      expect(html).toContain('There is no withdrawal wd_&#60;script&#62;');
      expect(html).not.toContain('<script');
    }
    expect((await page(sb, '/mailbox/cancel/wd_000000000000')).status).toBe(404);
  });

  it('only a GET follows a link; other mailbox paths are 404', async () => {
    const id = await sb.withdrawId();
    expect((await page(sb, `/mailbox/confirm/${id}`, 'HEAD')).status).toBe(405);
    expect((await page(sb, `/mailbox/cancel/${id}`, 'POST')).status).toBe(405);
    expect((await page(sb, '/mailbox', 'HEAD')).status).toBe(200);
    expect((await page(sb, '/mailbox/inbox')).status).toBe(404);
    expect((await sb.withdrawalList())[0]?.status).toBe('PENDING');
  });
});

describe('processing after confirmation', () => {
  const fast = sandboxForTests({ processingMs: 30 });

  it('completes a confirmed withdrawal: COMPLETED, a transaction hash, locked → withdrawn, exactly', async () => {
    const id = await fast.withdrawId({ asset: 'BTC', qty: '0.1', address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8' });
    expect((await page(fast, `/mailbox/confirm/${id}`)).status).toBe(200);
    await expect.poll(async () => (await fast.withdrawalList())[0]?.status).toBe('COMPLETED');
    const [row] = await fast.withdrawalList();
    expect(row).toMatchObject({ id, qty: '0.1', net: '0.0995', fee: '0.0005', email_confirmed: true });
    expect(row?.transaction?.hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await fast.balance('BTC')).toMatchObject({ free: 1.4, locked: 0, withdrawn: 0.1 });
    const done = await page(fast, `/mailbox/confirm/${id}`);
    expect(done.html).toContain(`was already confirmed. Status: Completed (transaction ${row?.transaction?.hash}).`);
  });
});
