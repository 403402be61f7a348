import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isProxyRequest } from './dev-proxy-plugin.ts';
import { inlineStylesheetLinks } from './inline-stylesheet-plugin.ts';
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

describe('inlineStylesheetLinks', () => {
  const LINK = '<link rel="stylesheet" crossorigin href="/assets/index-AbCdEf12.css">';
  const html = `<!doctype html><head><title>t</title>${LINK}<script type="module" src="/assets/index-AbCdEf12.js"></script></head>`;

  it('puts the stylesheet in a <style> where its link was, and drops the file from the build', () => {
    const files = { 'assets/index-AbCdEf12.css': { type: 'asset' as const, source: 'body{color:red}' }, 'assets/index-AbCdEf12.js': { type: 'chunk' as const } };
    expect(inlineStylesheetLinks(html, files)).toBe(html.replace(LINK, '<style>body{color:red}</style>'));
    expect(Object.keys(files)).toEqual(['assets/index-AbCdEf12.js']);
  });

  it('reads a stylesheet given as bytes', () => {
    const files = { 'assets/index-AbCdEf12.css': { type: 'asset' as const, source: new TextEncoder().encode('p{margin:0}') } };
    expect(inlineStylesheetLinks(html, files)).toContain('<style>p{margin:0}</style>');
  });

  it('refuses a link to a file the build did not write, and a stylesheet that would end the element early', () => {
    expect(() => inlineStylesheetLinks(html, {})).toThrow(/did not write/);
    const files = { 'assets/index-AbCdEf12.css': { type: 'asset' as const, source: 'a::after{content:"</style><script>"}' } };
    expect(() => inlineStylesheetLinks(html, files)).toThrow(/cannot be inlined/);
  });
});
