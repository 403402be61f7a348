// @ts-check
/**
 * The engine specs' driver for Firefox (Gecko): Debian's firefox-esr, headless, driven by Puppeteer over WebDriver
 * BiDi. Playwright's Firefox needs a newer Firefox than ESR; Puppeteer's BiDi client works with it.
 */
import { execFileSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { chooseInPage, clearStorageInPage, findInPage, waitUntil } from './driver.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** No update checks, telemetry, safe-browsing lists, captive-portal probes or suggestions: no traffic but ours. */
const QUIET_PREFS = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.update': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.page': 0,
  'browser.urlbar.suggest.searches': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'services.settings.server': 'http://127.0.0.1:9/',
};

/**
 * Starts headless Firefox; `baseUrl` is the app's.
 * @param {string} baseUrl
 * @returns {Promise<import('./driver.mjs').Driver>}
 */
export async function startFirefox(baseUrl) {
  const version = execFileSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8' }).trim();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocolTimeout: 20_000,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: QUIET_PREFS,
  });
  /** @type {import('puppeteer-core').Page | undefined} */
  let page;
  /** @type {string[]} */
  let prompts = [];
  const current = () => {
    if (page === undefined) throw new Error('goto first');
    return page;
  };

  /**
   * @param {import('./driver.mjs').Query} query
   * @param {'find' | 'enabled' | 'focus'} mode see findInPage
   */
  const element = async (query, mode) => {
    const handle = await waitUntil(
      `${query.kind} "${query.name}"${mode === 'enabled' ? ' enabled' : ''}`,
      () => current().evaluateHandle(findInPage, query, mode),
      (found) => found.asElement() !== null,
    );
    const found = handle.asElement();
    if (found === null) throw new Error(`no ${query.kind} "${query.name}"`);
    // findInPage returns only HTML elements.
    return /** @type {import('puppeteer-core').ElementHandle<HTMLElement>} */ (found);
  };

  return {
    engine: version,
    seesPrompts: true,
    async goto(path) {
      const previous = page;
      page = await browser.newPage();
      await previous?.close();
      prompts = [];
      page.on('dialog', (dialog) => {
        prompts.push(dialog.type());
        void dialog.accept();
      });
      await page.goto(new URL(path, baseUrl).href);
      if (await page.evaluate(clearStorageInPage)) await page.reload();
    },
    async fill(query, value) {
      await (await element(query, 'focus')).type(value);
    },
    async select(query, value) {
      await (await element(query, 'find')).evaluate(chooseInPage, value);
    },
    async click(query) {
      await (await element(query, 'enabled')).click();
    },
    evaluate: async (fn, ...args) => {
      const run = /** @type {(...params: unknown[]) => unknown} */ (fn);
      return /** @type {ReturnType<typeof fn>} */ (await current().evaluate(run, ...args));
    },
    async reload() {
      const before = prompts.length;
      await current().reload();
      return prompts.slice(before);
    },
    async close() {
      await browser.close();
    },
  };
}
