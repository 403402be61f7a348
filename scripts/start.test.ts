/**
 * `npm start` and `npm start -- --sandbox` (= `npm run demo`) as a person runs them: real processes on free
 * ports, asked what they serve, then stopped. The build is made once first (as `npm start` would).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './build.mjs';

beforeAll(() => {
  expect(ensureBuilt(undefined, () => undefined)).toBe(true);
}, 180_000);

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

function collect(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { stdout: () => stdout, stderr: () => stderr };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', resolve));
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
  it('serves the production build, proxying to the Everstrike testnet by default, on the port given', async () => {
    const port = await freePort();
    start(['--port', String(port)], {});
    const app = `http://127.0.0.1:${port}`;
    expect(await waitForJson(`${app}/__everstrike/target`)).toEqual({
      url: 'https://api.testnet.everstrike.io',
      environment: 'testnet',
      label: 'Everstrike testnet',
    });
    const page = await fetch(`${app}/`);
    const html = await page.text();
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
    expect(html).not.toContain('/@vite/client');
    expect(html).not.toContain('/src/main.tsx');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('ws:');
    for (const path of ['/@vite/client', '/src/main.tsx', '/vite.config.ts']) expect((await fetch(`${app}${path}`)).status).toBe(404);
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1] ?? '';
    expect((await fetch(`${app}${script}`)).status).toBe(200);
    expect((await fetch(`${app}${script}.map`)).status).toBe(404);
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

  it.each([
    ['https://api.everstrike.io', 'EVERSTRIKE_ALLOW_MAINNET=yes'],
    ['https://api.everstrike.com', 'EVERSTRIKE_ALLOW_MAINNET=yes'],
    ['https://exchange.example', 'EVERSTRIKE_ALLOW_MAINNET=yes'],
    ['http://exchange.example', 'must use https'],
  ])('with EVERSTRIKE_API_URL=%s, prints one line and exits 1', async (url, message) => {
    const child = start(['--port', String(await freePort())], { EVERSTRIKE_API_URL: url, EVERSTRIKE_ALLOW_MAINNET: '' });
    const output = collect(child);
    expect(await exited(child)).toBe(1);
    expect(output.stderr().trim().split('\n')).toEqual([expect.stringContaining(message)]);
    expect(output.stderr()).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('with a bad PUBLIC_HOSTS, prints one line and exits 1', async () => {
    const child = start(['--port', String(await freePort())], { PUBLIC_HOSTS: 'https://withdraw.example.com' });
    const output = collect(child);
    expect(await exited(child)).toBe(1);
    expect(output.stderr().trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: PUBLIC_HOSTS must list host names/)]);
  }, 30_000);

  it('refuses an unknown option with a usage line', async () => {
    const child = start(['--prot', '6000'], {});
    const output = collect(child);
    expect(await exited(child)).toBe(1);
    expect(output.stderr()).toContain('Usage: npm start');
  });

  it('warns when HOST makes the app reachable from the network', async () => {
    const port = await freePort();
    const child = start(['--port', String(port)], { HOST: '0.0.0.0' });
    const output = collect(child);
    await waitForJson(`http://127.0.0.1:${port}/__everstrike/target`);
    expect(output.stderr()).toMatch(/warning: HOST=0\.0\.0\.0: .*https/);
  }, 30_000);
});
