// @ts-check
/**
 * Core Web Vitals as a person meets them, read by the bench and never shipped: the `web-vitals` IIFE build plus
 * a small recorder, installed before any page script (Playwright's init scripts go through CDP
 * `Page.addScriptToEvaluateOnNewDocument`, which the page's `script-src 'self'` does not block). CLS is
 * web-vitals' session-window value; each shift it counts is kept with the selectors of the nodes that moved, so
 * a missed budget names its elements. Interactions are also kept one by one (Event Timing entries grouped by
 * interactionId, labelled with the bench's step), so INP can be reported per kind of input, not only the worst.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WEB_VITALS = readFileSync(fileURLToPath(new URL('../../node_modules/web-vitals/dist/web-vitals.iife.js', import.meta.url)), 'utf8');

const RECORDER = `
(() => {
  const vitals = { cls: 0, lcp: 0, inp: 0, shifts: [], interactions: {}, steps: [] };
  window.__vitals = vitals;
  const selector = (node) => {
    if (!node || node.nodeType !== 1) return node ? '#text in ' + selector(node.parentElement) : '(gone)';
    const parts = [];
    for (let el = node; el && el.nodeType === 1 && parts.length < 4; el = el.parentElement) {
      let part = el.localName;
      if (el.id) part += '#' + el.id;
      const testId = el.getAttribute('data-testid');
      if (testId) part += '[data-testid="' + testId + '"]';
      else if (el.classList.length) part += '.' + [...el.classList].slice(0, 3).join('.');
      parts.unshift(part);
      if (el.id || testId) break;
    }
    return parts.join(' > ');
  };
  const rect = (r) => r && [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(',');
  const seen = new Set();
  webVitals.onCLS((metric) => {
    vitals.cls = metric.value;
    for (const entry of metric.entries) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      vitals.shifts.push({
        value: entry.value,
        at: Math.round(entry.startTime),
        step: stepAt(entry.startTime),
        sinceStep: Math.round(entry.startTime - stepStart(entry.startTime)),
        sources: (entry.sources || []).map((s) => ({ node: selector(s.node), from: rect(s.previousRect), to: rect(s.currentRect) })),
      });
    }
  }, { reportAllChanges: true });
  webVitals.onLCP((metric) => { vitals.lcp = metric.value; }, { reportAllChanges: true });
  webVitals.onINP((metric) => { vitals.inp = metric.value; }, { reportAllChanges: true, durationThreshold: 16 });
  const stepAt = (time) => {
    let label = '(load)';
    for (const step of vitals.steps) if (step.at <= time) label = step.label;
    return label;
  };
  const stepStart = (time) => {
    let at = 0;
    for (const step of vitals.steps) if (step.at <= time) at = step.at;
    return at;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.interactionId) continue;
      const key = String(entry.interactionId);
      const known = vitals.interactions[key];
      if (!known || entry.duration > known.duration) {
        vitals.interactions[key] = {
          duration: entry.duration,
          name: entry.name,
          step: stepAt(entry.startTime),
          target: selector(entry.target),
          inputDelay: Math.round(entry.processingStart - entry.startTime),
          processing: Math.round(entry.processingEnd - entry.processingStart),
          presentation: Math.round(entry.startTime + entry.duration - entry.processingEnd),
        };
      }
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
})();
`;

/** The init script: web-vitals, then the recorder. */
export const VITALS_SCRIPT = `${WEB_VITALS}\n${RECORDER}`;

/**
 * Marks the start of a step, so shifts and interactions after it carry its label.
 * @param {import('@playwright/test').Page} page
 * @param {string} label
 */
export const markStep = (page, label) =>
  page.evaluate((text) => {
    const { __vitals: vitals } = /** @type {{ __vitals: Vitals }} */ (/** @type {unknown} */ (window));
    vitals.steps.push({ label: text, at: performance.now() });
  }, label);

/**
 * @typedef {object} Shift
 * @property {number} value
 * @property {number} at ms from navigation
 * @property {string} step the bench step it happened in
 * @property {number} sinceStep ms after that step began
 * @property {Array<{ node: string, from: string, to: string }>} sources
 */

/**
 * @typedef {object} Interaction its slowest event, split as web-vitals' attribution build would split it
 * @property {number} duration ms from the input to the next paint
 * @property {string} name the event, e.g. keydown, pointerup, click
 * @property {string} step the bench step it happened in
 * @property {string} target
 * @property {number} inputDelay ms before the handlers ran (the main thread was busy)
 * @property {number} processing ms in the handlers
 * @property {number} presentation ms from the handlers' end to the paint
 */

/**
 * @typedef {object} Vitals
 * @property {number} cls web-vitals' CLS (largest session window)
 * @property {number} lcp
 * @property {number} inp web-vitals' INP (0 when no interaction took 16 ms or more)
 * @property {Shift[]} shifts every shift web-vitals counted, with the selectors of what moved
 * @property {Record<string, Interaction>} interactions by interactionId
 * @property {Array<{ label: string, at: number }>} steps
 */

/**
 * The figures so far, two frames on (so the entries of the last frame are reported; reportAllChanges passes
 * every change on at once).
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<Vitals>}
 */
export async function readVitals(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => /** @type {{ __vitals: Vitals }} */ (/** @type {unknown} */ (window)).__vitals);
}
