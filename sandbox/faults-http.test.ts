/** Fault injection over real HTTP (POST /__sandbox/fault): status/body, delays, drops, passThrough, probability. */
import { beforeEach, describe, expect, it } from 'vitest';
import { rejection, sandboxForTests } from './testing/sandbox-harness.ts';

/** What the sandbox's random source returns next (then 0.999: a probability below 1 misses). */
const draws: number[] = [];
const sb = sandboxForTests({ random: () => draws.shift() ?? 0.999 });
beforeEach(() => {
  draws.length = 0;
});

describe('fault injection', () => {
  it('injects the default fault once, then answers normally', async () => {
    expect(await sb.fault({})).toEqual({ status: 200, json: { ok: true } });
    expect(await sb.withdraw()).toMatchObject(rejection(503, 503, 'Service temporarily unavailable'));
    expect(await sb.withdrawalList()).toEqual([]);
    expect((await sb.withdraw()).status).toBe(200);
    expect((await sb.recorded()).filter((r) => r.path === '/auth/withdraw')).toHaveLength(2);
  });

  it('injects a custom status, content type and body for `times` requests to a path', async () => {
    await sb.fault({ path: '/time', status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>', times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const response = await fetch(`${sb.url}/time`);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toBe('<h1>Bad gateway</h1>');
    }
    expect((await sb.getJson('/time')).status).toBe(200);
    expect((await sb.getJson('/ping')).status).toBe(200);
  });

  it('drops the connection without answering, and the withdrawal is not processed', async () => {
    await sb.fault({ drop: true });
    await expect(sb.withdraw()).rejects.toThrow();
    expect((await sb.recorded()).map((r) => r.path)).toEqual(['/auth/withdraw']);
    expect(await sb.withdrawalList()).toEqual([]);
  });

  it('drop with passThrough processes the withdrawal but loses the answer (outcome unknown)', async () => {
    await sb.fault({ drop: true, passThrough: true });
    await expect(sb.withdraw({ qty: '1' })).rejects.toThrow();
    expect((await sb.withdrawalList()).map((w) => w.qty)).toEqual(['1']);
  });

  it('delays a request with passThrough, then processes it normally', async () => {
    await sb.fault({ delayMs: 150, passThrough: true });
    const started = performance.now();
    const { status } = await sb.withdraw();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(status).toBe(200);
    expect(await sb.withdrawalList()).toHaveLength(1);
  });

  it('delays a faulted answer, and a client that gives up first sees a timeout', async () => {
    await sb.fault({ path: '/ping', delayMs: 100, status: 500 });
    const started = performance.now();
    const response = await fetch(`${sb.url}/ping`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(response.status).toBe(500);

    await sb.fault({ path: '/ping', delayMs: 200, passThrough: true });
    await expect(fetch(`${sb.url}/ping`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
  });

  it('rejects malformed fault specifications with 400', async () => {
    const specs = [
      { delay: 100 },
      { status: 42 },
      { times: 0 },
      { path: 'auth/withdraw' },
      { path: '/mailbox' },
      { path: '/__sandbox/reset' },
      { drop: 'yes' },
      { probability: 1.5 },
      { probability: '0.1' },
    ];
    for (const spec of specs) {
      const { status, json } = await sb.fault(spec);
      expect(status).toBe(400);
      expect(json.ok).toBe(false);
    }
    const response = await fetch(`${sb.url}/__sandbox/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(response.status).toBe(400);
    expect((await sb.withdraw()).status).toBe(200); // nothing was queued
  });
  it('applies a fault with its probability, drawing from the injected random source', async () => {
    draws.push(0.05, 0.5, 0.0999, 0.1, 0.99);
    await sb.fault({ path: '/ping', status: 500, probability: 0.1, times: 1_000_000 });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await fetch(`${sb.url}/ping`)).status);
    expect(statuses).toEqual([500, 200, 500, 200, 200]);
    expect(draws).toEqual([]);
  });

  it('with probability, drop + passThrough processes every withdrawal and loses some answers', async () => {
    draws.push(0.5, 0.01, 0.7);
    await sb.fault({ drop: true, passThrough: true, probability: 0.1, times: 1_000_000 });
    const outcomes = [];
    for (const qty of ['1', '2', '3']) {
      outcomes.push(await sb.withdraw({ qty }).then(({ status }) => status, () => 'dropped'));
    }
    expect(outcomes).toEqual([200, 'dropped', 200]);
    expect((await sb.withdrawalList()).map((w) => w.qty)).toEqual(['3', '2', '1']);
  });
});