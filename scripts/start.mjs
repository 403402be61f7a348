// @ts-check
/**
 * `npm start`: builds the app when needed (see scripts/build.mjs), then runs the production server
 * (`dist-server/server/main.js`): the built app and its /api proxy to EVERSTRIKE_API_URL (the Everstrike
 * testnet unless set). With `--sandbox` (= `npm run demo`) it first starts the local sandbox exchange and
 * points the proxy at it. `--port N` sets the app's port (as PORT does).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT, ensureBuilt } from './build.mjs';

const USAGE = 'Usage: npm start [-- --sandbox] [-- --port N]';

/**
 * @param {string[]} args
 * @returns {{ sandbox: boolean, port: string | undefined }}
 */
function parseArgs(args) {
  let sandbox = false;
  /** @type {string | undefined} */
  let port;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--sandbox') sandbox = true;
    else if (arg === '--port') port = args[++i] ?? '';
    else if (arg.startsWith('--port=')) port = arg.slice('--port='.length);
    else {
      console.error(`Unknown option "${arg}". ${USAGE}`);
      process.exit(1);
    }
  }
  return { sandbox, port };
}

const options = parseArgs(process.argv.slice(2));

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];

function stopAll(code = 0) {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

if (!ensureBuilt(PROJECT_ROOT)) {
  console.error('The build failed (see above); nothing was started.');
  process.exit(1);
}

const env = { ...process.env };
if (options.port !== undefined) env.PORT = options.port;

if (options.sandbox) {
  const host = env.SANDBOX_HOST || '127.0.0.1';
  const port = env.SANDBOX_PORT || '8787';
  const sandbox = spawn(process.execPath, [join(PROJECT_ROOT, 'sandbox/server.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...env, SANDBOX_HOST: host, SANDBOX_PORT: port },
  });
  children.push(sandbox);
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
  env.EVERSTRIKE_API_URL = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

const server = spawn(process.execPath, [join(PROJECT_ROOT, 'dist-server/server/main.js')], { stdio: 'inherit', env, cwd: PROJECT_ROOT });
children.push(server);
server.on('exit', (code) => stopAll(code ?? 0));
