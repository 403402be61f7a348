// @vitest-environment node
/** POST /auth/withdraw over real HTTP: every check in its documented order, exact balances, replay protection. */
import { describe, expect, it } from 'vitest';
import type { WithdrawalRow } from './types.mjs';
import { BTC_ADDRESS, ETH_ADDRESS, rejection, SandboxHarness, sign, T0, sandboxForTests } from './testing/sandbox-harness.ts';
import { signatureVectors } from './testing/signature-vectors.ts';

const sb = sandboxForTests();

describe('POST /auth/withdraw', () => {
  it('accepts a correctly signed withdrawal and keeps it pending until email confirmation', async () => {
    const { status, json } = await sb.withdraw({ qty: '1.50' });
    expect(status).toBe(200);
    expect(json.code).toBe(200);
    expect(json.msg).toBe('Withdrawal submitted. It will be processed once you confirm it by email.');
    const result = json.result as WithdrawalRow;
    expect(result).toEqual({
      id: expect.stringMatching(/^wd_[0-9a-f]{12}$/),
      asset: 'ETH',
      qty: '1.5',
      net: '1.495',
      address: ETH_ADDRESS,
      status: 'PENDING',
      time: T0,
    });
    expect(await sb.withdrawalList()).toEqual([{ ...result, fee: '0.005', email_confirmed: false, transaction: null }]);
  });

  it.each(signatureVectors)('accepts the shared signature vector for $body', async (vector) => {
    const other = new SandboxHarness();
    other.clock = Number(new URLSearchParams(vector.body).get('timestamp'));
    await other.start({ secret: vector.secret });
    try {
      const { status, json } = await other.postBody(vector.body, { signature: vector.signature });
      expect(status).toBe(200);
      const fields = new URLSearchParams(vector.body);
      expect(json.result).toMatchObject({ asset: fields.get('asset'), qty: fields.get('qty') });
    } finally {
      await other.close();
    }
  });

  it('moves the quantity from free to locked, exactly', async () => {
    await sb.withdraw({ asset: 'ETH', qty: '0.1' });
    await sb.withdraw({ asset: 'ETH', qty: '0.2', timestamp: String(T0 + 1) });
    const { balances } = await sb.personal();
    expect(balances.ETH).toMatchObject({ free: 9.7, locked: 0.3, withdrawn: 0 });
  });

  it('accepts the whole free balance and a BTC withdrawal to bech32 and legacy addresses', async () => {
    expect((await sb.withdraw({ asset: 'ETH', qty: '10' })).status).toBe(200);
    expect((await sb.withdraw({ asset: 'BTC', qty: '0.5', address: BTC_ADDRESS })).status).toBe(200);
    const bech32 = 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx';
    expect((await sb.withdraw({ asset: 'BTC', qty: '0.25', address: bech32 })).status).toBe(200);
    const { balances } = await sb.personal();
    expect(balances.ETH).toMatchObject({ free: 0, locked: 10 });
    expect(balances.BTC).toMatchObject({ free: 0.75, locked: 0.75 });
  });

  it('rejects a wrong content type with 503 (checked first)', async () => {
    const expected = rejection(503, 503, 'Invalid request: content-type must be application/x-www-form-urlencoded');
    expect(await sb.withdraw({}, { contentType: 'application/json' })).toMatchObject(expected);
    expect(await sb.withdraw({}, { contentType: null, apiKey: 'wrong' })).toMatchObject(expected);
    expect(await sb.withdraw({}, { contentType: 'application/x-www-form-urlencoded;charset=UTF-8' })).toMatchObject({
      status: 200,
    });
  });

  it('rejects a missing or wrong API key with 401 before looking at the signature', async () => {
    const expected = rejection(401, 401, 'Invalid API key');
    expect(await sb.withdraw({}, { apiKey: null })).toMatchObject(expected);
    expect(await sb.withdraw({}, { apiKey: 'wrong', signature: 'garbage' })).toMatchObject(expected);
  });

  it('rejects a missing or wrong signature with 401', async () => {
    const expected = rejection(401, 401, 'Invalid signature');
    expect(await sb.withdraw({}, { signature: null })).toMatchObject(expected);
    expect(await sb.withdraw({}, { secret: 'another-secret' })).toMatchObject(expected);
    expect(await sb.withdraw({}, { signature: 'short' })).toMatchObject(expected);
    // Signing one encoding and sending another (the contract's Python pitfall) fails too.
    const sent = sb.encode({});
    expect(await sb.postBody(sent, { signature: sign(sent.replace('qty=1.5', 'qty=1.50')) })).toMatchObject(expected);
    expect(await sb.withdrawalList()).toEqual([]);
  });

  it.each([
    ['a missing field', `asset=ETH&qty=1&address=${ETH_ADDRESS}`],
    ['an unknown field', `asset=ETH&qty=1&address=${ETH_ADDRESS}&timestamp=${T0}&memo=123`],
    ['a repeated field', `asset=ETH&asset=ETH&qty=1&address=${ETH_ADDRESS}&timestamp=${T0}`],
    ['a repeated recv_window', `asset=ETH&qty=1&address=${ETH_ADDRESS}&timestamp=${T0}&recv_window=5000&recv_window=5000`],
  ])('rejects a body with %s', async (_label, body) => {
    expect(await sb.postBody(body)).toMatchObject(
      rejection(503, 503, 'Invalid request: expected fields asset, qty, address, timestamp (any order, each once) and an optional recv_window'),
    );
  });

  it("accepts the fields in any order, and the exchange's own client's form with recv_window", async () => {
    expect((await sb.postBody(`qty=1&asset=ETH&address=${ETH_ADDRESS}&timestamp=${T0}`)).status).toBe(200);
    const clientForm = `timestamp=${T0 + 1}&recv_window=5000&asset=ETH&address=${ETH_ADDRESS}&qty=2`;
    const { status, json } = await sb.postBody(clientForm);
    expect(status).toBe(200);
    expect(json.result).toMatchObject({ asset: 'ETH', qty: '2', address: ETH_ADDRESS });
  });

  it('uses a signed recv_window as the freshness window, and refuses one that is not a sane number of ms', async () => {
    const late = (window: string, drift: number) => `asset=ETH&qty=1&address=${ETH_ADDRESS}&timestamp=${T0 - drift}&recv_window=${window}`;
    expect((await sb.postBody(late('10000', 9000))).status).toBe(200);
    expect(await sb.postBody(late('10000', 10001))).toMatchObject(rejection(503, 414, 'The timestamp is too old.'));
    expect(await sb.postBody(late('1000', 1001))).toMatchObject(rejection(503, 414, 'The timestamp is too old.'));
    const invalid = rejection(503, 503, 'Invalid request: recv_window must be a whole number of milliseconds from 1 to 60000');
    for (const window of ['0', '60001', '5e3', '-1', '']) expect(await sb.postBody(late(window, 0))).toMatchObject(invalid);
  });

  it('rejects timestamps more than 5 s away with code 414 and accepts the edge of the window', async () => {
    expect(await sb.withdraw({ timestamp: String(T0 - 5001) })).toMatchObject(
      rejection(503, 414, 'The timestamp is too old.'),
    );
    expect(await sb.withdraw({ timestamp: String(T0 + 5001) })).toMatchObject(
      rejection(503, 414, 'The timestamp is too far in the future.'),
    );
    expect((await sb.withdraw({ timestamp: String(T0 - 5000) })).status).toBe(200);
    expect((await sb.withdraw({ timestamp: String(T0 + 5000) })).status).toBe(200);
  });

  it('rejects a timestamp that is not integer milliseconds', async () => {
    for (const timestamp of [`${T0}.5`, '1.7e12', '']) {
      const { status, json } = await sb.withdraw({ timestamp });
      expect(status).toBe(503);
      expect(json.msg).toMatch(/^Invalid request: timestamp/);
    }
  });

  it('rejects a replayed request and deducts only once', async () => {
    const body = sb.encode({ qty: '2' });
    expect((await sb.postBody(body)).status).toBe(200);
    expect(await sb.postBody(body)).toMatchObject(rejection(503, 503, 'Duplicate request'));
    expect((await sb.withdrawalList()).length).toBe(1);
    expect((await sb.personal()).balances.ETH).toMatchObject({ free: 8, locked: 2 });
  });

  it('rejects an unknown asset', async () => {
    for (const asset of ['DOGE', 'eth', '__proto__']) {
      expect(await sb.withdraw({ asset })).toMatchObject(rejection(503, 503, 'Unknown asset'));
    }
  });

  it.each(['0', '0.0', '-1', '1e-7', '0.000000001', '01', '1.', '.5', '1,5', ' 1', ''])(
    'rejects the quantity %j',
    async (qty) => {
      expect(await sb.withdraw({ qty })).toMatchObject(rejection(503, 503, 'Invalid quantity'));
    },
  );

  it('rejects a quantity that does not exceed the fee', async () => {
    const expected = rejection(503, 503, 'Quantity must exceed the withdrawal fee');
    expect(await sb.withdraw({ qty: '0.005' })).toMatchObject(expected);
    expect(await sb.withdraw({ asset: 'USDT', qty: '4.999999' })).toMatchObject(expected);
    const { json } = await sb.withdraw({ qty: '0.00500001' });
    expect(json.result).toMatchObject({ qty: '0.00500001', net: '0.00000001' });
  });

  it("refuses more decimals than the asset has, and less than the asset's minimum", async () => {
    expect(await sb.withdraw({ asset: 'USDT', qty: '10.0000001' })).toMatchObject(rejection(503, 503, 'Invalid quantity: USDT has 6 decimals'));
    expect(await sb.withdraw({ asset: 'XRP', qty: '19.99', address: 'rfKd36q1Ps4zJHqEXpsieJoAhTPBURjfrg' })).toMatchObject(
      rejection(503, 503, 'The minimum withdrawal of XRP is 20'),
    );
    expect((await sb.withdraw({ asset: 'XRP', qty: '20', address: 'rfKd36q1Ps4zJHqEXpsieJoAhTPBURjfrg' })).status).toBe(200);
  });

  it('rejects addresses that do not fit the asset', async () => {
    const expected = rejection(503, 503, 'Invalid address');
    expect(await sb.withdraw({ asset: 'ETH', address: BTC_ADDRESS })).toMatchObject(expected);
    expect(await sb.withdraw({ asset: 'USDT', qty: '10', address: ETH_ADDRESS.slice(0, -1) })).toMatchObject(expected);
    expect(await sb.withdraw({ asset: 'DAI', qty: '10', address: `${ETH_ADDRESS}0` })).toMatchObject(expected);
    expect(await sb.withdraw({ asset: 'BTC', qty: '0.1', address: ETH_ADDRESS })).toMatchObject(expected);
    expect(await sb.withdraw({ asset: 'BTC', qty: '0.1', address: 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe0' })).toMatchObject(
      expected,
    );
  });

  it('rejects a quantity above the free balance', async () => {
    expect(await sb.withdraw({ qty: '10.00000001' })).toMatchObject(rejection(503, 503, 'Insufficient balance'));
    expect((await sb.personal()).balances.ETH).toMatchObject({ free: 10, locked: 0 });
  });

  it('rejects a body over 16 KiB with 413', async () => {
    const { status, json } = await sb.postBody(sb.encode({ address: 'x'.repeat(17 * 1024) }));
    expect(status).toBe(413);
    expect(json).toMatchObject({ code: 413, result: {} });
  });
  it('refuses every withdrawal while the key may not withdraw, after authenticating it', async () => {
    await sb.control('account', { withdrawEnabled: false });
    expect(await sb.withdraw({}, { signature: 'bad' })).toMatchObject(rejection(401, 401, 'Invalid signature'));
    const body = sb.encode({ qty: '1' });
    expect(await sb.postBody(body)).toMatchObject(rejection(503, 503, 'Withdrawals are disabled for this API key'));
    expect(await sb.withdrawalList()).toEqual([]);
    expect(await sb.balance('ETH')).toMatchObject({ free: 10, locked: 0 });
    // Refused before the replay check: the same signed body goes through once withdrawals are enabled again.
    await sb.control('account', { withdrawEnabled: true });
    expect((await sb.postBody(body)).status).toBe(200);
  });
});