// @ts-check
/**
 * What a person waits for when they open a page, read in real Chromium: first contentful paint, largest
 * contentful paint, the moment the page accepts input (the `interactive` performance mark the app and the
 * baseline both set once their form is live), cumulative layout shift, and the JavaScript files fetched before
 * that moment. Each load is cold: a new browser context, so nothing comes from the HTTP cache.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; Playwright's own browser where neither exists. */
export function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export async function launchChromium() {
  const executablePath = chromiumExecutable();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
}

/**
 * Installed before any page script runs: buffers LCP and layout-shift entries so they can be read at the end.
 * Layout shifts right after input are excluded, as the CLS definition does.
 */
const OBSERVE = `
  window.__bench = { lcp: 0, cls: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

/**
 * @typedef {object} LoadMetrics
 * @property {number} fcp ms from navigation start
 * @property {number} lcp ms
 * @property {number} interactive ms until the `interactive` mark
 * @property {number} cls
 * @property {string[]} scripts URL paths of the JavaScript fetched before the page was interactive
 */

/**
 * @typedef {object} Profile where a load happens: the desktop by default, or the phone
 * @property {import('@playwright/test').BrowserContextOptions} context
 * @property {(page: import('@playwright/test').Page) => Promise<void>} [prepare] e.g. throttling, before navigating
 */

/** @type {Profile} */
export const DESKTOP = { context: { viewport: { width: 1280, height: 800 } } };

/**
 * One cold load of `url`.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {Profile} [profile]
 * @returns {Promise<LoadMetrics>}
 */
export async function coldLoad(browser, url, profile = DESKTOP) {
  const context = await browser.newContext(profile.context);
  try {
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
    await profile.prepare?.(page);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('interactive').length > 0, undefined, { timeout: 60_000 });
    // Paint timings are reported once the frame is presented, a little after it is drawn: wait for both.
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('first-contentful-paint').length > 0 &&
        /** @type {{ __bench: { lcp: number } }} */ (/** @type {unknown} */ (window)).__bench.lcp > 0,
      undefined,
      { timeout: 60_000 },
    );
    // LCP is final once the page has painted after becoming interactive; two more frames are enough for that.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return await page.evaluate(() => {
      const { __bench: bench } = /** @type {{ __bench: { lcp: number, cls: number } }} */ (/** @type {unknown} */ (window));
      const interactive = performance.getEntriesByName('interactive')[0]?.startTime ?? Number.NaN;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js') && entry.startTime <= interactive)
        .map((entry) => new URL(entry.name).pathname);
      return { fcp, lcp: bench.lcp, interactive, cls: bench.cls, scripts };
    });
  } finally {
    await context.close();
  }
}

/**
 * Alternating cold loads (a, b, a, b, …) so that whatever the machine is doing meanwhile touches both alike.
 * @param {import('@playwright/test').Browser} browser
 * @param {Record<string, string>} urls name → URL
 * @param {number} rounds loads of each
 * @param {Profile} [profile]
 * @returns {Promise<Record<string, LoadMetrics[]>>}
 */
export async function alternatingLoads(browser, urls, rounds, profile = DESKTOP) {
  /** @type {Record<string, LoadMetrics[]>} */
  const results = Object.fromEntries(Object.keys(urls).map((name) => [name, []]));
  // One unmeasured load each warms the server's file cache and Chromium's code caches for the binary itself.
  for (const url of Object.values(urls)) await coldLoad(browser, url, profile);
  for (let round = 0; round < rounds; round++) {
    for (const [name, url] of Object.entries(urls)) results[name]?.push(await coldLoad(browser, url, profile));
  }
  return results;
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
