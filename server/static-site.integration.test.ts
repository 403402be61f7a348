/**
 * The static side of the production server, on a small build-like folder: strict headers on the page,
 * revalidated index.html, immutable hashed assets, precompressed copies, and nothing else: no source map
 * (even one left in the folder), no source module, no dotfile, nothing outside the folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { head, rawRequest } from './testing/raw-http.ts';
import { productionServer, type RunningApp } from './testing/proxy-harness.ts';
import { closedOrigin } from './testing/stub-upstream.ts';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4096))});\n`;

describe('the built app as the production server serves it', () => {
  let root: string;
  let app: RunningApp;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'everstrike-static-'));
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(root, 'outside.txt'), 'OUTSIDE-THE-BUILD');
    writeFileSync(join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/index-AbCdEf12.js"></script>');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dist, 'assets/index-AbCdEf12.js'), SCRIPT);
    writeFileSync(join(dist, 'assets/index-AbCdEf12.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(dist, 'assets/index-AbCdEf12.js.map'), '{"sources":["../src/main.tsx"]}');
    writeFileSync(join(dist, '.env'), 'SECRET=1');
    app = await productionServer.start(await closedOrigin(), { distDir: dist });
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
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

    const compressed = await rawRequest(app.port, head('GET /assets/index-AbCdEf12.js HTTP/1.1', 'Host: 127.0.0.1', 'Accept-Encoding: br, gzip'));
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
      const response = await rawRequest(app.port, head(`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'));
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('OUTSIDE-THE-BUILD');
    },
  );

  it('answers other methods on pages with 404', async () => {
    expect((await fetch(`${app.url}/`, { method: 'POST', body: 'x' })).status).toBe(404);
  });
});
