/** When `npm start` rebuilds: a missing half, or any input newer than the older half of the build. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildState } from './build.mjs';

let root: string;
const HOUR = 3600;

function write(path: string, ageSeconds: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, path);
  const time = Date.now() / 1000 - ageSeconds;
  utimesSync(full, time, time);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'everstrike-build-'));
  write('src/main.tsx', 3 * HOUR);
  write('server/app.ts', 3 * HOUR);
  write('index.html', 3 * HOUR);
  write('dist/index.html', 2 * HOUR);
  write('dist-server/server/main.js', 2 * HOUR);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildState', () => {
  it('is up to date when both halves are newer than every input', () => {
    expect(buildState(root)).toEqual({ stale: false, reason: 'the build is up to date' });
  });

  it.each(['dist/index.html', 'dist-server/server/main.js'])('rebuilds when %s is missing', (output) => {
    rmSync(join(root, output));
    expect(buildState(root)).toMatchObject({ stale: true, reason: expect.stringContaining('has not been built yet') });
  });

  it.each(['src/app/app.tsx', 'server/proxy-plugin.ts', 'public/favicon.svg', 'vite.config.ts', 'package-lock.json'])(
    'rebuilds when %s changed after the build, and says which file',
    (input) => {
      write(input, 60);
      expect(buildState(root)).toEqual({ stale: true, reason: `${input} changed since the last build` });
    },
  );

  it('compares with the older half of the build', () => {
    write('server/app.ts', HOUR);
    write('dist/index.html', 30 * 60);
    expect(buildState(root).stale).toBe(true);
  });

  it.each(['src/lib/format.test.ts', 'server/testing/raw-http.ts', 'src/signing/__fixtures__/vectors.json', 'README.md', 'e2e/withdraw.spec.ts'])(
    'does not rebuild for %s, which the build never reads',
    (path) => {
      write(path, 60);
      expect(buildState(root).stale).toBe(false);
    },
  );
});
