// @ts-check
/**
 * Sandbox exchange: a small local stand-in for the Everstrike REST API, for the end-to-end tests and for rehearsing
 * a withdrawal without touching the testnet (see README.md beside this file). This is its command-line entry
 * (`node sandbox/server.mjs`, configured by environment variables) and the module tests import `startSandbox` from.
 * The parts live beside it: sandbox-server.mjs wires them, one module per concern.
 */
import { pathToFileURL } from 'node:url';
import { parseHostList } from './request-guards.mjs';
import { DEFAULT_PROCESSING_MS, startSandbox } from './sandbox-server.mjs';

export { startSandbox };

/** @typedef {import('./types.mjs').Sandbox} Sandbox */

/**
 * @param {string} name
 * @param {string} text
 * @param {number} max
 * @returns {number}
 */
function integerFromEnv(name, text, max) {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) {
    console.error(`Sandbox: ${name} must be a whole number from 0 to ${max}, got "${text}".`);
    process.exit(1);
  }
  return value;
}

async function main() {
  const host = process.env.SANDBOX_HOST || '127.0.0.1';
  const port = integerFromEnv('SANDBOX_PORT', process.env.SANDBOX_PORT || '8787', 65535);
  const processingMs = integerFromEnv(
    'SANDBOX_PROCESSING_MS',
    process.env.SANDBOX_PROCESSING_MS || String(DEFAULT_PROCESSING_MS),
    86_400_000,
  );
  const publicHosts = parseHostList(process.env.SANDBOX_PUBLIC_HOSTS, 'SANDBOX_PUBLIC_HOSTS');
  if ('error' in publicHosts) {
    console.error(`Sandbox: ${publicHosts.error}`);
    process.exit(1);
  }
  /** @type {Sandbox | undefined} */
  let sandbox;
  // Handlers go in before the banner is printed, so a signal sent right after it is never fatal.
  let stopping = false;
  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`Sandbox: ${signal} received, shutting down.`);
    (sandbox ? sandbox.close() : Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    sandbox = await startSandbox({ port, host, processingMs, publicHosts: publicHosts.hosts });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'EADDRINUSE') {
      console.error(
        `Sandbox: port ${port} on ${host} is already in use. Stop the other process or pick another port, ` +
          `e.g. SANDBOX_PORT=8788 npm run sandbox.`,
      );
    } else {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Sandbox: could not listen on ${host}:${port}: ${message}`);
    }
    process.exit(1);
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  void main();
}
