/** `npm run dev` refuses a bad configuration the way `npm start` does: one line, exit code 1, no stack. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run dev with a bad configuration', () => {
  it.each([
    [{ EVERSTRIKE_API_URL: 'https://api.everstrike.io' }, 'EVERSTRIKE_ALLOW_MAINNET=yes'],
    [{ EVERSTRIKE_API_URL: 'https://api.everstrike.com' }, 'EVERSTRIKE_ALLOW_MAINNET=yes'],
    [{ EVERSTRIKE_API_URL: 'http://exchange.example' }, 'must use https'],
    [{ PUBLIC_HOSTS: 'https://withdraw.example.com' }, 'PUBLIC_HOSTS must list host names'],
  ])('%j: one line on stderr, exit 1', async (settings, message) => {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', '0'], {
      cwd: root,
      env: { ...process.env, EVERSTRIKE_API_URL: '', EVERSTRIKE_ALLOW_MAINNET: '', PUBLIC_HOSTS: '', ...settings },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringContaining(message)]);
    expect(lines[0]).toMatch(/^Configuration error: /);
  }, 30_000);
});
