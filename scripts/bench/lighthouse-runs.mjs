// @ts-check
/**
 * Lighthouse 12 (pinned 12.2.3: 13 needs Node 22) on its default mobile profile (simulated 4× CPU and slow 4G),
 * against a Chromium the bench starts itself on a free remote-debugging port: the four category scores and the
 * load figures the phone budgets are about, for the app and the baseline, alternately, `runs` times each.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromiumExecutable, median } from './browser-metrics.mjs';

const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const AUDITS = /** @type {const} */ ({
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  tti: 'interactive',
  maxFid: 'max-potential-fid',
  cls: 'cumulative-layout-shift',
});

/**
 * @typedef {object} LighthouseRun
 * @property {Record<string, number>} scores 0–100 per category
 * @property {Record<keyof typeof AUDITS, number>} metrics ms (cls unitless)
 * @property {number} unusedJsBytes what Lighthouse says of unused JavaScript
 * @property {string[]} failed the audits scored below 1 that weigh on a score
 * @property {Array<{ script: string, startTime: number, duration: number }>} longTasks simulated, ms
 */

/** Starts Chromium with remote debugging on a free port; resolves with the port and a way to stop it. */
async function startChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const child = spawn(chromiumExecutable() ?? 'chromium', [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      let printed = '';
      child.stderr?.on('data', (/** @type {Buffer} */ chunk) => {
        printed += chunk.toString();
        const match = printed.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
        if (match?.[1]) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`Chromium exited with code ${code}: ${printed.slice(0, 2000)}`)));
      setTimeout(() => reject(new Error('Chromium printed no DevTools port within 15 s')), 15_000).unref();
    })
  );
  // Chromium writes to its profile until it has exited, and its helper processes a little longer: the folder is
  // removed only then, and a folder that cannot be removed is left in the temporary directory, said in one line,
  // rather than losing the runs' figures.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    } catch (error) {
      console.warn(`bench: left Lighthouse's Chromium profile ${profile} (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  return { port, stop };
}

/**
 * @param {number} port
 * @param {string} url
 * @returns {Promise<LighthouseRun>}
 */
async function audit(port, url) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100)]));
  const metrics = /** @type {Record<keyof typeof AUDITS, number>} */ (
    Object.fromEntries(Object.entries(AUDITS).map(([name, id]) => [name, lhr.audits[id]?.numericValue ?? Number.NaN]))
  );
  const unused = /** @type {{ overallSavingsBytes?: number } | undefined} */ (lhr.audits['unused-javascript']?.details);
  const failed = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((result) => result && result.score !== null && result.score < 1)
      .map((result) => `${category.id}: ${result?.id} (${result?.displayValue ?? result?.score})`),
  );
  // Where the blocking time goes: the main thread's long tasks, with the script Lighthouse blames for each.
  const longTasks = /** @type {{ items?: Array<{ url: string, startTime: number, duration: number }> } | undefined} */ (lhr.audits['long-tasks']?.details);
  const tasks = (longTasks?.items ?? []).map(({ url: script, startTime, duration }) => ({ script, startTime: Math.round(startTime), duration: Math.round(duration) }));
  return { scores, metrics, unusedJsBytes: unused?.overallSavingsBytes ?? 0, failed, longTasks: tasks };
}

/**
 * Lighthouse sometimes loses its trace on a busy machine (NO_NAVSTART, NO_FCP): such a run is made again, twice at most.
 * @param {number} port
 * @param {string} url
 */
async function auditWithRetries(port, url) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(port, url);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.warn(`Lighthouse run ${attempt} of ${url} failed (${error instanceof Error ? error.message : String(error)}); again.`);
    }
  }
}

/**
 * @param {Record<string, string>} urls name → URL
 * @param {number} runs of each, alternating
 */
export async function lighthouseRuns(urls, runs) {
  /** @type {Record<string, LighthouseRun[]>} */
  const results = Object.fromEntries(Object.keys(urls).map((name) => [name, []]));
  const chromium = await startChromium();
  try {
    for (let run = 0; run < runs; run++) {
      for (const [name, url] of Object.entries(urls)) results[name]?.push(await auditWithRetries(chromium.port, url));
    }
  } finally {
    await chromium.stop();
  }
  return results;
}

/**
 * The median run's figures of one page: each score and each metric its own median.
 * @param {LighthouseRun[]} list
 */
export function medianRun(list) {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, median(list.map((run) => run.scores[id] ?? Number.NaN))]));
  const metrics = /** @type {Record<keyof typeof AUDITS, number>} */ (
    Object.fromEntries(Object.keys(AUDITS).map((name) => [name, median(list.map((run) => run.metrics[/** @type {keyof typeof AUDITS} */ (name)]))]))
  );
  return { scores, metrics, unusedJsBytes: median(list.map((run) => run.unusedJsBytes)), failed: [...new Set(list.flatMap((run) => run.failed))] };
}
