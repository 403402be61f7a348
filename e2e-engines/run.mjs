// @ts-check
/**
 * `npm run test:engines`: the specs of specs.mjs in Firefox and in WebKit (Chromium runs the whole Playwright
 * suite), under Node's own test runner. The sandbox (with a non-ASCII secret) and the production server start once,
 * on free loopback ports, and stop at the end whatever happens. An engine whose browser is not installed fails the
 * run in CI (CI=true); elsewhere it is skipped, said in one line with what to install.
 */
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ensureBuilt } from '../scripts/build.mjs';
import { startSandbox, startServer, stopChildren } from '../scripts/lib/local-exchange.mjs';
import { API_KEY, SandboxControl, SECRET } from './page-steps.mjs';
import { FIREFOX_PATH, startFirefox } from './firefox.mjs';
import { SPECS } from './specs.mjs';
import { findMiniBrowser, startWebKit, WEBKIT_DRIVER_PATH, XVFB_PATH } from './webkit.mjs';

/** A spec takes 2–7 s (WebKit slower); the slowest seen, at a load of 17 on 2 cores, 18 s: the timeout is 2.5× that. */
const SPEC_TIMEOUT_MS = 45_000;
/**
 * A browser starts in 3–5 s. Once, in a fresh-clone CI rehearsal, Firefox took over 30 s: a start gets 40 s, and a
 * second try if the first fails.
 */
const START_TIMEOUT_MS = 40_000;
const START_TRIES = 2;
const INSTALL = 'apt-get install firefox-esr webkit2gtk-driver xvfb';

const ENGINES = [
  {
    name: 'Firefox',
    missing: existsSync(FIREFOX_PATH) ? [] : [`firefox-esr (${FIREFOX_PATH})`],
    start: startFirefox,
  },
  {
    name: 'WebKit',
    missing: [
      ...(existsSync(WEBKIT_DRIVER_PATH) ? [] : [`WebKitWebDriver (${WEBKIT_DRIVER_PATH})`]),
      ...(findMiniBrowser() === undefined ? ['MiniBrowser (/usr/lib/*/webkit2gtk-*/MiniBrowser)'] : []),
      ...(existsSync(XVFB_PATH) ? [] : [`Xvfb (${XVFB_PATH})`]),
    ],
    start: startWebKit,
  },
];

const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const missing = ENGINES.flatMap((engine) => engine.missing.map((what) => `${engine.name}: ${what}`));
if (missing.length > 0 && !inCi) console.warn(`test:engines: skipping what is not installed (${missing.join('; ')}); install with: ${INSTALL}`);

/**
 * `promise`, or a rejection with `message` once `ms` have passed.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} message
 * @returns {Promise<T>}
 */
function withinTime(promise, ms, message) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, late]).finally(() => clearTimeout(timer)));
}

// A signal from the test runner still stops the servers (local-exchange stops its children on exit).
process.on('SIGTERM', () => process.exit(143));

/** @type {{ appUrl: string, sandbox: SandboxControl } | undefined} */
let servers;
const ready = () => {
  if (servers === undefined) throw new Error('the servers did not start');
  return servers;
};

before(async () => {
  if (ENGINES.every((engine) => engine.missing.length > 0) && !inCi) return;
  if (!ensureBuilt()) throw new Error('The build failed (see above).');
  const sandboxUrl = await startSandbox({ SANDBOX_API_KEY: API_KEY, SANDBOX_SECRET: SECRET });
  servers = { appUrl: await startServer(sandboxUrl), sandbox: new SandboxControl(sandboxUrl) };
}, { timeout: 240_000 });

after(() => {
  stopChildren();
  // Whatever is still running then (a browser that never answered) does not keep the run alive: it ends 15 s later
  // with the exit code the test runner set. The timer itself keeps nothing alive.
  setTimeout(() => process.exit(), 15_000).unref();
});

for (const engine of ENGINES) {
  // Each spec is skipped (not the suite), so the summary counts them as skipped.
  const skip = engine.missing.length > 0 && !inCi ? `${engine.name} is not installed` : false;
  describe(engine.name, () => {
    /** @type {import('./driver.mjs').Driver | undefined} */
    let page;
    // What kept the browser from starting fails every spec (a hook's failure would only cancel them).
    /** @type {Error | undefined} */
    let notStarted;
    /** Every start begun, even one given up on: a browser that comes up late is closed too, or it keeps the run alive. */
    /** @type {Array<Promise<import('./driver.mjs').Driver>>} */
    const starts = [];
    before(async () => {
      if (skip) return;
      if (engine.missing.length > 0) {
        notStarted = new Error(`${engine.name} is not installed: ${engine.missing.join(', ')}. Install with: ${INSTALL}`);
        return;
      }
      for (let attempt = 1; attempt <= START_TRIES && page === undefined; attempt++) {
        try {
          const starting = engine.start(ready().appUrl);
          starts.push(starting);
          page = await withinTime(starting, START_TIMEOUT_MS, `${engine.name} did not start within ${START_TIMEOUT_MS / 1000} s`);
          console.log(`# ${engine.name}: ${page.engine}`);
        } catch (error) {
          notStarted = error instanceof Error ? error : new Error(String(error));
          console.log(`# ${engine.name}, start ${attempt} of ${START_TRIES}: ${notStarted.message}`);
        }
      }
    }, { timeout: START_TRIES * START_TIMEOUT_MS + 10_000 });
    after(async () => {
      const started = await Promise.all(starts.map((starting) => withinTime(starting, START_TIMEOUT_MS, 'still starting').catch(() => undefined)));
      await Promise.all(started.map((driver) => driver?.close()));
    });

    for (const [name, spec] of Object.entries(SPECS)) {
      test(name, { timeout: SPEC_TIMEOUT_MS, skip }, async () => {
        if (page === undefined) throw notStarted ?? new Error(`${engine.name} did not start`);
        const { sandbox } = ready();
        await sandbox.reset();
        await spec(page, sandbox);
      });
    }
  });
}
