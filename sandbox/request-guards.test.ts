// @vitest-environment node
/**
 * Who may talk to the sandbox, over real sockets: the Host rule (421 for any name but its own, nothing recorded),
 * JSON-only control POSTs (415), and control endpoints and mailbox links that refuse what another site made the
 * browser send (403, nothing changed), while the mailbox still works for a person clicking in it.
 */
import { describe, expect, it } from 'vitest';
import { head, rawRequest } from '../server/testing/raw-http.ts';
import { parseHostList } from './request-guards.mjs';
import { sandboxForTests, SandboxHarness } from './testing/sandbox-harness.ts';

const sb = sandboxForTests();
const port = () => sb.sandbox.port;
/** The withdraw permission as /personal reports it. */
const withdrawEnabled = async () => ((await sb.personal()) as { permissions?: { withdraw_enabled?: boolean } }).permissions?.withdraw_enabled;
const get = (path: string, ...lines: string[]) => rawRequest(port(), head(`GET ${path} HTTP/1.1`, 'Connection: close', ...lines));

describe('the Host rule', () => {
  it.each(['evil.example', 'evil.example:PORT', 'localhost:1', '127.0.0.1', '127.0.0.2:PORT', 'sandbox.lan:PORT'])(
    'answers Host: %s with 421 and serves, records and changes nothing',
    async (host) => {
      const name = host.replace('PORT', String(port()));
      for (const path of ['/time', '/personal', '/__sandbox/requests', '/__sandbox/mailbox', '/mailbox']) {
        const response = await get(path, `Host: ${name}`, 'X-Api-Key: test-key');
        expect(response.status, `${name} ${path}`).toBe(421);
        expect(response.body).not.toContain('alice');
      }
      const reset = await rawRequest(port(), head('POST /__sandbox/reset HTTP/1.1', `Host: ${name}`, 'Connection: close', 'Content-Type: application/json', 'Content-Length: 2') + '{}');
      expect(reset.status).toBe(421);
      expect(await sb.recorded()).toEqual([]);
    },
  );

  it('serves its loopback names on its own port', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `LOCALHOST:${port()}`]) expect((await get('/ping', `Host: ${host}`)).status).toBe(200);
    expect(await sb.recorded()).toHaveLength(3);
  });

  it('serves the names of SANDBOX_PUBLIC_HOSTS', async () => {
    const lan = new SandboxHarness();
    await lan.start({ publicHosts: ['sandbox.lan', '192.168.1.5:8787'] });
    try {
      const { port: lanPort } = lan.sandbox;
      for (const host of ['sandbox.lan', '192.168.1.5:8787']) {
        expect((await rawRequest(lanPort, head('GET /ping HTTP/1.1', `Host: ${host}`, 'Connection: close'))).status).toBe(200);
      }
      expect((await rawRequest(lanPort, head('GET /ping HTTP/1.1', 'Host: sandbox.lan:8787', 'Connection: close'))).status).toBe(421);
    } finally {
      await lan.close();
    }
  });

  it('reads SANDBOX_PUBLIC_HOSTS strictly', () => {
    expect(parseHostList(undefined, 'SANDBOX_PUBLIC_HOSTS')).toEqual({ hosts: [] });
    expect(parseHostList(' Sandbox.LAN ,[::1]:9000', 'SANDBOX_PUBLIC_HOSTS')).toEqual({ hosts: ['sandbox.lan', '[::1]:9000'] });
    for (const bad of ['http://sandbox.lan', 'sandbox.lan/x', '*', 'a,,b', 'sandbox.lan:80']) {
      expect(parseHostList(bad, 'SANDBOX_PUBLIC_HOSTS')).toEqual({ error: expect.stringMatching(/^SANDBOX_PUBLIC_HOSTS must list host names/) });
    }
  });
});

