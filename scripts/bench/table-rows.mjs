// @ts-check
/**
 * The rows of `npm run bench`'s table from its raw figures, each budget printed met or missed (never asserted):
 * the desktop budgets, the phone ones (cold loads under CDP throttling, each interaction's delay, Lighthouse's
 * simulated mobile load), the layout shift of each flow at each width and exchange delay, and the Lighthouse
 * scores. Only the parts that ran have rows. Also the notes naming what shifted, for a missed CLS budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './browser-metrics.mjs';
import { medianRun } from './lighthouse-runs.mjs';
import { INTERACTIONS } from './vitals-flows.mjs';
import { percentile } from '../lib/local-exchange.mjs';

/** @typedef {import('./browser-metrics.mjs').LoadMetrics} LoadMetrics */
/**
 * @typedef {object} BenchResults what bench.mjs measured; a part that did not run leaves its fields out
 * @property {{ loads: number, roundTrips: number, proxyPairs: number, phoneLoads: number, phoneFlows: number, lighthouseRuns: number }} repeats
 * @property {Record<string, LoadMetrics[]>} [loads]
 * @property {number} [flowShift]
 * @property {{ app: import('./page-flows.mjs').RoundTrip[], bare: number[] }} [roundTrips]
 * @property {{ webCrypto: number, cryptoJs: number, same: boolean }} [signing]
 * @property {{ direct: number[], proxied: number[] }} [overhead]
 * @property {Record<string, LoadMetrics[]>} [phoneLoads]
 * @property {Awaited<ReturnType<typeof import('./vitals-flows.mjs').phoneInteractions>>} [phoneFlows]
 * @property {Awaited<ReturnType<typeof import('./vitals-flows.mjs').latencyFlows>>} [latencyFlows]
 * @property {Record<string, import('./lighthouse-runs.mjs').LighthouseRun[]>} [lighthouse]
 */

const kb = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;
const ms0 = (/** @type {number} */ value) => `${value.toFixed(0)} ms`;
const shift = (/** @type {number} */ value) => value.toFixed(3);
const score = (/** @type {number} */ value) => value.toFixed(0);
/** The app against the baseline: met when the ratio is at most 1.0. */
const ratioBudget = (/** @type {number} */ app, /** @type {number} */ baseline) => {
  const ratio = app / baseline;
  return ratio <= 1 ? `met: ${ratio.toFixed(2)}× (≤ 1.0×)` : `MISSED: ${ratio.toFixed(2)}×, ${((ratio - 1) * 100).toFixed(0)}% over 1.0×`;
};
/** A figure against an upper limit. */
const limitBudget = (/** @type {number} */ value, /** @type {number} */ limit, /** @type {(n: number) => string} */ format) =>
  value <= limit ? `met: ${format(value)} (≤ ${format(limit)})` : `MISSED: ${format(value)}, ${format(value - limit)} over ${format(limit)}`;
/** A score that must be 100. */
const fullScore = (/** @type {number} */ value) => (value >= 100 ? 'met: 100' : `MISSED: ${score(value)} (< 100)`);
const sorted = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b);
/** @param {LoadMetrics[]} list @param {'fcp' | 'lcp' | 'interactive'} metric */
const med = (list, metric) => median(list.map((load) => load[metric]));
const worstShift = (/** @type {LoadMetrics[]} */ list) => Math.max(...list.map((load) => load.cls));

/**
 * @param {BenchResults} results
 * @param {{ appDist: string, baselineDist: string, cpuSlowdown: number }} where
 */
