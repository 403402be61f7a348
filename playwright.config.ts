import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { appPort, appUrl, sandboxPort, sandboxUrl } from './e2e/ports.ts';

/**
 * End-to-end runs in real Chromium against what `npm start` serves (the production server: the built app
 * and its proxy; `scripts/start.mjs` builds first when needed) wired to the local sandbox exchange.
 * Playwright cannot download browsers on our machines, so it uses Debian's Chromium (override with
 * CHROMIUM_PATH); where neither exists it falls back to its own browser.
 */

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  // One sandbox holds the state all specs share, so specs run one at a time and reset it first.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(chromiumPath ? { executablePath: chromiumPath } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: [
    {
      command: 'node sandbox/server.mjs',
      url: `${sandboxUrl}/ping`,
      env: { SANDBOX_PORT: String(sandboxPort), SANDBOX_HOST: '127.0.0.1' },
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node scripts/start.mjs --port ${appPort}`,
      url: appUrl,
      env: { EVERSTRIKE_API_URL: sandboxUrl, HOST: '127.0.0.1' },
      reuseExistingServer: false,
      // A first run builds the app and the server.
      timeout: 180_000,
    },
  ],
});
