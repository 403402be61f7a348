// @vitest-environment node
/** The control endpoints over real HTTP: the request log, reset, POST /__sandbox/account, 404/405. */
import { describe, expect, it } from 'vitest';
import { parseAccountUpdate } from './control-routes.mjs';
import { API_KEY, rejection, T0, sandboxForTests } from './testing/sandbox-harness.ts';

const sb = sandboxForTests();

describe('request log', () => {
  it('records every exchange request, including rejected ones', async () => {
    await sb.getJson('/time?x=1');
    const body = sb.encode({});
    await sb.postBody(body, { signature: 'bad' });
    const log = await sb.recorded();
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: 'GET', path: '/time', url: '/time?x=1', body: '', time: T0 });
    expect(log[1]).toMatchObject({
      method: 'POST',
      path: '/auth/withdraw',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': API_KEY, 'x-signature': 'bad' },
    });
  });

  it('never records control or mailbox requests', async () => {
    await sb.fault({ path: '/ping' });
    await sb.control('account', { withdrawEnabled: true });
    await sb.mailboxEmails();
    await fetch(`${sb.url}/mailbox`);
    await fetch(`${sb.url}/__sandbox/confirm/wd_unknown`);
    expect(await sb.recorded()).toEqual([]);
  });
});

describe('reset', () => {
  it('clears requests, withdrawals, emails, seen signatures, faults and account settings', async () => {
    const body = sb.encode({ qty: '4' });
    await sb.postBody(body);
    await sb.fault({ path: '/ping', status: 500 });
    await sb.control('account', { withdrawEnabled: false, balances: { BTC: '0' } });
    await sb.reset();
    expect(await sb.recorded()).toEqual([]);
    expect(await sb.withdrawalList()).toEqual([]);
    expect(await sb.mailboxEmails()).toEqual([]);
    const { balances, permissions } = await sb.personal();
    expect(balances.ETH).toMatchObject({ free: 10, locked: 0 });
    expect(balances.BTC).toMatchObject({ free: 1.5 });
    expect(permissions).toMatchObject({ withdraw_enabled: true });
    expect((await sb.getJson('/ping')).status).toBe(200);
    expect((await sb.postBody(body)).status).toBe(200); // the signature is no longer a duplicate
  });

  it('cuts off a request still waiting out a fault delay: dropped, never processed', async () => {
    await sb.fault({ delayMs: 60_000, passThrough: true });
    const cutOff = expect(sb.withdraw({ qty: '1' })).rejects.toThrow(); // handled from the start: it fails during reset
    await expect.poll(async () => (await sb.recorded()).length).toBe(1);
    await sb.reset();
    await cutOff;
    expect(await sb.withdrawalList()).toEqual([]);
  });
});

