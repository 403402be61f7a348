// @ts-check
/**
 * Builds what `npm start` serves: the client into dist/ (`vite build`) and the server into dist-server/
 * (`tsc -p tsconfig.server.json`). `npm run build` runs it after the type check; `npm start` runs it only
 * when the build is missing or older than one of its inputs (see buildState).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the build reads: the sources of both halves, the page's static files and the config that shapes them. */
export const BUILD_INPUTS = [
  'src',
  'public',
  'server',
  'index.html',
  'vite.config.ts',
  'tailwind.config.js',
  'tsconfig.json',
  'tsconfig.app.json',
  'tsconfig.server.json',
  'package.json',
  'package-lock.json',
];
/** One file from each half of the build; the older of the two dates the build. */
export const BUILD_OUTPUTS = ['dist/index.html', 'dist-server/server/main.js'];

/** Tests and test helpers never change what is built. */
const NOT_AN_INPUT = /(?:\.test\.[cm]?[jt]sx?$|(?:^|\/)(?:testing|__fixtures__)\/)/;

/**
 * The most recently modified input under `root`.
 * @param {string} root
 * @param {readonly string[]} inputs
 * @returns {{ path: string, mtimeMs: number } | undefined}
 */
export function newestInput(root, inputs = BUILD_INPUTS) {
  /** @type {{ path: string, mtimeMs: number } | undefined} */
  let newest;
  /** @param {string} path */
  const visit = (path) => {
    const rel = relative(root, path);
    if (NOT_AN_INPUT.test(rel)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (!newest || stat.mtimeMs > newest.mtimeMs) {
      newest = { path: rel, mtimeMs: stat.mtimeMs };
    }
  };
  for (const input of inputs) {
    const path = join(root, input);
    if (existsSync(path)) visit(path);
  }
  return newest;
}

/**
 * Whether `root` needs a build, and why, in words for the one line `npm start` prints.
 * @param {string} root
 * @returns {{ stale: boolean, reason: string }}
 */
export function buildState(root) {
  let oldestOutput = Number.POSITIVE_INFINITY;
  for (const output of BUILD_OUTPUTS) {
    const path = join(root, output);
    if (!existsSync(path)) return { stale: true, reason: `${output.split('/')[0]}/ has not been built yet` };
    oldestOutput = Math.min(oldestOutput, statSync(path).mtimeMs);
  }
  const input = newestInput(root);
  if (input && input.mtimeMs > oldestOutput) return { stale: true, reason: `${input.path} changed since the last build` };
  return { stale: false, reason: 'the build is up to date' };
}

/**
 * Builds the client and the server; throws when either step fails (its output has been shown).
 * @param {string} [root]
 */
export function build(root = PROJECT_ROOT) {
  const run = (/** @type {string} */ script, /** @type {string[]} */ args) =>
    execFileSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  run('node_modules/vite/bin/vite.js', ['build', '--logLevel', 'warn']);
  // tsc does not remove what a previous build wrote: start from an empty folder.
  rmSync(join(root, 'dist-server'), { recursive: true, force: true });
  run('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.server.json']);
}

/**
 * Builds when needed, saying so in one line. Returns false when the build failed.
 * @param {string} [root]
 * @param {(line: string) => void} [say]
 */
export function ensureBuilt(root = PROJECT_ROOT, say = (line) => console.log(line)) {
  const state = buildState(root);
  if (!state.stale) return true;
  say(`Building the app into dist/ and the server into dist-server/ (${state.reason})…`);
  try {
    build(root);
    return true;
  } catch {
    return false;
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  try {
    build();
  } catch {
    console.error('The build failed (see above).');
    process.exit(1);
  }
}
