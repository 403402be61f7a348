// @ts-check
/**
 * `npm start` (and `npm run demo`): starts the app's dev server, proxying to EVERSTRIKE_API_URL (the
 * Everstrike testnet unless set). With `--sandbox` it first starts the local sandbox exchange and points
 * the proxy at it instead. Every other argument goes to Vite unchanged (`npm start -- --port 6000`).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const withSandbox = args.includes('--sandbox');
const viteArgs = args.filter((arg) => arg !== '--sandbox');

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];

function stopAll(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** @param {string} url */
async function waitUntilUp(url, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const env = { ...process.env };
if (withSandbox) {
  const host = env.SANDBOX_HOST || '127.0.0.1';
  const port = env.SANDBOX_PORT || '8787';
  const sandbox = spawn(process.execPath, [join(root, 'sandbox/server.mjs')], { stdio: 'inherit', env: { ...env, SANDBOX_HOST: host, SANDBOX_PORT: port } });
  children.push(sandbox);
  sandbox.on('exit', (code) => stopAll(code ?? 1));
  const sandboxUrl = `http://${host}:${port}`;
  try {
    await waitUntilUp(`${sandboxUrl}/ping`);
  } catch (error) {
    console.error(`The sandbox exchange did not start: ${error instanceof Error ? error.message : String(error)}`);
    stopAll(1);
    process.exit(1);
  }
  env.EVERSTRIKE_API_URL = sandboxUrl;
}

const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
const vite = spawn(process.execPath, [viteBin, ...viteArgs], { stdio: 'inherit', env, cwd: root });
children.push(vite);
vite.on('exit', (code) => stopAll(code ?? 0));
