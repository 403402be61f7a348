/**
 * The static side of the production server, on a small build-like folder: strict headers on the page,
 * revalidated index.html, immutable hashed assets, precompressed copies, and nothing else: no source map
 * (even one left in the folder), no source module, no dotfile, nothing outside the folder.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { head, rawRequest } from './testing/raw-http.ts';
import { productionServer, type RunningApp } from './testing/proxy-harness.ts';
import { closedOrigin } from './testing/stub-upstream.ts';
import { makeTinyDist, TINY_INDEX, TINY_SCRIPT as SCRIPT, type TinyDist } from './testing/tiny-dist.ts';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

describe('the built app as the production server serves it', () => {
  let build: TinyDist;
  let app: RunningApp;
  beforeAll(async () => {
    build = makeTinyDist();
    app = await productionServer.start(await closedOrigin(), { distDir: build.dist });
  });
  afterAll(async () => {
    await app.close();
    build.remove();
  });

  it('serves the page with the strict policy and the other security headers, revalidated on each visit', async () => {
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('/assets/index-AbCdEf12.js');
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-security-policy': STRICT_CSP,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'permissions-policy': expect.stringContaining('camera=()'),
      'cache-control': 'no-cache',
    });
    expect((await fetch(`${app.url}/index.html`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets as immutable, brotli-compressed when the browser accepts it', async () => {
    const plain = await fetch(`${app.url}/assets/index-AbCdEf12.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);

    const compressed = await rawRequest(app.port, head('GET /assets/index-AbCdEf12.js HTTP/1.1', `Host: 127.0.0.1:${app.port}`, 'Accept-Encoding: br, gzip'));
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['content-type']).toMatch(/^(?:application|text)\/javascript/);
    expect(compressed.headers.vary).toContain('accept-encoding');
    expect(Number(compressed.headers['content-length'])).toBeLessThan(SCRIPT.length);
  });

  it.each(['/assets/index-AbCdEf12.js.map', '/src/main.tsx', '/@vite/client', '/.env', '/assets/index-AbCdEf12.js.br', '/nope'])(
    'does not serve %s (404, with the strict headers)',
    async (path) => {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(STRICT_CSP);
      expect(await response.text()).toBe('Not found\n');
    },
  );

  it.each(['/../outside.txt', '/assets/../../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/..%5coutside.txt', '//outside.txt'])(
    'serves nothing outside the build for %s',
    async (path) => {
      const response = await rawRequest(app.port, head(`GET ${path} HTTP/1.1`, `Host: 127.0.0.1:${app.port}`, 'Connection: close'));
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('OUTSIDE-THE-BUILD');
    },
  );

  it.each([
    ['POST', '/', 'application/x-www-form-urlencoded'],
    ['POST', '/index.html', 'application/json'],
    ['PUT', '/assets/index-AbCdEf12.js', 'text/plain'],
    ['DELETE', '/', 'application/x-www-form-urlencoded'],
    ['POST', '/nope', 'application/octet-stream'],
  ])('answers %s %s (a %s body) with 405 and Allow: GET, HEAD, and logs no error', async (method, path, type) => {
    app.logs.length = 0;
    const body = 'a=1&b={"c":';
    const response = await rawRequest(
      app.port,
      head(`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${app.port}`, `Content-Type: ${type}`, `Content-Length: ${body.length}`) + body,
    );
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(response.headers['content-security-policy']).toBe(STRICT_CSP);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toBe('Method not allowed\n');
    await expect.poll(() => app.logs.length).toBe(1);
    expect(app.logs[0]).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d ${method} ${path.replaceAll('.', '\\.')} 405 \\d+ ms$`));
    // Still serving afterwards.
    expect((await fetch(`${app.url}/`)).status).toBe(200);
  });
});

describe('a build whose index.html inlines its stylesheet', () => {
  it('allows that <style> by its hash, and nothing else inline', async () => {
    const css = 'body{margin:0;color:#111}';
    const build = makeTinyDist(`<!doctype html><head><style>${css}</style></head>${TINY_INDEX}`);
    const app = await productionServer.start(await closedOrigin(), { distDir: build.dist });
    try {
      const policy = (await fetch(`${app.url}/`)).headers.get('content-security-policy') ?? '';
      const hash = createHash('sha256').update(css).digest('base64');
      expect(policy).toContain(`style-src 'self' 'sha256-${hash}'; `);
      expect(policy).not.toContain('unsafe-inline');
      // An error page has no stylesheet of its own: its policy allows no inline style at all.
      expect((await fetch(`${app.url}/nope`)).headers.get('content-security-policy')).toContain("style-src 'self'; ");
    } finally {
      await app.close();
      build.remove();
    }
  });
});
