/**
 * The production server's entry point (`node dist-server/server/main.js`; `npm start` builds and runs it):
 * the built app and the proxy on HOST:PORT. A bad configuration is one line on stderr and exit code 1.
 */
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { readServerConfig } from './config.ts';
import { ConfigError } from './exchange-target.ts';

/** dist-server/server/main.js → the project root, where the client build lives in dist/. */
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = readServerConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
    throw error;
  }
  const { host, port, target, publicHosts } = config;
  const app = await buildApp({ target, publicHosts, distDir });
  for (const warning of config.warnings) app.log.warn(warning);

  // The first signal lets answers in flight finish (a withdrawal's answer matters); a second one, given
  // later, stops at once. Ctrl-C under `npm start` reaches this process twice (the terminal, then
  // scripts/start.mjs), so signals within a second of the first count as one.
  let stoppingSince: number | undefined;
  const stop = () => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince > 1_000) process.exit(1);
      return;
    }
    stoppingSince = Date.now();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    await app.listen({
      host,
      port,
      listenTextResolver: (address) => `Everstrike withdrawal app at ${address} — /api goes to ${target.label} (${target.url})`,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'EADDRINUSE'
        ? `Port ${port} on ${host} is already in use. Stop the other process or pick another port: npm start -- --port ${port + 1}`
        : `Could not listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

main().catch((error: unknown) => fail(`The server could not start: ${error instanceof Error ? error.message : String(error)}`));
