// @ts-check
/**
 * `npm run bench`: the figures the README quotes. It builds the app and reports what a browser downloads
 * (raw and gzip), then times the pure core in Node's WebCrypto (the same API the page uses): importing the
 * secret, signing a withdrawal body, and the address checksum checks. No test asserts on these numbers.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, createBase58check } from '@scure/base';

const root = new URL('..', import.meta.url).pathname;

function buildSizes() {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const assets = join(root, 'dist/assets');
  /** @type {Record<string, { raw: number, gzip: number }>} */
  const totals = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const name of readdirSync(assets)) {
    const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const bytes = readFileSync(join(assets, name));
    const total = totals[kind];
    if (!total) continue;
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return totals;
}

/**
 * Microseconds per call: the median, over `batches` batches, of a batch's time divided by its size. Timing
 * batches rather than single awaited calls keeps event-loop scheduling noise out of the figure.
 * @param {() => unknown | Promise<unknown>} fn
 */
async function median(fn, batches = 25, batchSize = 400) {
  for (let i = 0; i < batchSize; i++) await fn();
  const samples = [];
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batchSize; i++) await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / batchSize);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const sizes = buildSizes();
const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();
const body = 'asset=ETH&qty=5&address=0x829bd824b016326a401d083b33d092293333a830&timestamp=1700000000000';
const key = await subtle.importKey('raw', encoder.encode('secret'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
const base58check = createBase58check(sha256);

const rows = [
  ['JavaScript (all chunks)', `${kb(sizes.js?.raw ?? 0)} raw, ${kb(sizes.js?.gzip ?? 0)} gzip`],
  ['CSS', `${kb(sizes.css?.raw ?? 0)} raw, ${kb(sizes.css?.gzip ?? 0)} gzip`],
  ['import the secret (WebCrypto)', `${(await median(() => subtle.importKey('raw', encoder.encode('secret'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']))).toFixed(1)} µs median`],
  ['sign a withdrawal body (WebCrypto)', `${(await median(() => subtle.sign('HMAC', key, encoder.encode(body)))).toFixed(1)} µs median`],
  ['EIP-55 keccak of an address', `${(await median(() => keccak_256(encoder.encode('829bd824b016326a401d083b33d092293333a830')))).toFixed(1)} µs median`],
  ['Base58Check decode', `${(await median(() => base58check.decode('n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8'))).toFixed(1)} µs median`],
  ['bech32 decode', `${(await median(() => bech32.decode('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'))).toFixed(1)} µs median`],
];
console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
for (const [what, figure] of rows) console.log(`| ${what} | ${figure} |`);
