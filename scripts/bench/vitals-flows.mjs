// @ts-check
/**
 * Whole withdrawals (keys, figures, review, confirm, the exchange's answer, the history row) walked in Chromium
 * with web-vitals recording, for the two questions the desktop bench cannot answer: does anything shift when the
 * exchange takes its time (the sandbox delays the answer to Confirm with a pass-through fault, so the withdrawal
 * is really processed after the delay), and how long does each keystroke and click take to paint on a phone.
 */
import { median } from './browser-metrics.mjs';
import { PHONE_CONTEXT, throttleToPhone } from './phone-profile.mjs';
import { markStep, readVitals, VITALS_SCRIPT } from './vitals-probe.mjs';

const API_KEY = 'sandbox-demo-key';
const SECRET = 'sandbox-demo-secret';
const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const QTY = '0.01';
/** The interactions of a withdrawal, in order: the phone figures are reported for each. */
export const INTERACTIONS = [
  'type into API key',
  'type into Secret key',
  'click Use keys for this tab',
  'type into Quantity',
  'type into Address',
  'click Review withdrawal',
  'click Confirm withdrawal',
];

/**
 * @typedef {object} Exchange what a flow asks of the sandbox
 * @property {() => Promise<void>} reset an empty history and no faults
 * @property {(delayMs: number) => Promise<void>} delayNextWithdrawal the next POST /auth/withdraw is answered (and processed) after delayMs
 */

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} label
 * @param {string} text
 * @param {boolean} typed key by key (each keystroke an interaction) or filled at once
 */
async function enter(page, label, text, typed) {
  await markStep(page, `type into ${label}`);
  const field = page.getByLabel(label, { exact: true });
  if (typed) await field.pressSequentially(text);
  else await field.fill(text);
}

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} name
 */
async function click(page, name) {
  await markStep(page, `click ${name}`);
  await page.getByRole('button', { name }).click();
}

/**
 * One whole withdrawal on `page`, already open on the app.
 * @param {import('@playwright/test').Page} page
 * @param {Exchange} exchange
 * @param {number} delayMs
 * @param {boolean} typed
 */
async function withdraw(page, exchange, delayMs, typed) {
  // A person starts once the page accepts input (the mark both pages set when hydrated or rendered), as the
  // "form accepts input" row measures it; the app hydrates without blocking the page, so the load event can
  // come first.
  await page.waitForFunction(() => performance.getEntriesByName('interactive').length > 0, undefined, { timeout: 60_000 });
  await enter(page, 'API key', API_KEY, typed);
  await enter(page, 'Secret key', SECRET, typed);
  await click(page, 'Use keys for this tab');
  await page.getByRole('button', { name: 'Forget keys' }).waitFor();
  await markStep(page, 'figures');
  await page.getByText('Free balance').first().waitFor();
  await enter(page, 'Quantity', QTY, typed);
  await enter(page, 'Address', ADDRESS, typed);
  await click(page, 'Review withdrawal');
  const confirm = page.getByRole('button', { name: 'Confirm withdrawal' });
  await confirm.waitFor();
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Confirm withdrawal');
    return button instanceof HTMLButtonElement && !button.disabled;
  });
  if (delayMs > 0) await exchange.delayNextWithdrawal(delayMs);
  await click(page, 'Confirm withdrawal');
  await page.getByTestId('email-notice').waitFor({ timeout: delayMs + 60_000 });
  await markStep(page, 'answer, then history');
  await page.getByTestId('history-row').filter({ hasText: QTY }).first().waitFor({ timeout: 60_000 });
  // Let the follow-up reads (balance, history) land and paint before reading.
  await page.waitForTimeout(1000);
}

/**
 * The layout shift of a whole withdrawal at each width, for each delay of the exchange's answer. Unthrottled:
 * shifts are about layout, and the delays are the exchange's, not the device's.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} appUrl
 * @param {Exchange} exchange
 * @param {{ widths: number[], delays: number[] }} matrix
 */
export async function latencyFlows(browser, appUrl, exchange, { widths, delays }) {
  /** @type {Array<{ width: number, delayMs: number, cls: number, lcp: number, inp: number, shifts: import('./vitals-probe.mjs').Shift[] }>} */
  const flows = [];
  for (const width of widths) {
    for (const delayMs of delays) {
      await exchange.reset();
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      try {
        await context.addInitScript(VITALS_SCRIPT);
        const page = await context.newPage();
        await page.goto(appUrl);
        await withdraw(page, exchange, delayMs, false);
        const { cls, lcp, inp, shifts } = await readVitals(page);
        flows.push({ width, delayMs, cls, lcp, inp, shifts });
      } finally {
        await context.close();
      }
    }
  }
  return flows;
}

/**
 * Each interaction of a whole withdrawal typed key by key on the phone profile, `runs` times. Per kind of
 * interaction (typing into a field, a click), the slowest of each run; the figure is the median over runs.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} appUrl
 * @param {Exchange} exchange
 * @param {number} runs
 */
export async function phoneInteractions(browser, appUrl, exchange, runs) {
  /** @type {Array<{ inp: number, cls: number, worst: Record<string, number>, slowest: Record<string, import('./vitals-probe.mjs').Interaction>, shifts: import('./vitals-probe.mjs').Shift[] }>} */
  const perRun = [];
  for (let run = 0; run < runs; run++) {
    await exchange.reset();
    const context = await browser.newContext(PHONE_CONTEXT);
    try {
      await context.addInitScript(VITALS_SCRIPT);
      const page = await context.newPage();
      await throttleToPhone(page);
      await page.goto(appUrl, { timeout: 60_000 });
      await withdraw(page, exchange, 0, true);
      const vitals = await readVitals(page);
      /** @type {Record<string, number>} */
      const worst = {};
      /** @type {Record<string, import('./vitals-probe.mjs').Interaction>} */
      const slowest = {};
      for (const interaction of Object.values(vitals.interactions)) {
        if (interaction.duration <= (worst[interaction.step] ?? 0)) continue;
        worst[interaction.step] = interaction.duration;
        slowest[interaction.step] = interaction;
      }
      perRun.push({ inp: vitals.inp, cls: vitals.cls, worst, slowest, shifts: vitals.shifts });
    } finally {
      await context.close();
    }
  }
  const steps = [...new Set([...INTERACTIONS, ...perRun.flatMap((run) => Object.keys(run.worst))])];
  /** Interactions under 16 ms are not reported by Event Timing: they count as 0 here. */
  const byStep = Object.fromEntries(steps.map((step) => [step, median(perRun.map((run) => run.worst[step] ?? 0))]));
  return { runs: perRun, byStep, inp: median(perRun.map((run) => run.inp)) };
}
