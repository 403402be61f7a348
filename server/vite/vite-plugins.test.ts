import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isProxyRequest } from './dev-proxy-plugin.ts';
import { precompressDirectory } from './precompress-plugin.ts';

describe('isProxyRequest (what the dev server hands to the proxy plugin)', () => {
  it.each(['/api/time', '/api/auth/withdraw', '/api/', '/api/anything/else?x=1', '/__everstrike/target', '/__everstrike/target?x=1'])('%s', (url) => {
    expect(isProxyRequest(url)).toBe(true);
  });
  it.each(['/', '/api', '/apitime', '/src/main.tsx', '/@vite/client', '/__everstrike/targets', undefined])('not %s', (url) => {
    expect(isProxyRequest(url)).toBe(false);
  });
});

describe('precompressDirectory', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes smaller .br and .gz copies of text files big enough to gain, and leaves the rest alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'everstrike-precompress-'));
    mkdirSync(join(dir, 'assets'));
    const script = `export const text = ${JSON.stringify('withdrawal '.repeat(500))};\n`;
    writeFileSync(join(dir, 'assets/index-AbCdEf12.js'), script);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>small</title>');
    writeFileSync(join(dir, 'assets/logo.png'), Buffer.alloc(4096, 1));

    expect(precompressDirectory(dir)).toBe(2);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets/index-AbCdEf12.js.br'))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(dir, 'assets/index-AbCdEf12.js.gz'))).toString()).toBe(script);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets/logo.png.br'))).toBe(false);
  });
});