export function benchRows(results, { appDist, baselineDist, cpuSlowdown }) {
  const { repeats } = results;
  /** @type {string[][]} */
  const rows = [];
  /** @type {{ app: string[], baseline: string[] } | undefined} */
  let initialScripts;
  if (results.loads && results.roundTrips && results.signing && results.overhead && results.flowShift !== undefined) {
    const { roundTrips, signing, overhead } = results;
    const appLoads = results.loads.app ?? [];
    const baselineLoads = results.loads.baseline ?? [];
    /** @param {string} dist @param {string[]} scripts */
    const gzipOf = (dist, scripts) => scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(dist, path)), { level: 9 }).length, 0);
    initialScripts = { app: appLoads[0]?.scripts ?? [], baseline: baselineLoads[0]?.scripts ?? [] };
    const initialJs = { app: gzipOf(appDist, initialScripts.app), baseline: gzipOf(baselineDist, initialScripts.baseline) };
    const appRoundTrip = (/** @type {'total' | 'beforeRequest' | 'request' | 'afterAnswer'} */ part) => median(roundTrips.app.map((trip) => trip[part]));
    // Each confirm is paired with the bare fetch made right after it, so a slow moment of the machine weighs on both.
    const roundTripOverhead = median(roundTrips.app.map((trip, i) => trip.total - (roundTrips.bare[i] ?? Number.NaN)));
    const proxyP50 = percentile(sorted(overhead.proxied), 50) - percentile(sorted(overhead.direct), 50);
    const proxyP99 = percentile(sorted(overhead.proxied), 99) - percentile(sorted(overhead.direct), 99);
    const n = repeats.loads;
    rows.push(
      ['initial JavaScript, gzip', kb(initialJs.app), kb(initialJs.baseline), ratioBudget(initialJs.app, initialJs.baseline)],
      [`first contentful paint, median of ${n} cold loads`, ms(med(appLoads, 'fcp')), ms(med(baselineLoads, 'fcp')), ratioBudget(med(appLoads, 'fcp'), med(baselineLoads, 'fcp'))],
      [`largest contentful paint, median of ${n}`, ms(med(appLoads, 'lcp')), ms(med(baselineLoads, 'lcp')), ratioBudget(med(appLoads, 'lcp'), med(baselineLoads, 'lcp'))],
      [`form accepts input, median of ${n}`, ms(med(appLoads, 'interactive')), ms(med(baselineLoads, 'interactive')), 'none (reported)'],
      ['layout shift while loading, worst load', shift(worstShift(appLoads)), shift(worstShift(baselineLoads)), limitBudget(worstShift(appLoads), 0.01, shift)],
      ['layout shift over a whole withdrawal', shift(results.flowShift), '', limitBudget(results.flowShift, 0.01, shift)],
      [`confirm → answer on screen, median of ${repeats.roundTrips}`, ms(appRoundTrip('total')), `bare fetch: ${ms(median(roundTrips.bare))}`, `overhead (median of pairs) ${limitBudget(roundTripOverhead, 5, ms)}`],
      ['… of which: before the request left · the request · answer to screen', `${ms(appRoundTrip('beforeRequest'))} · ${ms(appRoundTrip('request'))} · ${ms(appRoundTrip('afterAnswer'))}`, '', ''],
      ['HMAC-SHA256 of a withdrawal body, in Chromium', `WebCrypto: ${signing.webCrypto.toFixed(1)} µs`, `crypto-js: ${signing.cryptoJs.toFixed(1)} µs`, signing.same ? 'none (same signature)' : 'SIGNATURES DIFFER'],
      [`proxy overhead, ${repeats.proxyPairs} withdrawals one at a time`, `p50 +${ms(proxyP50)}`, `p99 +${ms(proxyP99)}`, limitBudget(proxyP50, 1, ms)],
    );
  }
  if (results.phoneLoads && results.phoneFlows) {
    const appLoads = results.phoneLoads.app ?? [];
    const baselineLoads = results.phoneLoads.baseline ?? [];
    const n = repeats.phoneLoads;
    const phone = `phone (${cpuSlowdown}× CPU, slow 4G, 360 px)`;
    rows.push(
      [`${phone}: first contentful paint, median of ${n} cold loads`, ms0(med(appLoads, 'fcp')), ms0(med(baselineLoads, 'fcp')), ratioBudget(med(appLoads, 'fcp'), med(baselineLoads, 'fcp'))],
      [`${phone}: largest contentful paint, median of ${n}`, ms0(med(appLoads, 'lcp')), ms0(med(baselineLoads, 'lcp')), ratioBudget(med(appLoads, 'lcp'), med(baselineLoads, 'lcp'))],
      [`${phone}: form accepts input, median of ${n}`, ms0(med(appLoads, 'interactive')), ms0(med(baselineLoads, 'interactive')), ratioBudget(med(appLoads, 'interactive'), med(baselineLoads, 'interactive'))],
      [`${phone}: layout shift while loading, worst load`, shift(worstShift(appLoads)), shift(worstShift(baselineLoads)), limitBudget(worstShift(appLoads), 0.01, shift)],
    );
    const flows = results.phoneFlows;
    const runs = repeats.phoneFlows;
    rows.push([`${phone}: INP of a whole withdrawal typed key by key (web-vitals), median of ${runs}`, ms0(flows.inp), '', limitBudget(flows.inp, 100, ms0)]);
    for (const step of [...INTERACTIONS, ...Object.keys(flows.byStep).filter((step) => !INTERACTIONS.includes(step))]) {
      const value = flows.byStep[step] ?? 0;
      rows.push([`… slowest interaction, ${step} (median of ${runs})`, value === 0 ? '< 16 ms' : ms0(value), '', limitBudget(value, 100, ms0)]);
    }
    const worstCls = Math.max(...flows.runs.map((run) => run.cls));
    rows.push([`${phone}: layout shift over the typed withdrawal, worst of ${runs}`, shift(worstCls), '', limitBudget(worstCls, 0.01, shift)]);
  }
  for (const flow of results.latencyFlows ?? []) {
    rows.push([
      `layout shift (web-vitals) over a withdrawal, ${flow.width} px, answer after ${(flow.delayMs / 1000).toFixed(1)} s`,
      shift(flow.cls),
      '',
      limitBudget(flow.cls, 0.01, shift),
    ]);
  }
  if (results.lighthouse) {
    const app = medianRun(results.lighthouse.app ?? []);
    const baseline = medianRun(results.lighthouse.baseline ?? []);
    const lh = `Lighthouse 12 mobile, median of ${repeats.lighthouseRuns}`;
    for (const category of ['performance', 'accessibility', 'best-practices', 'seo']) {
      rows.push([`${lh}: ${category}`, score(app.scores[category] ?? Number.NaN), score(baseline.scores[category] ?? Number.NaN), fullScore(app.scores[category] ?? Number.NaN)]);
    }
    rows.push(
      [`${lh}: first contentful paint`, ms0(app.metrics.fcp), ms0(baseline.metrics.fcp), ratioBudget(app.metrics.fcp, baseline.metrics.fcp)],
      [`${lh}: largest contentful paint`, ms0(app.metrics.lcp), ms0(baseline.metrics.lcp), ratioBudget(app.metrics.lcp, baseline.metrics.lcp)],
      [`${lh}: time to interactive`, ms0(app.metrics.tti), ms0(baseline.metrics.tti), ratioBudget(app.metrics.tti, baseline.metrics.tti)],
      [`${lh}: total blocking time`, ms0(app.metrics.tbt), ms0(baseline.metrics.tbt), limitBudget(app.metrics.tbt, 50, ms0)],
      [`${lh}: max potential first input delay`, ms0(app.metrics.maxFid), ms0(baseline.metrics.maxFid), limitBudget(app.metrics.maxFid, 100, ms0)],
      [`${lh}: unused JavaScript`, kb(app.unusedJsBytes), kb(baseline.unusedJsBytes), 'none (reported)'],
    );
  }
  return { rows, initialScripts };
}

