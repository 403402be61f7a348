// @ts-check
/**
 * The benchmark's walks through the app in real Chromium, against the sandbox through the production server:
 * the layout shift of a whole withdrawal, and the time from clicking Confirm to the exchange's answer on
 * screen against a bare fetch of the same kind of signed request from the same page. Also WebCrypto signing
 * against crypto-js, the library the endpoint document's example uses, both in the browser.
 */
import { fileURLToPath } from 'node:url';

const API_KEY = 'sandbox-demo-key';
const SECRET = 'sandbox-demo-secret';
const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const CRYPTO_JS = fileURLToPath(new URL('../../node_modules/crypto-js/crypto-js.js', import.meta.url));

/** Sums layout shifts not caused by input, from before the first paint to the end. */
const OBSERVE_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
`;

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} qty
 */
async function fillAndReview(page, qty) {
  await page.getByLabel('Quantity', { exact: true }).fill(qty);
  await page.getByLabel('Address', { exact: true }).fill(ADDRESS);
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await page.getByRole('button', { name: 'Confirm withdrawal' }).waitFor();
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Confirm withdrawal');
    return button instanceof HTMLButtonElement && !button.disabled;
  });
}

/** @param {import('@playwright/test').Page} page */
async function enterKeys(page) {
  await page.getByLabel('API key', { exact: true }).fill(API_KEY);
  await page.getByLabel('Secret key', { exact: true }).fill(SECRET);
  await page.getByRole('button', { name: 'Use keys for this tab' }).click();
  await page.getByRole('button', { name: 'Forget keys' }).waitFor();
}

/**
 * The cumulative layout shift of one whole withdrawal: load, keys, figures, review, confirm, answer, history.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} appUrl
 */
export async function flowLayoutShift(browser, appUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(OBSERVE_SHIFTS);
    const page = await context.newPage();
    await page.goto(appUrl);
    await enterKeys(page);
    await page.getByText('Free balance').first().waitFor();
    await fillAndReview(page, '0.01');
    await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await page.getByTestId('email-notice').waitFor();
    // Let the follow-up reads (balance, history) land before adding up.
    await page.waitForTimeout(1500);
    return await page.evaluate(() => /** @type {{ __shifts: number[] }} */ (/** @type {unknown} */ (window)).__shifts.reduce((a, b) => a + b, 0));
  } finally {
    await context.close();
  }
}

/**
 * @typedef {object} RoundTrip ms from the click on Confirm
 * @property {number} total until the exchange's answer is on screen
 * @property {number} beforeRequest until the POST left (signing, the sending state rendered)
 * @property {number} request the POST itself, as the browser timed it
 * @property {number} afterAnswer from the answer's arrival to it being on screen
 */

/**
 * Confirm → status on screen, against a bare signed fetch from the same page, alternately, `rounds` each.
 * After each pair, `between` runs (the bench confirms the withdrawals from the email, so none stays open and the
 * page's history is not polling while the next pair is timed).
 * @param {import('@playwright/test').Browser} browser
 * @param {string} appUrl
 * @param {number} rounds
 * @param {() => Promise<void>} between
 */
export async function confirmRoundTrips(browser, appUrl, rounds, between) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  /** @type {RoundTrip[]} */
  const app = [];
  /** @type {number[]} */
  const bare = [];
  try {
    const page = await context.newPage();
    await page.goto(appUrl);
    await enterKeys(page);
    for (let round = 1; round <= rounds; round++) {
      await fillAndReview(page, `0.01${String(round).padStart(4, '0')}`);
      app.push(
        await page.evaluate(
          () =>
            /** @type {Promise<RoundTrip>} */ (
              new Promise((resolve) => {
                const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Confirm withdrawal');
                if (!(button instanceof HTMLButtonElement)) throw new Error('no Confirm button');
                const observer = new MutationObserver(() => {
                  if (!document.querySelector('[data-testid="email-notice"]')) return;
                  observer.disconnect();
                  const shown = performance.now();
                  // The POST as the browser timed it: when it left, when its answer had arrived.
                  const post = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
                    .filter((entry) => entry.name.endsWith('/api/auth/withdraw'))
                    .at(-1);
                  resolve({
                    total: shown - clicked,
                    beforeRequest: post ? post.startTime - clicked : Number.NaN,
                    request: post ? post.responseEnd - post.startTime : Number.NaN,
                    afterAnswer: post ? shown - post.responseEnd : Number.NaN,
                  });
                });
                observer.observe(document.body, { childList: true, subtree: true });
                const clicked = performance.now();
                button.click();
              })
            ),
        ),
      );
      await page.getByRole('button', { name: 'New withdrawal' }).click();
      bare.push(
        await page.evaluate(
          async ({ apiKey, secret, address, qty }) => {
            const encoder = new TextEncoder();
            const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
            const body = `asset=ETH&qty=${qty}&address=${address}&timestamp=${Date.now()}`;
            const signature = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)))));
            const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': apiKey, 'x-signature': signature };
            const started = performance.now();
            const response = await fetch('/api/auth/withdraw', { method: 'POST', body, headers, credentials: 'omit', cache: 'no-store' });
            const envelope = await response.json();
            if (envelope.code !== 200) throw new Error(`bare fetch answered ${JSON.stringify(envelope)}`);
            return performance.now() - started;
          },
          { apiKey: API_KEY, secret: SECRET, address: ADDRESS, qty: `0.02${String(round).padStart(4, '0')}` },
        ),
      );
      await between();
    }
    return { app, bare };
  } finally {
    await context.close();
  }
}

/**
 * Microseconds per HMAC-SHA256 signature of a withdrawal body in the browser: WebCrypto (what the page uses)
 * against crypto-js (what the endpoint document's example uses). Medians of batches.
 * @param {import('@playwright/test').Browser} browser
 */
export async function signingInBrowser(browser) {
  const page = await browser.newPage();
  try {
    // An empty page on a secure origin (WebCrypto exists only there), answered by Playwright itself.
    const blank = 'http://localhost/signing-bench';
    await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>signing</title>' }));
    await page.goto(blank);
    await page.addScriptTag({ path: CRYPTO_JS });
    return await page.evaluate(async ({ secret, address }) => {
      const body = `asset=ETH&qty=1.5&address=${address}&timestamp=1700000000000`;
      const encoder = new TextEncoder();
      const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const { CryptoJS } = /** @type {{ CryptoJS: { HmacSHA256: (message: string, key: string) => { toString: (encoder: unknown) => string }, enc: { Base64: unknown } } }} */ (
        /** @type {unknown} */ (window)
      );
      /** @param {() => unknown} fn */
      const perCall = async (fn, batches = 25, size = 200) => {
        for (let i = 0; i < size; i++) await fn();
        const samples = [];
        for (let b = 0; b < batches; b++) {
          const started = performance.now();
          for (let i = 0; i < size; i++) await fn();
          samples.push(((performance.now() - started) * 1000) / size);
        }
        samples.sort((x, y) => x - y);
        return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
      };
      const webCrypto = await perCall(async () => btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body))))));
      const cryptoJs = await perCall(() => CryptoJS.HmacSHA256(body, secret).toString(CryptoJS.enc.Base64));
      const same = CryptoJS.HmacSHA256(body, secret).toString(CryptoJS.enc.Base64) === btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)))));
      return { webCrypto, cryptoJs, same };
    }, { secret: SECRET, address: ADDRESS });
  } finally {
    await page.close();
  }
}
