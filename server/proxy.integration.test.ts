/**
 * The proxy rules over real sockets, on the production server AND on Vite's dev server (which mounts the
 * same plugin): what is forwarded, which headers travel, what the page gets back, and what nothing reaches
 * the exchange. Raw sockets where an HTTP client would tidy the request up.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { head, rawRequest } from './testing/raw-http.ts';
import { productionServer, viteDevServer, type RunningApp } from './testing/proxy-harness.ts';
import { startUpstream, type StubUpstream } from './testing/stub-upstream.ts';

const SIGNED_BODY = 'asset=ETH&qty=0.5&address=0x829bd824b016326a401d083b33d092293333a830&timestamp=1700000000000';
/** Every header the exchange may ever see from this proxy. */
const ALLOWED_UPSTREAM = ['host', 'connection', 'user-agent', 'accept', 'content-type', 'content-length', 'x-api-key', 'x-signature'];
const HOSTILE_HEADERS = [
  'Cookie: session=app',
  'Authorization: Basic dXNlcjpwdw==',
  'Proxy-Authorization: Basic dXNlcjpwdw==',
  'Referer: https://evil.example/page',
  'Forwarded: for=1.2.3.4;host=evil.example',
  'X-Forwarded-For: 1.2.3.4',
  'X-Forwarded-Host: evil.example',
  'X-Forwarded-Proto: http',
  'X-Real-IP: 1.2.3.4',
  'X-Everstrike-Proxy: not-delivered',
];

