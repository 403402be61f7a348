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

const env = { ...process.env };
if (withSandbox) {
  const host = env.SANDBOX_HOST || '127.0.0.1';
  const port = env.SANDBOX_PORT || '8787';
  const sandbox = spawn(process.execPath, [join(root, 'sandbox/server.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...env, SANDBOX_HOST: host, SANDBOX_PORT: port },
  });
  children.push(sandbox);
  const sandboxUrl = `http://${host}:${port}`;
  // Ready when this child prints its banner: a /ping could be answered by another server on that port.
  const ready = new Promise((resolve, reject) => {
    let printed = '';
    sandbox.stdout?.on('data', (/** @type {Buffer} */ chunk) => {
      process.stdout.write(chunk);
      printed += chunk.toString('utf8');
      if (printed.includes('listening on')) resolve(undefined);
    });
    sandbox.on('exit', (code) => {
      stopAll(code ?? 1);
      reject(new Error(`it exited with code ${code ?? 'null'}`));
    });
    setTimeout(() => reject(new Error('it printed no banner within 10 s')), 10_000).unref();
  });
  try {
    await ready;
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
