// @vitest-environment node
/** The exchange's read endpoints over real HTTP: /time, /ping, /assets, /personal, /withdrawals, 404/405. */
import { describe, expect, it } from 'vitest';
import { KNOWN_ASSETS } from '../contract/everstrike.mjs';
import { BTC_ADDRESS, ETH_ADDRESS, rejection, T0, sandboxForTests } from './testing/sandbox-harness.ts';

const sb = sandboxForTests();

describe('public endpoints', () => {
  it('answers GET /time with the server clock in the envelope', async () => {
    sb.clock = T0 + 1234;
    const { status, headers, json } = await sb.getJson('/time');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(json).toEqual({ code: 200, msg: '', result: T0 + 1234 });
  });

  it('answers GET /ping with pong', async () => {
    expect(await sb.getJson('/ping')).toMatchObject({ status: 200, json: { code: 200, msg: 'pong', result: {} } });
  });

  it("lists the contract's assets and one the page has no rules for, with fees, decimals and minimums", async () => {
    const { status, json } = await sb.getJson('/assets');
    expect(status).toBe(200);
    const result = json.result as Record<string, { decimals: number; fees: { withdrawal: number }; min_withdrawal?: number }>;
    expect(Object.keys(result)).toEqual([...KNOWN_ASSETS.map((asset) => asset.id), 'TRX']);
    expect(result.ETH).toEqual({ id: 'ETH', name: 'Ethereum', decimals: 18, fees: { withdrawal: 0.005 }, withdrawals_enabled: true });
    expect(result.BTC).toMatchObject({ decimals: 8, fees: { withdrawal: 0.0005 } });
    expect(result.USDT).toMatchObject({ decimals: 6, fees: { withdrawal: 5 } });
    expect(result.XRP).toMatchObject({ decimals: 6, fees: { withdrawal: 0.25 }, min_withdrawal: 20 });
    expect(result.TRX).toMatchObject({ name: 'TRON', decimals: 6, fees: { withdrawal: 1 } });
  });

  it('sends no CORS headers, like the real API', async () => {
    const response = await fetch(`${sb.url}/time`, { headers: { origin: 'http://localhost:5173' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown paths with 404 and wrong methods with 405, both in the envelope', async () => {
    expect(await sb.getJson('/nope')).toMatchObject({ status: 404, json: { code: 404, msg: 'Not found', result: {} } });
    const post = await fetch(`${sb.url}/time`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(await post.json()).toEqual({ code: 405, msg: 'Method not allowed', result: {} });
    const get = await fetch(`${sb.url}/auth/withdraw`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('serves a short note at / saying the app is elsewhere', async () => {
    const response = await fetch(`${sb.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/sandbox exchange[\s\S]*app itself is served elsewhere/);
  });
});

describe('GET /personal and GET /withdrawals', () => {
  it('require a valid API key', async () => {
    for (const path of ['/personal', '/withdrawals']) {
      expect(await sb.getJson(path)).toMatchObject(rejection(401, 401, 'Invalid API key'));
      expect(await sb.getJson(path, { 'x-api-key': 'wrong' })).toMatchObject(rejection(401, 401, 'Invalid API key'));
    }
  });

  it('reports the account, starting balances and deposit addresses', async () => {
    const result = await sb.personal();
    expect(result).toMatchObject({
      email: 'alice.sandbox@example.org',
      verification_level: 1,
      permissions: { withdraw_enabled: true, api_enabled: true, trade_enabled: true },
    });
    expect(typeof result.withdrawal_allowance).toBe('number');
    expect(result.balances.ETH).toEqual({ free: 10, locked: 0, withdrawn: 0, pnl: 0, margin: 0, fees: 0 });
    expect(result.balances.BTC?.free).toBe(1.5);
    expect(result.balances.USDT?.free).toBe(25000);
    expect(result.deposit_addresses).toMatchObject({
      ETH: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      USDT: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      BTC: BTC_ADDRESS,
      XRP: 'rfKd36q1Ps4zJHqEXpsieJoAhTPBURjfrg',
      TRX: 'TZDrdggvUfSh9Zd9Vj17k9RJDzUAuhQaHb',
    });
    expect(Object.keys(result.deposit_addresses as Record<string, string>)).toHaveLength(KNOWN_ASSETS.length + 1);
  });

  it('lists withdrawals newest first', async () => {
    expect(await sb.withdrawalList()).toEqual([]);
    await sb.withdraw({ qty: '1' });
    sb.clock += 10;
    await sb.withdraw({ asset: 'BTC', qty: '0.1', address: BTC_ADDRESS });
    const list = await sb.withdrawalList();
    expect(list.map((w) => [w.asset, w.qty, w.time])).toEqual([
      ['BTC', '0.1', T0 + 10],
      ['ETH', '1', T0],
    ]);
  });
});

describe('account settings seen through the reads', () => {
  it('shows a disabled withdraw permission and a set free balance', async () => {
    expect((await sb.control('account', { withdrawEnabled: false, balances: { ETH: '0.12345678' } })).status).toBe(200);
    const result = await sb.personal();
    expect(result.permissions).toEqual({ withdraw_enabled: false, api_enabled: true, trade_enabled: true });
    expect(result.balances.ETH).toEqual({ free: 0.12345678, locked: 0, withdrawn: 0, pnl: 0, margin: 0, fees: 0 });
  });

  it('lists each withdrawal with its gross quantity, net and fee as exact strings', async () => {
    await sb.withdraw({ asset: 'USDT', qty: '1250.5' });
    const [row] = await sb.withdrawalList();
    expect(row).toEqual({
      id: expect.stringMatching(/^wd_[0-9a-f]{12}$/),
      asset: 'USDT',
      qty: '1250.5',
      net: '1245.5',
      fee: '5',
      address: ETH_ADDRESS,
      status: 'PENDING',
      time: T0,
      email_confirmed: false,
      transaction: null,
    });
  });
});
