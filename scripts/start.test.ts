// @vitest-environment node
/**
 * `npm start` and `npm start -- --sandbox` (= `npm run demo`) as a person runs them: real processes on free
 * ports, asked what they serve, then stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

const running: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((child) => stop(child)));
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    env: { ...process.env, EVERSTRIKE_API_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  return child;
}

async function waitForJson(url: string, timeoutMs = 20_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.json();
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('scripts/start.mjs', () => {
  it('serves the app proxying to the Everstrike testnet by default, on the port given', async () => {
    const port = await freePort();
    start(['--port', String(port)], {});
    expect(await waitForJson(`http://127.0.0.1:${port}/__everstrike/target`)).toEqual({
      url: 'https://api.testnet.everstrike.io',
      environment: 'testnet',
      label: 'Everstrike testnet',
    });
  }, 30_000);

  it('with --sandbox, starts the sandbox and wires the proxy to it, and stops both on SIGTERM', async () => {
    const [appPort, sandboxPort] = [await freePort(), await freePort()];
    const child = start(['--sandbox', '--port', String(appPort)], { SANDBOX_PORT: String(sandboxPort) });
    const app = `http://127.0.0.1:${appPort}`;
    expect(await waitForJson(`${app}/__everstrike/target`)).toMatchObject({ environment: 'local', url: `http://127.0.0.1:${sandboxPort}` });
    expect(await waitForJson(`${app}/api/ping`)).toMatchObject({ code: 200, msg: 'pong' });

    await stop(child);
    await expect(fetch(`http://127.0.0.1:${sandboxPort}/ping`)).rejects.toThrow();
    await expect(fetch(`${app}/`)).rejects.toThrow();
  }, 30_000);

  it('refuses to start when its sandbox cannot, instead of using whatever holds the port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const takenPort = typeof address === 'object' && address ? address.port : 0;
    try {
      const child = start(['--sandbox', '--port', String(await freePort())], { SANDBOX_PORT: String(takenPort) });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('already in use');
      expect(stderr).toContain('The sandbox exchange did not start');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 30_000);
});