describe('POST /__sandbox/account', () => {
  it('sets free balances exactly, leaving locked amounts alone', async () => {
    await sb.withdraw({ qty: '2' });
    const answer = await sb.control('account', { balances: { ETH: '0.30000001', USDT: '1000000' } });
    expect(answer).toEqual({ status: 200, json: { ok: true } });
    expect(await sb.balance('ETH')).toMatchObject({ free: 0.30000001, locked: 2 });
    expect(await sb.balance('USDT')).toMatchObject({ free: 1000000 });
    expect(await sb.withdraw({ qty: '0.30000002', timestamp: String(T0 + 1) })).toMatchObject(
      rejection(503, 503, 'Insufficient balance'),
    );
    expect((await sb.withdraw({ qty: '0.30000001', timestamp: String(T0 + 2) })).status).toBe(200);
  });

  it("switches one asset's withdrawals off, as GET /assets then says, and back on", async () => {
    await sb.control('account', { disabledAssets: ['ETH'] });
    const assets = (await sb.getJson('/assets')).json.result as Record<string, { withdrawals_enabled: boolean }>;
    expect(assets.ETH?.withdrawals_enabled).toBe(false);
    expect(assets.BTC?.withdrawals_enabled).toBe(true);
    expect((await sb.withdraw()).json.msg).toBe('Withdrawals of ETH are disabled');
    await sb.control('account', { disabledAssets: [] });
    expect((await sb.withdraw({ timestamp: String(T0 + 1) })).status).toBe(200);
  });

  it('turns the withdraw permission off and on', async () => {
    await sb.control('account', { withdrawEnabled: false });
    expect((await sb.withdraw()).json.msg).toBe('Withdrawals are disabled for this API key');
    await sb.control('account', { withdrawEnabled: true });
    expect((await sb.withdraw({ timestamp: String(T0 + 1) })).status).toBe(200);
  });

  it.each([
    ['{}', 'Give at least one of withdrawEnabled, balances, disabledAssets'],
    ['[]', 'Body must be a JSON object'],
    ['{"withdrawEnabled": "false"}', 'withdrawEnabled must be a boolean'],
    ['{"balances": {"ETH": 5}}', 'balances.ETH must be a decimal string with at most 8 places, e.g. "12.5"'],
    ['{"balances": {"ETH": "-1"}}', 'balances.ETH must be a decimal string with at most 8 places, e.g. "12.5"'],
    ['{"balances": {"ETH": "1.000000001"}}', 'balances.ETH must be a decimal string with at most 8 places, e.g. "12.5"'],
    ['{"balances": {"DOGE": "1"}}', 'Unknown asset in balances: DOGE; expected BTC, ETH, BNB, SOL, AVAX, ATOM, DOT, LINK, ADA, XRP, ALGO, USDT, DAI, MKR, ONT, MAN, TRX'],
    ['{"balances": {"__proto__": "1"}}', 'Unknown asset in balances: __proto__; expected BTC, ETH, BNB, SOL, AVAX, ATOM, DOT, LINK, ADA, XRP, ALGO, USDT, DAI, MKR, ONT, MAN, TRX'],
    ['{"balances": {}}', 'balances must name at least one asset'],
    ['{"balances": ["ETH"]}', 'balances must be an object of asset → decimal string, e.g. {"ETH": "12.5"}'],
    ['{"withdraw_enabled": false}', 'Unknown account option(s): withdraw_enabled; expected withdrawEnabled, balances, disabledAssets'],
    ['{"disabledAssets": "XRP"}', `disabledAssets must be a list of asset ids among ${'BTC, ETH, BNB, SOL, AVAX, ATOM, DOT, LINK, ADA, XRP, ALGO, USDT, DAI, MKR, ONT, MAN, TRX'}`],
    ['{"disabledAssets": ["DOGE"]}', `disabledAssets must be a list of asset ids among ${'BTC, ETH, BNB, SOL, AVAX, ATOM, DOT, LINK, ADA, XRP, ALGO, USDT, DAI, MKR, ONT, MAN, TRX'}`],
    ['{not json', 'Body must be JSON'],
  ])('refuses %s with 400 and a reason, changing nothing', async (body, error) => {
    expect(parseAccountUpdate(body)).toEqual({ error });
    expect(await sb.control('account', body)).toEqual({ status: 400, json: { ok: false, error } });
    expect(await sb.balance('ETH')).toMatchObject({ free: 10 });
  });

  it('applies nothing when one part of the update is invalid', async () => {
    const answer = await sb.control('account', { withdrawEnabled: false, balances: { ETH: 'lots' } });
    expect(answer.status).toBe(400);
    expect((await sb.personal()).permissions).toMatchObject({ withdraw_enabled: true });
  });
});

describe('routing', () => {
  it('answers unknown control paths with 404 and wrong methods with 405, in plain JSON', async () => {
    const unknown = await fetch(`${sb.url}/__sandbox/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error: 'Unknown sandbox control endpoint' });
    const wrong = await fetch(`${sb.url}/__sandbox/reset`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect((await fetch(`${sb.url}/__sandbox/account`)).status).toBe(405);
    expect((await fetch(`${sb.url}/__sandbox/requests`, { method: 'POST' })).status).toBe(405);
  });
});