/**
 * Under the table: for each flow whose layout shifted, the biggest shifts with the step they happened in and
 * the elements that moved; each phone interaction over 100 ms, split into input delay, handlers and paint; the
 * Lighthouse audits that cost the app points and its longest tasks.
 * @param {BenchResults} results
 */
export function benchNotes(results) {
  const notes = [];
  const flows = [
    ...(results.latencyFlows ?? []).map((flow) => ({ name: `${flow.width} px, answer after ${flow.delayMs} ms`, cls: flow.cls, shifts: flow.shifts })),
    ...(results.phoneFlows?.runs ?? []).map((run, i) => ({ name: `phone, typed, run ${i + 1}`, cls: run.cls, shifts: run.shifts })),
  ];
  for (const flow of flows.filter((each) => each.cls > 0)) {
    const biggest = [...flow.shifts].sort((a, b) => b.value - a.value).slice(0, 3);
    const described = biggest.map((each) => `${shift(each.value)} at ${each.sinceStep} ms into "${each.step}": ${each.sources.map((source) => source.node).join('; ')}`);
    notes.push(`- Shifts, ${flow.name} (CLS ${shift(flow.cls)}): ${described.join(' | ')}`);
  }
  for (const step of Object.keys(results.phoneFlows?.byStep ?? {})) {
    const slow = (results.phoneFlows?.runs ?? []).map((run) => run.slowest[step]).filter((each) => each !== undefined && each.duration > 100);
    const described = slow.map((each) => `${each?.duration} ms (${each?.name} on ${each?.target}: input delay ${each?.inputDelay}, handlers ${each?.processing}, to paint ${each?.presentation})`);
    if (described.length > 0) notes.push(`- Slow on the phone, ${step}: ${described.join(' | ')}`);
  }
  const failed = results.lighthouse ? medianRun(results.lighthouse.app ?? []).failed : [];
  if (failed.length > 0) notes.push(`- Lighthouse audits below full marks for the app (any run): ${failed.join('; ')}`);
  const tasks = (results.lighthouse?.app?.[0]?.longTasks ?? []).slice(0, 4).map((task) => `${task.duration} ms at ${task.startTime} ms (${task.script.replace(/^https?:\/\/[^/]+/, '')})`);
  if (tasks.length > 0) notes.push(`- Lighthouse's longest main-thread tasks for the app (first run, simulated): ${tasks.join('; ')}`);
  return notes.length > 0 ? ['', ...notes] : [];
}
