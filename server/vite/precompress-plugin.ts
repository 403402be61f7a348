/**
 * Writes `.br` and `.gz` siblings of the built text files (Node's zlib, at build time), which the
 * production server sends to browsers that accept them: a real server compresses, and doing it once at
 * build time costs nothing per request.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this size compression gains nothing worth a second file. */
const MIN_BYTES = 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Compresses every compressible file under `dir`; a sibling is kept only when it is smaller. */
export function precompressDirectory(dir: string): number {
  let written = 0;
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const raw = readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const variants: Array<[string, Buffer]> = [
      ['.br', brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })],
      ['.gz', gzipSync(raw, { level: 9 })],
    ];
    for (const [extension, compressed] of variants) {
      if (compressed.length >= raw.length) continue;
      writeFileSync(`${file}${extension}`, compressed);
      written += 1;
    }
  }
  return written;
}

export function precompress(): Plugin {
  let outDir: string | undefined;
  return {
    name: 'everstrike-precompress',
    apply: 'build',
    configResolved(config) {
      // Only a client build that writes files has anything to compress (not the prerender's server build).
      outDir = config.build.write && !config.build.ssr ? resolve(config.root, config.build.outDir) : undefined;
    },
    closeBundle() {
      if (outDir !== undefined) precompressDirectory(outDir);
    },
  };
}
