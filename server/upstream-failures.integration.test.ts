/**
 * What the page is told when the exchange fails, on the production server AND Vite's dev server: a request
 * that never reached the exchange is "not delivered" (502), one that may have been acted on is "outcome
 * unknown" (504, or 502 for an answer the proxy will not pass on), and the page never waits for ever.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { productionServer, viteDevServer, type RunningApp } from './testing/proxy-harness.ts';
import { SELF_SIGNED_TLS } from './testing/self-signed-tls.ts';
import { closedOrigin, startUpstream, type StubUpstream } from './testing/stub-upstream.ts';

const UPSTREAM_TIMEOUT_MS = 1_500;
const ANSWER_LIMIT = 64 * 1024;

async function post(app: RunningApp): Promise<{ status: number; mark: string | null; body: { code?: number; msg?: string }; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${app.url}/api/auth/withdraw`, { method: 'POST', body: 'asset=ETH&qty=1', signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as { code?: number; msg?: string };
  return { status: response.status, mark: response.headers.get('x-everstrike-proxy'), body, ms: performance.now() - started };
}

describe.each([productionServer, viteDevServer])('upstream failures through $name', (harness) => {
  let upstream: StubUpstream;
  let app: RunningApp;
  beforeAll(async () => {
    upstream = await startUpstream();
    app = await harness.start(upstream.url, { upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS, upstreamAnswerBytes: ANSWER_LIMIT });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.received.length = 0;
    app.logs.length = 0;
  });

  it('an exchange that dies halfway through its answer: 504 outcome-unknown at once, one log line', async () => {
    upstream.next((_req, res) => {
      res.socket?.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"code":200,"msg":"Withdrawal sub');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const answer = await post(app);
    expect(answer).toMatchObject({ status: 504, mark: 'outcome-unknown', body: { code: 504 } });
    expect(answer.ms).toBeLessThan(UPSTREAM_TIMEOUT_MS);
    await expect.poll(() => app.logs.length).toBe(2);
    expect(app.logs.filter((line) => line.includes('warning: upstream POST /auth/withdraw'))).toHaveLength(1);
    expect(app.logs.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('an exchange that takes the request and closes without answering: 504 outcome-unknown', async () => {
    upstream.next((req) => req.socket.destroy());
    expect(await post(app)).toMatchObject({ status: 504, mark: 'outcome-unknown' });
    expect(upstream.received).toHaveLength(1);
  });

  it('an exchange that sends headers and then nothing: 504 outcome-unknown when its time is up', async () => {
    upstream.next((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{');
    });
    const answer = await post(app);
    expect(answer).toMatchObject({ status: 504, mark: 'outcome-unknown' });
    expect(answer.ms).toBeGreaterThanOrEqual(UPSTREAM_TIMEOUT_MS - 50);
    expect(answer.ms).toBeLessThan(UPSTREAM_TIMEOUT_MS + 2_000);
  });

  it('an exchange that does not answer at all: 504 outcome-unknown when its time is up', async () => {
    upstream.next(() => undefined);
    const answer = await post(app);
    expect(answer).toMatchObject({ status: 504, mark: 'outcome-unknown', body: { msg: expect.stringContaining('did not answer within 1.5 s') } });
    expect(answer.ms).toBeLessThan(UPSTREAM_TIMEOUT_MS + 2_000);
  });

  it('a page that goes away while the exchange is silent: one "aborted" line, nothing sent later', async () => {
    upstream.next(() => undefined);
    const controller = new AbortController();
    const request = fetch(`${app.url}/api/auth/withdraw`, { method: 'POST', body: 'x', signal: controller.signal });
    await expect.poll(() => upstream.received.length).toBe(1);
    controller.abort();
    await expect(request).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, UPSTREAM_TIMEOUT_MS + 300));
    expect(app.logs).toEqual([expect.stringMatching(/ POST \/api\/auth\/withdraw aborted \d+ ms$/)]);
  });

  it.each([
    ['declared', { 'content-length': String(ANSWER_LIMIT + 1) }],
    ['streamed', {}],
  ])('an answer over the size limit (%s): 502 outcome-unknown', async (_case, headers) => {
    upstream.next((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.end(Buffer.alloc(ANSWER_LIMIT + 1, 0x20));
    });
    expect(await post(app)).toMatchObject({ status: 502, mark: 'outcome-unknown', body: { code: 502 } });
  });

  it('a redirect is not followed nor passed on: 502 outcome-unknown, no Location', async () => {
    upstream.next((_req, res) => {
      res.writeHead(307, { location: '/auth/withdraw' });
      res.end();
    });
    const response = await fetch(`${app.url}/api/auth/withdraw`, { method: 'POST', body: 'x', redirect: 'manual' });
    expect(response.status).toBe(502);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('x-everstrike-proxy')).toBe('outcome-unknown');
    expect(upstream.received).toHaveLength(1);
  });

  it('a GET the exchange answers 503 is passed on once, never retried', async () => {
    upstream.next((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(JSON.stringify({ code: 503, msg: 'busy', result: {} }));
    });
    const response = await fetch(`${app.url}/api/time`);
    expect(response.status).toBe(503);
    expect(response.headers.get('x-everstrike-proxy')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(upstream.received).toHaveLength(1);
  });
});

describe.each([productionServer, viteDevServer])('an unreachable exchange through $name', (harness) => {
  it('a refused connection: 502 not-delivered', async () => {
    const app = await harness.start(await closedOrigin());
    try {
      const answer = await post(app);
      expect(answer).toMatchObject({ status: 502, mark: 'not-delivered', body: { msg: expect.stringContaining('was not delivered') } });
    } finally {
      await app.close();
    }
  });
});

describe('an exchange whose TLS certificate does not verify', () => {
  it('is never talked to: 502 not-delivered, and the request never arrives', async () => {
    const upstream = await startUpstream(SELF_SIGNED_TLS);
    const app = await productionServer.start(upstream.url);
    try {
      const answer = await post(app);
      expect(answer).toMatchObject({ status: 502, mark: 'not-delivered' });
      expect(answer.body.msg).toContain('SELF_SIGNED');
      expect(upstream.received).toHaveLength(0);
    } finally {
      await app.close();
      await upstream.close();
    }
  });
});
