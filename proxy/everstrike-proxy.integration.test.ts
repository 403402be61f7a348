// @vitest-environment node
/**
 * The proxy options inside Vite's real proxy middleware (a dev server on a free port), against small local
 * upstreams: what is forwarded, what is stripped, and what the page is told when the exchange cannot answer.
 */
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { everstrikeProxyOptions, everstrikeTargetPlugin, resolveEverstrikeTarget } from './everstrike-proxy.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      closers.push(() => new Promise((done) => server.close(() => done())));
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

/** An upstream that records what reaches it and answers like the exchange. */
async function recordingUpstream() {
  const received: Array<{ method: string | undefined; url: string | undefined; headers: IncomingHttpHeaders }> = [];
  const server = createHttpServer((req, res) => {
    received.push({ method: req.method, url: req.url, headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'tracker=1' });
    res.end(JSON.stringify({ code: 200, msg: '', result: 1_700_000_000_000 }));
  });
  return { url: await listen(server), received };
}

async function startApp(upstreamUrl: string): Promise<string> {
  const target = resolveEverstrikeTarget({ EVERSTRIKE_API_URL: upstreamUrl });
  const server: ViteDevServer = await createServer({
    configFile: false,
    root: new URL('.', import.meta.url).pathname,
    logLevel: 'silent',
    plugins: [everstrikeTargetPlugin(target)],
    server: { host: '127.0.0.1', port: 0, proxy: everstrikeProxyOptions(target), hmr: false, ws: false },
  });
  await server.listen();
  closers.push(() => server.close());
  const address = server.httpServer?.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

describe('the Everstrike proxy inside Vite', () => {
  it('forwards an allowed path without the /api prefix and without cookie, origin or referer', async () => {
    const upstream = await recordingUpstream();
    const app = await startApp(upstream.url);
    const response = await fetch(`${app}/api/time`, {
      headers: { cookie: 'session=app', origin: app, referer: `${app}/`, 'x-api-key': 'key' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(upstream.received).toHaveLength(1);
    const [forwarded] = upstream.received;
    expect(forwarded?.url).toBe('/time');
    expect(forwarded?.headers.cookie).toBeUndefined();
    expect(forwarded?.headers.origin).toBeUndefined();
    expect(forwarded?.headers.referer).toBeUndefined();
    expect(forwarded?.headers['x-api-key']).toBe('key');
    expect(forwarded?.headers.host).toBe(new URL(upstream.url).host);
  });

  it('answers 404 itself for anything off the list, and the upstream never hears of it', async () => {
    const upstream = await recordingUpstream();
    const app = await startApp(upstream.url);
    for (const [method, path] of [
      ['GET', '/api/auth/withdraw'],
      ['POST', '/api/auth/order'],
      ['GET', '/api/__sandbox/requests'],
    ] as const) {
      const response = await fetch(`${app}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('x-everstrike-proxy')).toBe('not-forwarded');
    }
    expect(upstream.received).toHaveLength(0);
  });

  it('says a refused connection was not delivered', async () => {
    // A port that was just free: nothing listens there.
    const closed = createHttpServer();
    const closedUrl = await listen(closed);
    await closers.pop()?.();
    const app = await startApp(closedUrl);
    const response = await fetch(`${app}/api/auth/withdraw`, { method: 'POST', body: 'asset=ETH' });
    expect(response.status).toBe(502);
    expect(response.headers.get('x-everstrike-proxy')).toBe('not-delivered');
    expect(await response.json()).toMatchObject({ code: 502, msg: expect.stringContaining('was not delivered') });
  });

  it('says the outcome is unknown when the exchange drops the connection without answering', async () => {
    const dropping = createHttpServer((req) => req.socket.destroy());
    const app = await startApp(await listen(dropping));
    const response = await fetch(`${app}/api/auth/withdraw`, { method: 'POST', body: 'asset=ETH' });
    expect(response.status).toBe(504);
    expect(response.headers.get('x-everstrike-proxy')).toBe('outcome-unknown');
  });

  it('tells the page which exchange it targets', async () => {
    const upstream = await recordingUpstream();
    const app = await startApp(upstream.url);
    const response = await fetch(`${app}/__everstrike/target`);
    expect(await response.json()).toEqual({ url: upstream.url, environment: 'local', label: `Local sandbox exchange (${new URL(upstream.url).host})` });
    expect(upstream.received).toHaveLength(0);
  });
});
