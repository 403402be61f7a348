// @vitest-environment node
/**
 * Who the server answers, over real sockets. The Host rule (production server: Vite's dev server has its own
 * host check): only a loopback name on the bound port, or a PUBLIC_HOSTS name, gets the page, the target
 * description or the proxy; anything else is 421 and nothing reaches the exchange (DNS rebinding). The
 * Origin rule (both servers, one plugin): an /api request another site made the browser send is 403 and
 * nothing reaches the exchange; the page's own requests go through.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { head, rawRequest, type RawResponse } from './testing/raw-http.ts';
import { productionServer, viteDevServer, type RunningApp } from './testing/proxy-harness.ts';
import { startUpstream, type StubUpstream } from './testing/stub-upstream.ts';
import { makeTinyDist, TINY_INDEX, type TinyDist } from './testing/tiny-dist.ts';

const SIGNED_BODY = 'asset=ETH&qty=0.5&address=0x829bd824b016326a401d083b33d092293333a830&timestamp=1700000000000';
const API_CSP = "default-src 'none'; sandbox";

function expectApiRefusal(response: RawResponse, status: number): void {
  expect(response.status).toBe(status);
  expect(JSON.parse(response.body)).toMatchObject({ code: status, result: {} });
  expect(response.headers['x-everstrike-proxy']).toBe('not-forwarded');
  expect(response.headers['content-security-policy']).toBe(API_CSP);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['cache-control']).toBe('no-store');
}

describe('the Host rule of the production server', () => {
  let upstream: StubUpstream;
  let build: TinyDist;
  let app: RunningApp;
  beforeAll(async () => {
    upstream = await startUpstream();
    build = makeTinyDist();
    app = await productionServer.start(upstream.url, { distDir: build.dist, publicHosts: ['withdraw.example.com', 'ops.example.com:8443'] });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
    build.remove();
  });
  beforeEach(() => {
    upstream.received.length = 0;
  });

  const get = (path: string, host: string) => rawRequest(app.port, head(`GET ${path} HTTP/1.1`, `Host: ${host}`, 'Connection: close'));
  const misdirected = () => [
    'evil.example',
    `evil.example:${app.port}`,
    `localhost.evil.example:${app.port}`,
    `127.0.0.2:${app.port}`,
    `localhost:${app.port + 1}`,
    '127.0.0.1',
    'withdraw.example.com:8443',
    'ops.example.com',
  ];

  it('refuses the page to any other name with 421 and the page headers, and does not send the page', async () => {
    for (const host of misdirected()) {
      const response = await get('/', host);
      expect(response.status, host).toBe(421);
      expect(response.body, host).not.toContain(TINY_INDEX);
      expect(response.body).toMatch(/^Misdirected request/);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('refuses the target description and /api to any other name with 421 in the envelope, and forwards nothing', async () => {
    for (const host of misdirected()) {
      const target = await get('/__everstrike/target', host);
      expectApiRefusal(target, 421);
      expect(target.body).not.toContain(upstream.url);
      for (const path of ['/api/time', '/api/personal']) expectApiRefusal(await get(path, host), 421);
      const post = await rawRequest(
        app.port,
        head('POST /api/auth/withdraw HTTP/1.1', `Host: ${host}`, 'Content-Type: application/x-www-form-urlencoded', `Content-Length: ${SIGNED_BODY.length}`) + SIGNED_BODY,
      );
      expectApiRefusal(post, 421);
    }
    expect(upstream.received).toHaveLength(0);
  });

  it('refuses a request with no Host at all', async () => {
    const response = await rawRequest(app.port, 'GET /api/time HTTP/1.0\r\n\r\n');
    expectApiRefusal(response, 421);
    expect(upstream.received).toHaveLength(0);
  });

  it('serves the loopback names on its own port and the PUBLIC_HOSTS names, whatever their case', async () => {
    for (const host of [`127.0.0.1:${app.port}`, `localhost:${app.port}`, `LocalHost:${app.port}`, 'withdraw.example.com', 'ops.example.com:8443']) {
      const page = await get('/', host);
      expect(page.status, host).toBe(200);
      expect(page.body).toBe(TINY_INDEX);
      expect((await get('/api/time', host)).status, host).toBe(200);
    }
    expect(upstream.received).toHaveLength(5);
  });
});

describe.each([productionServer, viteDevServer])('the Origin rule in $name', (harness) => {
  let upstream: StubUpstream;
  let app: RunningApp;
  beforeAll(async () => {
    upstream = await startUpstream();
    app = await harness.start(upstream.url, { publicHosts: ['withdraw.example.com'] });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.received.length = 0;
  });

  const withdraw = (...lines: string[]) =>
    rawRequest(
      app.port,
      head(
        'POST /api/auth/withdraw HTTP/1.1',
        ...lines,
        'Connection: close',
        'Content-Type: application/x-www-form-urlencoded',
        `Content-Length: ${SIGNED_BODY.length}`,
      ) + SIGNED_BODY,
    );

  it.each([
    [['Sec-Fetch-Site: cross-site']],
    [['Sec-Fetch-Site: same-site']],
    [['Origin: https://evil.example']],
    [['Origin: null']],
    [['Origin: http://127.0.0.1:1']],
    [['Origin: https://127.0.0.1:PORT']],
    [['Origin: http://localhost:PORT']],
    [['Origin: https://evil.example', 'Sec-Fetch-Site: cross-site']],
    [['Origin: http://127.0.0.1:PORT', 'Sec-Fetch-Site: same-site']],
  ])('refuses a withdrawal and a read sent with %j with 403 not-forwarded; the exchange never hears of them', async (headers) => {
    const lines = headers.map((line) => line.replace('PORT', String(app.port)));
    const response = await withdraw(`Host: 127.0.0.1:${app.port}`, ...lines);
    expectApiRefusal(response, 403);
    expect(JSON.parse(response.body).msg).toContain('Nothing was forwarded');
    const read = await rawRequest(app.port, head('GET /api/personal HTTP/1.1', `Host: 127.0.0.1:${app.port}`, 'Connection: close', ...lines));
    expectApiRefusal(read, 403);
    expect(upstream.received).toHaveLength(0);
  });

  it("forwards the page's own requests: same origin, or no Origin and no fetch metadata (curl)", async () => {
    const own = `http://127.0.0.1:${app.port}`;
    expect((await withdraw(`Host: 127.0.0.1:${app.port}`, `Origin: ${own}`, 'Sec-Fetch-Site: same-origin')).status).toBe(200);
    expect((await withdraw(`Host: localhost:${app.port}`, `Origin: http://localhost:${app.port}`, 'Sec-Fetch-Site: same-origin')).status).toBe(200);
    expect((await withdraw(`Host: 127.0.0.1:${app.port}`)).status).toBe(200);
    const typed = await rawRequest(app.port, head('GET /api/time HTTP/1.1', `Host: 127.0.0.1:${app.port}`, 'Connection: close', 'Sec-Fetch-Site: none'));
    expect(typed.status).toBe(200);
    expect(upstream.received.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /auth/withdraw',
      'POST /auth/withdraw',
      'POST /auth/withdraw',
      'GET /time',
    ]);
  });

  it('behind an https front, the public name is its own origin on https only', async () => {
    expect((await withdraw('Host: withdraw.example.com', 'Origin: https://withdraw.example.com', 'Sec-Fetch-Site: same-origin')).status).toBe(200);
    expectApiRefusal(await withdraw('Host: withdraw.example.com', 'Origin: http://withdraw.example.com'), 403);
    expectApiRefusal(await withdraw(`Host: 127.0.0.1:${app.port}`, 'Origin: https://withdraw.example.com'), 403);
    expect(upstream.received).toHaveLength(1);
  });
});

describe("the Host rule of Vite's dev server (its own host check)", () => {
  let upstream: StubUpstream;
  let app: RunningApp;
  beforeAll(async () => {
    upstream = await startUpstream();
    app = await viteDevServer.start(upstream.url);
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  it('refuses another name before the proxy sees it, and forwards nothing', async () => {
    for (const path of ['/api/time', '/__everstrike/target']) {
      const response = await rawRequest(app.port, head(`GET ${path} HTTP/1.1`, 'Host: evil.example', 'Connection: close'));
      expect(response.status).toBe(403);
    }
    expect(upstream.received).toHaveLength(0);
  });
});
