// @vitest-environment node
/**
 * Every error the same way, whoever raised it, over real sockets: under /api (and for the target
 * description) the envelope with the /api headers and the proxy's mark; elsewhere the page's headers and a
 * short plain text. A URL the router cannot decode, a body Fastify will not parse, a media type it does not
 * know: never the URL or a header repeated, never a stack, nothing forwarded, no error in the log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { head, rawRequest, type RawResponse } from './testing/raw-http.ts';
import { productionServer, type RunningApp } from './testing/proxy-harness.ts';
import { startUpstream, type StubUpstream } from './testing/stub-upstream.ts';
import { makeTinyDist, type TinyDist } from './testing/tiny-dist.ts';

const MARKER = 'zq9marker';

describe('errors below the rules, on the production server', () => {
  let upstream: StubUpstream;
  let build: TinyDist;
  let app: RunningApp;
  beforeAll(async () => {
    upstream = await startUpstream();
    build = makeTinyDist();
    app = await productionServer.start(upstream.url, { distDir: build.dist });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
    build.remove();
  });
  beforeEach(() => {
    upstream.received.length = 0;
    app.logs.length = 0;
  });

  const send = (requestLine: string, ...lines: string[]) => {
    const body = lines.find((line) => line.startsWith('\n'))?.slice(1);
    const headers = lines.filter((line) => !line.startsWith('\n'));
    const length = body === undefined ? [] : [`Content-Length: ${Buffer.byteLength(body)}`];
    return rawRequest(app.port, head(requestLine, `Host: 127.0.0.1:${app.port}`, 'Connection: close', ...headers, ...length) + (body ?? ''));
  };

  function expectEnvelope(response: RawResponse, status: number): void {
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toEqual({ code: status, msg: expect.any(String), result: {} });
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['x-everstrike-proxy']).toBe('not-forwarded');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).not.toContain(MARKER);
    expect(response.body).not.toMatch(/FST_|\bat .*\(|statusCode/);
  }

  async function expectNoErrorLogged(): Promise<void> {
    await expect.poll(() => app.logs.length).toBeGreaterThan(0);
    expect(app.logs.filter((line) => /error|warning/.test(line))).toEqual([]);
  }

  it.each([`/api/%c0%af${MARKER}`, `/api/time%${MARKER}`, `/api/auth/%ff${MARKER}`])(
    'a URL it cannot decode (%s): 400 in the envelope, the URL not repeated',
    async (path) => {
      expectEnvelope(await send(`GET ${path} HTTP/1.1`), 400);
      expect(upstream.received).toHaveLength(0);
      await expectNoErrorLogged();
    },
  );

  it('a URL it cannot decode outside /api: 400, the page headers, a short text', async () => {
    const response = await send(`GET /%c0%af${MARKER} HTTP/1.1`);
    expect(response.status).toBe(400);
    expect(response.body).toBe('Bad request\n');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it.each([
    ['a media type it does not parse', [`Content-Type: application/${MARKER}`, '\nx'], 404],
    ['a broken media type', [`Content-Type: ;;${MARKER}`, '\nx'], 415],
    ['a JSON body that does not parse', ['Content-Type: application/json', `\n{"${MARKER}":`], 400],
    ['a JSON body that poisons prototypes', ['Content-Type: application/json', `\n{"__proto__":{"${MARKER}":1}}`], 400],
  ])('%s, sent to the target description (its one place with body parsers): the envelope, nothing repeated', async (_case, lines, status) => {
    expectEnvelope(await send('POST /__everstrike/target HTTP/1.1', ...lines), status);
    expect(upstream.received).toHaveLength(0);
    await expectNoErrorLogged();
  });

  it('a broken media type on the withdrawal: 415 in the envelope, the header not repeated, nothing forwarded', async () => {
    expectEnvelope(await send('POST /api/auth/withdraw HTTP/1.1', `Content-Type: ;;${MARKER}`, '\nasset=ETH'), 415);
    expect(upstream.received).toHaveLength(0);
    await expectNoErrorLogged();
  });

  it('an Expect it does not know: 417 in the envelope (under /api) or as text (a page), nothing forwarded', async () => {
    expectEnvelope(await send('POST /api/auth/withdraw HTTP/1.1', `Expect: ${MARKER}`, '\nasset=ETH'), 417);
    const page = await send('GET / HTTP/1.1', `Expect: ${MARKER}`);
    expect(page.status).toBe(417);
    expect(page.body).toBe('Expectation failed\n');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(upstream.received).toHaveLength(0);
  });

  it('a path under /api the proxy does not forward: 404 in the envelope, the path not repeated', async () => {
    const response = await send(`GET /api/${MARKER} HTTP/1.1`);
    expectEnvelope(response, 404);
    expect(JSON.parse(response.body).msg).toContain('POST /auth/withdraw');
  });
});
