// @vitest-environment node
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './server.mjs';

const API_KEY = 'test-key';
const SECRET = 'test-secret';
const T0 = 1_763_900_000_000;
const ETH_ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const BTC_ADDRESS = 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8';
const SERVER_PATH = fileURLToPath(new URL('./server.mjs', import.meta.url));

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type Envelope = { code: number; msg: string; result: unknown };
type Fields = { asset: string; qty: string; address: string; timestamp: string };
type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string | string[]>;
  body: string;
  time: number;
};
type WithdrawalEntry = {
  id: string;
  asset: string;
  qty: string;
  net: string;
  address: string;
  status: string;
  time: number;
  email_confirmed: boolean;
  transaction: { hash: string } | null;
};
type BalanceEntry = { free: number; locked: number; withdrawn: number; pnl: number; margin: number; fees: number };

let clock = T0;
let sandbox: Sandbox;

const sign = (body: string, secret = SECRET): string => createHmac('sha256', secret).update(body).digest('base64');

function encode(fields: Partial<Fields>): string {
  const all: Fields = { asset: 'ETH', qty: '1.5', address: ETH_ADDRESS, timestamp: String(clock), ...fields };
  return new URLSearchParams([
    ['asset', all.asset],
    ['qty', all.qty],
    ['address', all.address],
    ['timestamp', all.timestamp],
  ]).toString();
}

type PostOptions = { apiKey?: string | null; signature?: string | null; contentType?: string | null; secret?: string };

async function postBody(body: string, options: PostOptions = {}, base = sandbox.url) {
  const headers: Record<string, string> = {};
  const contentType = options.contentType === undefined ? 'application/x-www-form-urlencoded' : options.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const apiKey = options.apiKey === undefined ? API_KEY : options.apiKey;
  if (apiKey !== null) headers['x-api-key'] = apiKey;
  const signature = options.signature === undefined ? sign(body, options.secret) : options.signature;
  if (signature !== null) headers['x-signature'] = signature;
  // A byte body keeps fetch from adding its own text/plain content type.
  const response = await fetch(`${base}/auth/withdraw`, {
    method: 'POST',
    headers,
    body: new TextEncoder().encode(body),
  });
  return { status: response.status, json: (await response.json()) as Envelope };
}

const withdraw = (fields: Partial<Fields> = {}, options: PostOptions = {}) => postBody(encode(fields), options);

async function getJson(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Envelope };
}

async function personal() {
  const { json } = await getJson('/personal', { 'x-api-key': API_KEY });
  return json.result as { balances: Record<string, BalanceEntry> } & Record<string, unknown>;
}

async function withdrawalList(): Promise<WithdrawalEntry[]> {
  const { json } = await getJson('/withdrawals', { 'x-api-key': API_KEY });
  return json.result as WithdrawalEntry[];
}

async function recorded(): Promise<RecordedRequest[]> {
  const response = await fetch(`${sandbox.url}/__sandbox/requests`);
  return ((await response.json()) as { requests: RecordedRequest[] }).requests;
}

async function fault(spec: Record<string, unknown>) {
  const response = await fetch(`${sandbox.url}/__sandbox/fault`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  return { status: response.status, json: (await response.json()) as { ok: boolean; error?: string } };
}

const rejection = (status: number, code: number, msg: string) => ({ status, json: { code, msg, result: {} } });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, secret: SECRET, now: () => clock, quiet: true, processingMs: 60_000 });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(async () => {
  clock = T0;
  const response = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  expect(await response.json()).toEqual({ ok: true });
});

