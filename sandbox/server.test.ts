/**
 * The sandbox as a person runs it: the terminal output (banner, one line per step of a withdrawal, nothing for
 * clients that go away) and the command line (`node sandbox/server.mjs` with its environment variables).
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SANDBOX_DEMO_KEYS } from '../contract/everstrike.mjs';
import { startSandbox } from './server.mjs';
import { ETH_ADDRESS, SandboxHarness, sign } from './testing/sandbox-harness.ts';

const SERVER_PATH = fileURLToPath(new URL('./server.mjs', import.meta.url));
const { apiKey: DEMO_KEY, secret: DEMO_SECRET } = SANDBOX_DEMO_KEYS;

describe('logging', () => {
  it('prints the banner and one line per step of a withdrawal, never the signature', async () => {
    const lines: string[] = [];
    const sb = new SandboxHarness();
    await sb.start({ apiKey: DEMO_KEY, secret: DEMO_SECRET, quiet: false, log: (line) => lines.push(line), processingMs: 0 });
    try {
      const body = sb.encode({});
      const signature = sign(body, DEMO_SECRET);
      const { json } = await sb.postBody(body, { apiKey: DEMO_KEY, signature });
      const id = (json.result as { id: string }).id;
      const banner = lines[0]?.split('\n') ?? [];
      expect(banner[0]).toBe(`Everstrike sandbox exchange listening on ${sb.url}`);
      expect(banner[1]).toContain(`Mailbox: ${sb.url}/mailbox`);
      expect(lines[0]).toContain(DEMO_KEY);
      expect(lines[0]).toContain(DEMO_SECRET);
      expect(lines[1]).toBe(`withdrawal ${id} 1.5 ETH to ${ETH_ADDRESS} awaiting email confirmation: open ${sb.url}/mailbox`);

      await fetch(`${sb.url}/mailbox/confirm/${id}`);
      await expect.poll(() => lines.length).toBe(4);
      expect(lines[2]).toBe(`withdrawal ${id} confirmed from the email; processing`);
      expect(lines[3]).toMatch(new RegExp(`^withdrawal ${id} completed; transaction 0x[0-9a-f]{64}$`));

      const otherBody = sb.encode({ qty: '2' });
      const other = await sb.postBody(otherBody, { apiKey: DEMO_KEY, signature: sign(otherBody, DEMO_SECRET) });
      const otherId = (other.json.result as { id: string }).id;
      await fetch(`${sb.url}/mailbox/cancel/${otherId}`);
      expect(lines.slice(5)).toEqual([`withdrawal ${otherId} cancelled from the email; 2 ETH back to free`]);
      expect(lines.join('\n')).not.toContain(signature);
    } finally {
      await sb.close();
    }
  });

  it('does not print a custom secret, and prints nothing when quiet', async () => {
    const lines: string[] = [];
    const custom = await startSandbox({ port: 0, secret: 'my-own-secret', log: (line) => lines.push(line) });
    await custom.close();
    expect(lines.join('\n')).not.toContain('my-own-secret');
    expect(lines.join('\n')).toContain('listening on');
    const silent: string[] = [];
    const quiet = await startSandbox({ port: 0, quiet: true, log: (line) => silent.push(line) });
    await quiet.close();
    expect(silent).toEqual([]);
  });
});

describe('command line', () => {
  function run(env: Record<string, string>) {
    const child = spawn(process.execPath, [SERVER_PATH], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const listening = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
        if (url) resolve(url);
      });
      child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    listening.catch(() => {}); // awaited only by the tests that expect it to start
    return { child, exited, listening, output: () => ({ stdout, stderr }) };
  }

  it('exits 1 with a clear message when the port is in use', async () => {
    const taken = await startSandbox({ port: 0, quiet: true });
    try {
      const { exited, output } = run({ SANDBOX_PORT: String(taken.port), SANDBOX_HOST: '127.0.0.1' });
      expect(await exited).toBe(1);
      expect(output().stderr).toContain(`port ${taken.port} on 127.0.0.1 is already in use`);
    } finally {
      await taken.close();
    }
  });

  it('exits 1 with one line for a bad SANDBOX_PUBLIC_HOSTS', async () => {
    const { exited, output } = run({ SANDBOX_PORT: '0', SANDBOX_PUBLIC_HOSTS: 'http://sandbox.lan' });
    expect(await exited).toBe(1);
    expect(output().stderr.trim().split('\n')).toEqual(['Sandbox: SANDBOX_PUBLIC_HOSTS must list host names like sandbox.lan or sandbox.lan:8787, got "http://sandbox.lan".']);
  });

  it('exits 1 with a clear message for a bad SANDBOX_PROCESSING_MS', async () => {
    const { exited, output } = run({ SANDBOX_PORT: '0', SANDBOX_PROCESSING_MS: '3s' });
    expect(await exited).toBe(1);
    expect(output().stderr).toContain('SANDBOX_PROCESSING_MS must be a whole number from 0 to 86400000, got "3s"');
  });

  it('prints the banner with the mailbox URL and shuts down cleanly on SIGTERM', async () => {
    const { child, exited, listening, output } = run({ SANDBOX_PORT: '0', SANDBOX_PROCESSING_MS: '250' });
    const url = await listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output().stdout).toContain(`Mailbox: ${url}/mailbox`);
    expect(output().stdout).toContain(DEMO_KEY);
    expect(output().stdout).toContain('complete after 250 ms');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('stays quiet when clients go away: aborted bodies, dropped connections, reset delays, garbage', async () => {
    const { child, exited, listening, output } = run({ SANDBOX_PORT: '0' });
    const url = await listening;
    const control = (path: string, spec?: unknown) =>
      fetch(`${url}/__sandbox/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: spec === undefined ? undefined : JSON.stringify(spec),
      });
    const { port } = new URL(url);
    const rawRequest = (text: string) =>
      new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(text, () => setImmediate(() => socket.destroy())));
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
    const signed = (qty: string) => {
      const body = `asset=ETH&qty=${qty}&address=${ETH_ADDRESS}&timestamp=${Date.now()}`;
      const headers = {
        'content-type': 'application/x-www-form-urlencoded',
        'x-api-key': DEMO_KEY,
        'x-signature': sign(body, DEMO_SECRET),
      };
      return fetch(`${url}/auth/withdraw`, { method: 'POST', headers, body });
    };

    // A client that sends half a body and hangs up, and one that sends garbage.
    await rawRequest('POST /auth/withdraw HTTP/1.1\r\nhost: x\r\ncontent-length: 500\r\n\r\nasset=ETH&q');
    await rawRequest('NOT HTTP AT ALL\r\n\r\n');
    // Dropped connections, before and after processing.
    await control('fault', { drop: true });
    await expect(signed('1')).rejects.toThrow();
    await control('fault', { drop: true, passThrough: true });
    await expect(signed('2')).rejects.toThrow();
    const mailbox = (await (await fetch(`${url}/__sandbox/mailbox`)).json()) as { emails: { withdrawalId: string }[] };
    const accepted = mailbox.emails[0]?.withdrawalId;
    // A client that gives up while the sandbox delays, and a delayed request cut off by a reset.
    await control('fault', { path: '/ping', delayMs: 300, passThrough: true });
    await expect(fetch(`${url}/ping`, { signal: AbortSignal.timeout(20) })).rejects.toThrow();
    await control('fault', { path: '/time', delayMs: 60_000 });
    const cutOff = expect(fetch(`${url}/time`)).rejects.toThrow(); // handled from the start: it fails during reset
    const recordedPaths = async () =>
      ((await (await fetch(`${url}/__sandbox/requests`)).json()) as { requests: { path: string }[] }).requests.map((r) => r.path);
    await expect.poll(recordedPaths).toContain('/time');
    await control('reset');
    await cutOff;
    // Still serving after all of it; the half-sent body and the garbage were never recorded.
    expect((await fetch(`${url}/ping`)).status).toBe(200);
    expect(await recordedPaths()).toEqual(['/ping']);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output().stderr).toBe('');
    const lines = output().stdout.trim().split('\n');
    const afterBanner = lines.slice(lines.findIndex((line) => line.includes('complete after')) + 1);
    expect(afterBanner).toEqual([
      `withdrawal ${accepted} 2 ETH to ${ETH_ADDRESS} awaiting email confirmation: open ${url}/mailbox`,
      'Sandbox: SIGTERM received, shutting down.',
    ]);
  });
});