describe.each([productionServer, viteDevServer])('the proxy in $name', (harness) => {
  let upstream: StubUpstream;
  let app: RunningApp;
  beforeAll(async () => {
    upstream = await startUpstream();
    app = await harness.start(upstream.url, { upstreamTimeoutMs: 1_500, upstreamAnswerBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.received.length = 0;
  });

  it('forwards an allowed GET without the /api prefix or the query, with the target as Host', async () => {
    const response = await fetch(`${app.url}/api/time?x=1`, { headers: { 'x-api-key': 'key', accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: 200, msg: '', result: 1_700_000_000_000 });
    expect(upstream.received).toHaveLength(1);
    const [forwarded] = upstream.received;
    expect(forwarded?.method).toBe('GET');
    expect(forwarded?.url).toBe('/time');
    expect(forwarded?.headers.host).toBe(new URL(upstream.url).host);
    expect(forwarded?.headers['x-api-key']).toBe('key');
    expect(forwarded?.headers['user-agent']).toBe('everstrike-withdraw-proxy');
  });

  it('forwards the signed POST body byte for byte, with its key, signature and content type', async () => {
    const response = await fetch(`${app.url}/api/auth/withdraw`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': 'key', 'x-signature': 'c2lnbmF0dXJl' },
      body: SIGNED_BODY,
    });
    expect(response.status).toBe(200);
    const [forwarded] = upstream.received;
    expect(forwarded?.body.toString('utf8')).toBe(SIGNED_BODY);
    expect(forwarded?.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(SIGNED_BODY.length),
      'x-signature': 'c2lnbmF0dXJl',
    });
  });

  it.each([
    ['GET', '/api/auth/withdraw'],
    ['POST', '/api/time'],
    ['HEAD', '/api/time'],
    ['PUT', '/api/auth/withdraw'],
    ['DELETE', '/api/withdrawals'],
    ['OPTIONS', '/api/auth/withdraw'],
    ['PROPFIND', '/api/time'],
    ['GET', '/api/time/../auth/withdraw'],
    ['GET', '/api/time/..%2f__sandbox/requests'],
    ['GET', '/api//time'],
    ['GET', '/api/%74ime'],
    ['GET', '/api/time/'],
    ['GET', '/api/__sandbox/requests'],
    ['GET', '/api/'],
  ])('answers %s %s itself with 404 not-forwarded, and the exchange never hears of it', async (method, path) => {
    const response = await rawRequest(app.port, head(`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${app.port}`, 'Content-Length: 0'));
    expect(response.status).toBe(404);
    if (method !== 'HEAD') expect(JSON.parse(response.body)).toMatchObject({ code: 404 });
    expect(response.headers['x-everstrike-proxy']).toBe('not-forwarded');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(upstream.received).toHaveLength(0);
  });

  it.each([false, true])(
    'drops cookie, authorization, origin, referer and every forwarding header (Expect: 100-continue: %s)',
    async (expectContinue) => {
      const response = await rawRequest(
        app.port,
        head(
          'POST /api/auth/withdraw HTTP/1.1',
          // Vite's dev server refuses unknown hosts itself; localhost is allowed and is not the exchange's host.
          `Host: localhost:${app.port}`,
          'Content-Type: application/x-www-form-urlencoded',
          'X-Api-Key: key',
          'X-Signature: c2lnbmF0dXJl',
          // The page's own origin: allowed (another one is refused), and still not forwarded.
          `Origin: http://localhost:${app.port}`,
          ...HOSTILE_HEADERS,
          ...(expectContinue ? ['Expect: 100-continue'] : []),
          `Content-Length: ${SIGNED_BODY.length}`,
        ) + SIGNED_BODY,
      );
      expect(response.status).toBe(200);
      expect(upstream.received).toHaveLength(1);
      const forwarded = upstream.received[0];
      expect(Object.keys(forwarded?.headers ?? {}).filter((name) => !ALLOWED_UPSTREAM.includes(name))).toEqual([]);
      expect(forwarded?.headers.host).toBe(new URL(upstream.url).host);
      expect(forwarded?.body.toString('utf8')).toBe(SIGNED_BODY);
    },
  );

  it.each([
    ['a declared length', [`Content-Length: ${20_000}`], 'x'.repeat(20_000)],
    ['a chunked body', ['Transfer-Encoding: chunked'], `4e20\r\n${'x'.repeat(20_000)}\r\n0\r\n\r\n`],
    ['Expect: 100-continue', ['Expect: 100-continue', `Content-Length: ${20_000}`], ''],
  ])('refuses a body over 16 KiB with 413 (%s), and nothing reaches the exchange', async (_case, lines, body) => {
    const response = await rawRequest(
      app.port,
      head('POST /api/auth/withdraw HTTP/1.1', `Host: 127.0.0.1:${app.port}`, 'Content-Type: application/x-www-form-urlencoded', ...lines) + body,
    );
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ code: 413 });
    expect(response.headers['x-everstrike-proxy']).toBe('not-forwarded');
    expect(upstream.received).toHaveLength(0);
  });

  it.each([
    ['Content-Length with Transfer-Encoding', ['Content-Length: 4', 'Transfer-Encoding: chunked'], '0\r\n\r\nGET /api/personal HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['two different Content-Lengths', ['Content-Length: 4', 'Content-Length: 60'], 'asdfGET /api/personal HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['an obfuscated Transfer-Encoding', ['Transfer-Encoding: xchunked', 'Content-Length: 4'], 'asdf'],
  ])('refuses a smuggling attempt (%s) with 400, forwarding nothing', async (_case, lines, body) => {
    const response = await rawRequest(app.port, head('POST /api/auth/withdraw HTTP/1.1', `Host: 127.0.0.1:${app.port}`, ...lines) + body);
    expect(response.status).toBe(400);
    expect(upstream.received).toHaveLength(0);
  });

  it('forwards a body that looks like a second request once, as a body, never as a request', async () => {
    const smuggled = 'GET /api/personal HTTP/1.1\r\nHost: x\r\n\r\n';
    const response = await rawRequest(
      app.port,
      head('POST /api/auth/withdraw HTTP/1.1', `Host: 127.0.0.1:${app.port}`, 'Connection: close', `Content-Length: ${smuggled.length}`) + smuggled,
    );
    expect(response.status).toBe(200);
    expect(upstream.received.map((request) => `${request.method} ${request.url} ${request.body.toString()}`)).toEqual([`POST /auth/withdraw ${smuggled}`]);
  });

  it("removes a forged proxy header, cookies and the exchange's other headers from the answer", async () => {
    upstream.next((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-everstrike-proxy': 'not-delivered',
        'X-Everstrike-Proxy-Other': 'x',
        'set-cookie': ['tracker=1', 'other=2'],
        'retry-after': '3',
        'access-control-allow-origin': '*',
      });
      res.end(JSON.stringify({ code: 200, msg: 'accepted', result: { id: 'wd_1' } }));
    });
    const response = await fetch(`${app.url}/api/auth/withdraw`, { method: 'POST', body: SIGNED_BODY });
    expect(response.status).toBe(200);
    const names = [...response.headers.keys()];
    expect(names.filter((name) => name.startsWith('x-everstrike'))).toEqual([]);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['120', '120'],
    ['Sun, 06 Nov 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['<script>alert(1)</script>', null],
    ['Sunday, 06-Nov-94 08:49:37 GMT', null],
    ['-5', null],
  ])('passes Retry-After %j from the exchange on only when it is seconds or an HTTP date', async (sent, passed) => {
    upstream.next((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': sent });
      res.end(JSON.stringify({ code: 503, msg: 'Maintenance', result: {} }));
    });
    const response = await fetch(`${app.url}/api/time`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(passed);
  });

  it("serves an upstream HTML page as inert text, never as a page of the app's origin", async () => {
    const page = '<html><body><script>alert(document.domain)</script><h1>502 Bad Gateway</h1></body></html>';
    upstream.next((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(page);
    });
    const response = await fetch(`${app.url}/api/time`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('x-everstrike-proxy')).toBeNull();
    expect(await response.text()).toBe(page);
  });

  it('tells the page which exchange it targets, without asking the exchange', async () => {
    const response = await fetch(`${app.url}/__everstrike/target`);
    expect(await response.json()).toEqual({ url: upstream.url, environment: 'local', label: `Local sandbox exchange (${new URL(upstream.url).host})` });
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(upstream.received).toHaveLength(0);
  });

  it('logs one line per request, without header values or bodies', async () => {
    app.logs.length = 0;
    await fetch(`${app.url}/api/auth/withdraw?secret=1`, { method: 'POST', headers: { 'x-api-key': 'KEY-VALUE', cookie: 'c=COOKIE' }, body: SIGNED_BODY });
    await expect.poll(() => app.logs.length).toBe(1);
    expect(app.logs[0]).toMatch(/^\d\d:\d\d:\d\d POST \/api\/auth\/withdraw 200 \d+ ms$/);
  });
});