describe('public endpoints', () => {
  it('answers GET /time with the server clock in the envelope', async () => {
    clock = T0 + 1234;
    const { status, headers, json } = await getJson('/time');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(json).toEqual({ code: 200, msg: '', result: T0 + 1234 });
  });

  it('answers GET /ping with pong', async () => {
    expect(await getJson('/ping')).toMatchObject({ status: 200, json: { code: 200, msg: 'pong', result: {} } });
  });

  it('lists the seven assets with their fees', async () => {
    const { status, json } = await getJson('/assets');
    expect(status).toBe(200);
    const result = json.result as Record<string, { type: string; fees: { withdrawal: number } }>;
    expect(Object.keys(result).sort()).toEqual(['BTC', 'DAI', 'ETH', 'MAN', 'MKR', 'ONT', 'USDT']);
    expect(result.ETH).toEqual({
      id: 'ETH',
      name: 'Ethereum',
      type: 'ethereum',
      decimals: 8,
      fees: { withdrawal: 0.005 },
      withdrawals_enabled: true,
    });
    expect(result.BTC).toMatchObject({ type: 'bitcoin', fees: { withdrawal: 0.0005 } });
    expect(result.USDT?.fees.withdrawal).toBe(5);
    expect(result.MAN?.fees.withdrawal).toBe(10);
  });

  it('sends no CORS headers, like the real API', async () => {
    const response = await fetch(`${sandbox.url}/time`, { headers: { origin: 'http://localhost:5173' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown paths with 404 and wrong methods with 405, both in the envelope', async () => {
    expect(await getJson('/nope')).toMatchObject({ status: 404, json: { code: 404, msg: 'Not found', result: {} } });
    const post = await fetch(`${sandbox.url}/time`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(await post.json()).toEqual({ code: 405, msg: 'Method not allowed', result: {} });
    const get = await fetch(`${sandbox.url}/auth/withdraw`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('serves a short note at / saying the app is elsewhere', async () => {
    const response = await fetch(`${sandbox.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/sandbox exchange[\s\S]*app itself is served elsewhere/);
  });
});

describe('GET /personal and GET /withdrawals', () => {
  it('require a valid API key', async () => {
    for (const path of ['/personal', '/withdrawals']) {
      expect(await getJson(path)).toMatchObject(rejection(401, 401, 'Invalid API key'));
      expect(await getJson(path, { 'x-api-key': 'wrong' })).toMatchObject(rejection(401, 401, 'Invalid API key'));
    }
  });

  it('reports the account, starting balances and deposit addresses', async () => {
    const result = await personal();
    expect(result).toMatchObject({
      email: 'alice.sandbox@example.org',
      verification_level: 1,
      permissions: { withdraw_enabled: true, api_enabled: true, trade_enabled: true },
    });
    expect(typeof result.withdrawal_allowance).toBe('number');
    expect(result.balances.ETH).toEqual({ free: 10, locked: 0, withdrawn: 0, pnl: 0, margin: 0, fees: 0 });
    expect(result.balances.BTC?.free).toBe(1.5);
    expect(result.balances.USDT?.free).toBe(25000);
    expect(result.deposit_addresses).toEqual({
      ETH: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      USDT: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      DAI: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      MKR: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      ONT: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      MAN: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      BTC: BTC_ADDRESS,
    });
  });

  it('lists withdrawals newest first', async () => {
    expect(await withdrawalList()).toEqual([]);
    await withdraw({ qty: '1' });
    clock += 10;
    await withdraw({ asset: 'BTC', qty: '0.1', address: BTC_ADDRESS });
    const list = await withdrawalList();
    expect(list.map((w) => [w.asset, w.qty, w.time])).toEqual([
      ['BTC', '0.1', T0 + 10],
      ['ETH', '1', T0],
    ]);
  });
});

describe('POST /auth/withdraw', () => {
  it('accepts a correctly signed withdrawal and keeps it pending until email confirmation', async () => {
    const { status, json } = await withdraw({ qty: '1.50' });
    expect(status).toBe(200);
    expect(json.code).toBe(200);
    expect(json.msg).toBe('Withdrawal submitted. It will be processed once you confirm it by email.');
    const result = json.result as WithdrawalEntry;
    expect(result).toEqual({
      id: expect.stringMatching(/^wd_[0-9a-f]{12}$/),
      asset: 'ETH',
      qty: '1.5',
      net: '1.495',
      address: ETH_ADDRESS,
      status: 'PENDING',
      time: T0,
    });
    expect(await withdrawalList()).toEqual([{ ...result, fee: '0.005', email_confirmed: false, transaction: null }]);
  });

  it('verifies the shared signature vector (UTF-8 secret, exact body bytes)', async () => {
    const vector = {
      secret: 'clé-secrète-ÆØÅ-漢字',
      body: 'asset=USDT&qty=1250.5&address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD&timestamp=1763900000999',
      signature: 'FGFEvkJEtk8Pnh7v2ogCkJgOqsF1T97N4KTvRKEddfE=',
    };
    expect(sign(vector.body, vector.secret)).toBe(vector.signature);
    const other = await startSandbox({
      port: 0,
      apiKey: API_KEY,
      secret: vector.secret,
      now: () => 1763900000999,
      quiet: true,
    });
    try {
      const { status, json } = await postBody(vector.body, { signature: vector.signature }, other.url);
      expect(status).toBe(200);
      expect(json.result).toMatchObject({ asset: 'USDT', qty: '1250.5', net: '1245.5' });
    } finally {
      await other.close();
    }
  });

  it('moves the quantity from free to locked, exactly', async () => {
    await withdraw({ asset: 'ETH', qty: '0.1' });
    await withdraw({ asset: 'ETH', qty: '0.2', timestamp: String(T0 + 1) });
    const { balances } = await personal();
    expect(balances.ETH).toMatchObject({ free: 9.7, locked: 0.3, withdrawn: 0 });
  });

  it('accepts the whole free balance and a BTC withdrawal to bech32 and legacy addresses', async () => {
    expect((await withdraw({ asset: 'ETH', qty: '10' })).status).toBe(200);
    expect((await withdraw({ asset: 'BTC', qty: '0.5', address: BTC_ADDRESS })).status).toBe(200);
    const bech32 = 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx';
    expect((await withdraw({ asset: 'BTC', qty: '0.25', address: bech32 })).status).toBe(200);
    const { balances } = await personal();
    expect(balances.ETH).toMatchObject({ free: 0, locked: 10 });
    expect(balances.BTC).toMatchObject({ free: 0.75, locked: 0.75 });
  });

  it('rejects a wrong content type with 503 (checked first)', async () => {
    const expected = rejection(503, 503, 'Invalid request: content-type must be application/x-www-form-urlencoded');
    expect(await withdraw({}, { contentType: 'application/json' })).toMatchObject(expected);
    expect(await withdraw({}, { contentType: null, apiKey: 'wrong' })).toMatchObject(expected);
    expect(await withdraw({}, { contentType: 'application/x-www-form-urlencoded;charset=UTF-8' })).toMatchObject({
      status: 200,
    });
  });

  it('rejects a missing or wrong API key with 401 before looking at the signature', async () => {
    const expected = rejection(401, 401, 'Invalid API key');
    expect(await withdraw({}, { apiKey: null })).toMatchObject(expected);
    expect(await withdraw({}, { apiKey: 'wrong', signature: 'garbage' })).toMatchObject(expected);
  });

  it('rejects a missing or wrong signature with 401', async () => {
    const expected = rejection(401, 401, 'Invalid signature');
    expect(await withdraw({}, { signature: null })).toMatchObject(expected);
    expect(await withdraw({}, { secret: 'another-secret' })).toMatchObject(expected);
    expect(await withdraw({}, { signature: 'short' })).toMatchObject(expected);
    // Signing one encoding and sending another (the contract's Python pitfall) fails too.
    const sent = encode({});
    expect(await postBody(sent, { signature: sign(sent.replace('qty=1.5', 'qty=1.50')) })).toMatchObject(expected);
    expect(await withdrawalList()).toEqual([]);
  });

  it.each([
    ['fields out of order', `qty=1&asset=ETH&address=${ETH_ADDRESS}&timestamp=${T0}`],
    ['a missing field', `asset=ETH&qty=1&address=${ETH_ADDRESS}`],
    ['an extra field', `asset=ETH&qty=1&address=${ETH_ADDRESS}&timestamp=${T0}&recv_window=5000`],
    ['a repeated field', `asset=ETH&asset=ETH&qty=1&address=${ETH_ADDRESS}&timestamp=${T0}`],
  ])('rejects a body with %s', async (_label, body) => {
    expect(await postBody(body)).toMatchObject(
      rejection(503, 503, 'Invalid request: expected fields asset, qty, address, timestamp'),
    );
  });

  it('rejects timestamps more than 5 s away with code 414 and accepts the edge of the window', async () => {
    expect(await withdraw({ timestamp: String(T0 - 5001) })).toMatchObject(
      rejection(503, 414, 'The timestamp is too old.'),
    );
    expect(await withdraw({ timestamp: String(T0 + 5001) })).toMatchObject(
      rejection(503, 414, 'The timestamp is too far in the future.'),
    );
    expect((await withdraw({ timestamp: String(T0 - 5000) })).status).toBe(200);
    expect((await withdraw({ timestamp: String(T0 + 5000) })).status).toBe(200);
  });

  it('rejects a timestamp that is not integer milliseconds', async () => {
    for (const timestamp of [`${T0}.5`, '1.7e12', '']) {
      const { status, json } = await withdraw({ timestamp });
      expect(status).toBe(503);
      expect(json.msg).toMatch(/^Invalid request: timestamp/);
    }
  });

  it('rejects a replayed request and deducts only once', async () => {
    const body = encode({ qty: '2' });
    expect((await postBody(body)).status).toBe(200);
    expect(await postBody(body)).toMatchObject(rejection(503, 503, 'Duplicate request'));
    expect((await withdrawalList()).length).toBe(1);
    expect((await personal()).balances.ETH).toMatchObject({ free: 8, locked: 2 });
  });

  it('rejects an unknown asset', async () => {
    for (const asset of ['DOGE', 'eth', '__proto__']) {
      expect(await withdraw({ asset })).toMatchObject(rejection(503, 503, 'Unknown asset'));
    }
  });

  it.each(['0', '0.0', '-1', '1e-7', '0.000000001', '01', '1.', '.5', '1,5', ' 1', ''])(
    'rejects the quantity %j',
    async (qty) => {
      expect(await withdraw({ qty })).toMatchObject(rejection(503, 503, 'Invalid quantity'));
    },
  );

  it('rejects a quantity that does not exceed the fee', async () => {
    const expected = rejection(503, 503, 'Quantity must exceed the withdrawal fee');
    expect(await withdraw({ qty: '0.005' })).toMatchObject(expected);
    expect(await withdraw({ asset: 'USDT', qty: '4.99999999' })).toMatchObject(expected);
    const { json } = await withdraw({ qty: '0.00500001' });
    expect(json.result).toMatchObject({ qty: '0.00500001', net: '0.00000001' });
  });

  it('rejects addresses that do not fit the asset', async () => {
    const expected = rejection(503, 503, 'Invalid address');
    expect(await withdraw({ asset: 'ETH', address: BTC_ADDRESS })).toMatchObject(expected);
    expect(await withdraw({ asset: 'USDT', qty: '10', address: ETH_ADDRESS.slice(0, -1) })).toMatchObject(expected);
    expect(await withdraw({ asset: 'DAI', qty: '10', address: `${ETH_ADDRESS}0` })).toMatchObject(expected);
    expect(await withdraw({ asset: 'BTC', qty: '0.1', address: ETH_ADDRESS })).toMatchObject(expected);
    expect(await withdraw({ asset: 'BTC', qty: '0.1', address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe0' })).toMatchObject(
      expected,
    );
  });

  it('rejects a quantity above the free balance', async () => {
    expect(await withdraw({ qty: '10.00000001' })).toMatchObject(rejection(503, 503, 'Insufficient balance'));
    expect((await personal()).balances.ETH).toMatchObject({ free: 10, locked: 0 });
  });

  it('rejects a body over 16 KiB with 413', async () => {
    const { status, json } = await postBody(encode({ address: 'x'.repeat(17 * 1024) }));
    expect(status).toBe(413);
    expect(json).toMatchObject({ code: 413, result: {} });
  });
});

describe('logging', () => {
  it('prints the banner and one line per withdrawal, never the signature', async () => {
    const lines: string[] = [];
    const other = await startSandbox({
      port: 0,
      apiKey: 'sandbox-demo-key',
      secret: 'sandbox-demo-secret',
      now: () => clock,
      log: (line) => lines.push(line),
    });
    try {
      const body = encode({});
      const signature = sign(body, 'sandbox-demo-secret');
      const { json } = await postBody(body, { apiKey: 'sandbox-demo-key', signature }, other.url);
      const id = (json.result as WithdrawalEntry).id;
      expect(lines[0]).toContain(`listening on ${other.url}`);
      expect(lines[0]).toContain('sandbox-demo-key');
      expect(lines[0]).toContain('sandbox-demo-secret');
      expect(lines[1]).toBe(
        `withdrawal ${id} 1.5 ETH to ${ETH_ADDRESS} awaiting email confirmation: open ${other.url}/mailbox`,
      );
      expect(lines).toHaveLength(2);
      expect(lines.join('\n')).not.toContain(signature);
    } finally {
      await other.close();
    }
  });

  it('does not print a custom secret, and prints nothing when quiet', async () => {
    const lines: string[] = [];
    const custom = await startSandbox({ port: 0, secret: 'my-own-secret', log: (line) => lines.push(line) });
    await custom.close();
    expect(lines.join('\n')).not.toContain('my-own-secret');
    expect(lines.join('\n')).toContain('listening on');
    const silent: string[] = [];
    const quiet = await startSandbox({ port: 0, quiet: true, log: (line) => silent.push(line) });
    await quiet.close();
    expect(silent).toEqual([]);
  });
});

describe('control endpoints', () => {
  it('records every non-control request, including rejected ones', async () => {
    await getJson('/time?x=1');
    const body = encode({});
    await postBody(body, { signature: 'bad' });
    const log = await recorded();
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: 'GET', path: '/time', body: '', time: T0 });
    expect(log[1]).toMatchObject({
      method: 'POST',
      path: '/auth/withdraw',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': API_KEY, 'x-signature': 'bad' },
    });
  });

  it('confirms a withdrawal through the alias: ACTIVE, still locked until processed (harmless twice)', async () => {
    const { json } = await withdraw({ qty: '3' });
    const id = (json.result as WithdrawalEntry).id;
    const pages = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await fetch(`${sandbox.url}/__sandbox/confirm/${id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      pages.push(await response.text());
    }
    expect(pages[0]).toContain(`Withdrawal ${id} of 3 ETH is confirmed and now processing.`);
    expect(pages[1]).toContain(`Withdrawal ${id} of 3 ETH was already confirmed. Status: Confirmed, processing.`);
    const [entry] = await withdrawalList();
    expect(entry).toMatchObject({ id, status: 'ACTIVE', email_confirmed: true, transaction: null });
    expect((await personal()).balances.ETH).toMatchObject({ free: 7, locked: 3, withdrawn: 0 });
  });

  it('answers 404 HTML for an unknown confirmation id, and control requests are not recorded', async () => {
    const response = await fetch(`${sandbox.url}/__sandbox/confirm/wd_<script>`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).not.toContain('<script>');
    await fault({ path: '/ping' });
    expect(await recorded()).toEqual([]);
  });

  it('reset clears requests, withdrawals, seen signatures and faults, and restores balances', async () => {
    const body = encode({ qty: '4' });
    await postBody(body);
    await fault({ path: '/ping', status: 500 });
    await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
    expect(await recorded()).toEqual([]);
    expect(await withdrawalList()).toEqual([]);
    expect((await personal()).balances.ETH).toMatchObject({ free: 10, locked: 0 });
    expect((await getJson('/ping')).status).toBe(200);
    expect((await postBody(body)).status).toBe(200); // the signature is no longer a duplicate
  });

  it('injects the default fault once, then answers normally', async () => {
    expect(await fault({})).toEqual({ status: 200, json: { ok: true } });
    expect(await withdraw()).toMatchObject(rejection(503, 503, 'Service temporarily unavailable'));
    expect(await withdrawalList()).toEqual([]);
    expect((await withdraw()).status).toBe(200);
    expect((await recorded()).filter((r) => r.path === '/auth/withdraw')).toHaveLength(2);
  });

  it('injects a custom status, content type and body for `times` requests to a path', async () => {
    await fault({ path: '/time', status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>', times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const response = await fetch(`${sandbox.url}/time`);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toBe('<h1>Bad gateway</h1>');
    }
    expect((await getJson('/time')).status).toBe(200);
    expect((await getJson('/ping')).status).toBe(200);
  });

  it('drops the connection without answering, and the withdrawal is not processed', async () => {
    await fault({ drop: true });
    await expect(withdraw()).rejects.toThrow();
    expect((await recorded()).map((r) => r.path)).toEqual(['/auth/withdraw']);
    expect(await withdrawalList()).toEqual([]);
  });

  it('drop with passThrough processes the withdrawal but loses the answer (outcome unknown)', async () => {
    await fault({ drop: true, passThrough: true });
    await expect(withdraw({ qty: '1' })).rejects.toThrow();
    expect((await withdrawalList()).map((w) => w.qty)).toEqual(['1']);
  });

  it('delays a request with passThrough, then processes it normally', async () => {
    await fault({ delayMs: 150, passThrough: true });
    const started = performance.now();
    const { status } = await withdraw();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(status).toBe(200);
    expect(await withdrawalList()).toHaveLength(1);
  });

  it('delays a faulted answer, and a client that gives up first sees a timeout', async () => {
    await fault({ path: '/ping', delayMs: 100, status: 500 });
    const started = performance.now();
    const response = await fetch(`${sandbox.url}/ping`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(response.status).toBe(500);

    await fault({ path: '/ping', delayMs: 200, passThrough: true });
    await expect(fetch(`${sandbox.url}/ping`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
  });

  it('rejects malformed fault specifications with 400', async () => {
    for (const spec of [{ delay: 100 }, { status: 42 }, { times: 0 }, { path: 'auth/withdraw' }, { drop: 'yes' }]) {
      const { status, json } = await fault(spec);
      expect(status).toBe(400);
      expect(json.ok).toBe(false);
    }
    const response = await fetch(`${sandbox.url}/__sandbox/fault`, { method: 'POST', body: '{not json' });
    expect(response.status).toBe(400);
    expect((await withdraw()).status).toBe(200); // nothing was queued
  });
});

describe('command line', () => {
  function run(env: Record<string, string>) {
    const child = spawn(process.execPath, [SERVER_PATH], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, output: () => ({ stdout, stderr }) };
  }

  it('exits 1 with a clear message when the port is in use', async () => {
    const { exited, output } = run({ SANDBOX_PORT: String(sandbox.port), SANDBOX_HOST: '127.0.0.1' });
    expect(await exited).toBe(1);
    expect(output().stderr).toContain(`port ${sandbox.port} on 127.0.0.1 is already in use`);
  });

  it('prints the banner and shuts down cleanly on SIGTERM', async () => {
    const { child, exited, output } = run({ SANDBOX_PORT: '0' });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => {
        if (output().stdout.includes('listening on')) resolve();
      });
      child.on('exit', () => reject(new Error(`exited early: ${output().stderr}`)));
    });
    expect(output().stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(output().stdout).toContain('sandbox-demo-key');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