describe('the control endpoints', () => {
  const control = (path: string, body: string, ...lines: string[]) =>
    rawRequest(port(), head(`POST /__sandbox/${path} HTTP/1.1`, `Host: 127.0.0.1:${port()}`, 'Connection: close', ...lines, `Content-Length: ${body.length}`) + body);

  it.each([
    ['text/plain', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no content type', undefined],
  ])('refuse a POST with %s (what a page of another site can send unasked) with 415, and apply nothing', async (_case, type) => {
    const typeLine = type === undefined ? [] : [`Content-Type: ${type}`];
    const account = await control('account', '{"withdrawEnabled":false}', ...typeLine);
    expect(account.status).toBe(415);
    expect(JSON.parse(account.body)).toMatchObject({ ok: false, error: expect.stringContaining('application/json') });
    expect((await control('fault', '{"path":"/ping","status":500}', ...typeLine)).status).toBe(415);
    expect((await fetch(`${sb.url}/ping`)).status).toBe(200);
    expect(await withdrawEnabled()).toBe(true);
    await sb.withdrawId();
    expect((await control('reset', '', ...typeLine)).status).toBe(415);
    expect(await sb.mailboxEmails()).toHaveLength(1);
  });

  it('take JSON, and reset with an empty body or {}', async () => {
    expect((await control('account', '{"withdrawEnabled":false}', 'Content-Type: application/json; charset=utf-8')).status).toBe(200);
    expect(await withdrawEnabled()).toBe(false);
    expect((await control('reset', '', 'Content-Type: application/json')).status).toBe(200);
    expect((await control('reset', '{}', 'Content-Type: application/json')).status).toBe(200);
    expect(await withdrawEnabled()).toBe(true);
  });

  it.each([['Sec-Fetch-Site: cross-site'], ['Sec-Fetch-Site: same-site'], ['Origin: http://127.0.0.1:5173']])(
    'refuse what the browser marks as sent by another site (%s) with 403, reads included',
    async (mark) => {
      expect((await control('account', '{"withdrawEnabled":false}', 'Content-Type: application/json', mark)).status).toBe(403);
      expect(await withdrawEnabled()).toBe(true);
      expect((await get('/__sandbox/requests', `Host: 127.0.0.1:${port()}`, mark)).status).toBe(403);
    },
  );
});

describe('the mailbox links', () => {
  const follow = (link: string, ...lines: string[]) => get(link, `Host: 127.0.0.1:${port()}`, ...lines);

  it.each([['Sec-Fetch-Site: cross-site'], ['Sec-Fetch-Site: same-site'], ['Origin: https://evil.example']])(
    'change nothing when another site made the browser follow them (%s): 403',
    async (mark) => {
      const id = await sb.withdrawId();
      for (const link of [`/mailbox/confirm/${id}`, `/mailbox/cancel/${id}`, `/__sandbox/confirm/${id}`]) {
        const response = await follow(link, mark, 'Sec-Fetch-Dest: image');
        expect(response.status, link).toBe(403);
        expect(response.headers['content-type']).toMatch(/^(?:text\/html|application\/json)/);
      }
      expect((await sb.mailboxEmails())[0]?.status).toBe('PENDING');
    },
  );

  it('work for a person clicking in the mailbox page (same origin), a typed URL, and a client without fetch metadata', async () => {
    const own = `Origin: http://127.0.0.1:${port()}`;
    const first = await sb.withdrawId();
    expect((await follow(`/mailbox/confirm/${first}`, 'Sec-Fetch-Site: same-origin', 'Sec-Fetch-Dest: document')).status).toBe(200);
    const second = await sb.withdrawId({ qty: '1' });
    expect((await follow(`/mailbox/cancel/${second}`, 'Sec-Fetch-Site: none', own)).status).toBe(200);
    const third = await sb.withdrawId({ qty: '0.5' });
    expect((await fetch(`${sb.url}/mailbox/confirm/${third}`)).status).toBe(200);
    expect((await sb.mailboxEmails()).map((email) => email.status)).toEqual(['ACTIVE', 'CANCELLED', 'ACTIVE']);
    // The mailbox page itself is readable from anywhere a browser can reach it (another site cannot read it).
    expect((await follow('/mailbox', 'Sec-Fetch-Site: cross-site')).status).toBe(200);
  });
});
