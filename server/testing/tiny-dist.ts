/**
 * A small build-like folder for tests of the static side: an index.html that names one hashed script, the
 * script and its brotli copy, a source map and a dotfile that must never be served, and a file outside it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';

export const TINY_SCRIPT = `console.log(${JSON.stringify('x'.repeat(4096))});\n`;
export const TINY_INDEX = '<!doctype html><script type="module" src="/assets/index-AbCdEf12.js"></script>';

export interface TinyDist {
  /** The build folder to serve. */
  dist: string;
  remove: () => void;
}

/** @param index the index.html to write (by default TINY_INDEX) */
export function makeTinyDist(index = TINY_INDEX): TinyDist {
  const root = mkdtempSync(join(tmpdir(), 'everstrike-static-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(root, 'outside.txt'), 'OUTSIDE-THE-BUILD');
  writeFileSync(join(dist, 'index.html'), index);
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'assets/index-AbCdEf12.js'), TINY_SCRIPT);
  writeFileSync(join(dist, 'assets/index-AbCdEf12.js.br'), brotliCompressSync(TINY_SCRIPT));
  writeFileSync(join(dist, 'assets/index-AbCdEf12.js.map'), '{"sources":["../src/main.tsx"]}');
  writeFileSync(join(dist, '.env'), 'SECRET=1');
  return { dist, remove: () => rmSync(root, { recursive: true, force: true }) };
}
