// @ts-check
/**
 * `npm run bench`: the figures the README quotes, in one table, each budget marked met or missed. It builds
 * the app (prerendered, as `npm start` serves it) and a bare-stack baseline (bench/baseline: React, React DOM,
 * React Query's provider with one useMutation, react-hook-form with the zod resolver and one full zod schema,
 * a three-input form), serves each with its own copy of the production server (same headers, same
 * precompressed files) and measures both in Debian's Chromium: initial JavaScript, first and largest
 * contentful paint and the time until the form accepts input over alternating cold loads, layout shift, the
 * confirm-to-status round trip against a bare fetch, WebCrypto against crypto-js, and the proxy's overhead.
 * BENCH_LOADS sets the cold loads of each page (default 21), BENCH_ROUND_TRIPS the confirms (default 31). No test asserts on these numbers.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { alternatingLoads, launchChromium, median } from './bench/browser-metrics.mjs';
import { confirmRoundTrips, flowLayoutShift, signingInBrowser } from './bench/page-flows.mjs';
import { build, PROJECT_ROOT } from './build.mjs';
import { keepAliveAgent, percentile, qtyFor, send, signedWithdrawal, startChild, startSandbox, startServer, stopChildren } from './lib/local-exchange.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 21);
const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 31);
const PROXY_PAIRS = 300;
const RESULTS = join(PROJECT_ROOT, 'bench-results');
const BASELINE = join(RESULTS, 'baseline');

// 1. Both builds: the app as `npm start` serves it, the baseline beside its own copy of the same server.
build();
execFileSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'bench/baseline/vite.config.ts'], {
  cwd: PROJECT_ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
});
rmSync(join(BASELINE, 'dist-server'), { recursive: true, force: true });
cpSync(join(PROJECT_ROOT, 'dist-server'), join(BASELINE, 'dist-server'), { recursive: true });

// 2. The sandbox, and each page behind its production server.
// Confirmed withdrawals complete at once: the round trips below confirm each one, as a person would from the email.
const sandboxUrl = await startSandbox({ SANDBOX_PROCESSING_MS: '0' });
const appUrl = await startServer(sandboxUrl);
const baselineUrl = await startChild(
  'bench-results/baseline/dist-server/server/main.js',
  { PORT: '0', HOST: '127.0.0.1', EVERSTRIKE_API_URL: sandboxUrl },
  /app at (http:\/\/[\d.:]+)/,
);
const agent = keepAliveAgent(4);
await send(agent, `${sandboxUrl}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });

// 3. In Chromium.
const browser = await launchChromium();
const chromiumVersion = browser.version();
const loads = await alternatingLoads(browser, { app: `${appUrl}/`, baseline: `${baselineUrl}/` }, LOADS);
const flowShift = await flowLayoutShift(browser, `${appUrl}/`);
/** Confirms, as from the email, every withdrawal still awaiting it, so the page's history has none open. */
const confirmEmails = async () => {
  const { emails } = /** @type {{ emails: Array<{ status: string, confirmUrl: string }> }} */ (JSON.parse((await send(agent, `${sandboxUrl}/__sandbox/mailbox`)).text));
  for (const email of emails) if (email.status === 'PENDING') await send(agent, email.confirmUrl);
};
const roundTrips = await confirmRoundTrips(browser, `${appUrl}/`, ROUND_TRIPS, confirmEmails);
const signing = await signingInBrowser(browser);
await browser.close();

// 4. The proxy's own overhead: one withdrawal at a time, alternately direct and through the server.
/** @type {{ direct: number[], proxied: number[] }} */
const overhead = { direct: [], proxied: [] };
await send(agent, `${sandboxUrl}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
for (let i = 1; i <= PROXY_PAIRS; i++) {
  for (const [path, base] of /** @type {const} */ ([['direct', sandboxUrl], ['proxied', `${appUrl}/api`]])) {
    const signed = await signedWithdrawal(qtyFor(path === 'direct' ? i : PROXY_PAIRS + i));
    const answer = await send(agent, `${base}/auth/withdraw`, { method: 'POST', ...signed });
    if (answer.status !== 200) throw new Error(`a ${path} withdrawal was answered ${answer.status} ${answer.text}`);
    overhead[path].push(answer.ms);
  }
}
agent.destroy();
stopChildren();

// 5. The figures.
const appLoads = loads.app ?? [];
const baselineLoads = loads.baseline ?? [];
/** @param {string} dist @param {string[]} scripts */
const gzipOf = (dist, scripts) => scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(dist, path)), { level: 9 }).length, 0);
const initialScripts = { app: appLoads[0]?.scripts ?? [], baseline: baselineLoads[0]?.scripts ?? [] };
const initialJs = { app: gzipOf(join(PROJECT_ROOT, 'dist'), initialScripts.app), baseline: gzipOf(join(BASELINE, 'dist'), initialScripts.baseline) };
/** @param {import('./bench/browser-metrics.mjs').LoadMetrics[]} list @param {'fcp' | 'lcp' | 'interactive'} metric */
const med = (list, metric) => median(list.map((load) => load[metric]));
const worstShift = (/** @type {import('./bench/browser-metrics.mjs').LoadMetrics[]} */ list) => Math.max(...list.map((load) => load.cls));
const sorted = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b);
const appRoundTrip = (/** @type {'total' | 'beforeRequest' | 'request' | 'afterAnswer'} */ part) => median(roundTrips.app.map((trip) => trip[part]));
// Each confirm is paired with the bare fetch made right after it, so a slow moment of the machine weighs on both.
const roundTripOverhead = median(roundTrips.app.map((trip, i) => trip.total - (roundTrips.bare[i] ?? Number.NaN)));
const proxyP50 = percentile(sorted(overhead.proxied), 50) - percentile(sorted(overhead.direct), 50);
const proxyP99 = percentile(sorted(overhead.proxied), 99) - percentile(sorted(overhead.direct), 99);

const kb = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;
const shift = (/** @type {number} */ value) => value.toFixed(3);
/** The app against the baseline: met when the ratio is at most 1.0. */
const ratioBudget = (/** @type {number} */ app, /** @type {number} */ baseline) => {
  const ratio = app / baseline;
  return ratio <= 1 ? `met: ${ratio.toFixed(2)}× (≤ 1.0×)` : `MISSED: ${ratio.toFixed(2)}×, ${((ratio - 1) * 100).toFixed(0)}% over 1.0×`;
};
/** A figure against an absolute limit. */
const limitBudget = (/** @type {number} */ value, /** @type {number} */ limit, /** @type {(n: number) => string} */ format) =>
  value <= limit ? `met: ${format(value)} (≤ ${format(limit)})` : `MISSED: ${format(value)}, ${format(value - limit)} over ${format(limit)}`;

const rows = [
  ['initial JavaScript, gzip', kb(initialJs.app), kb(initialJs.baseline), ratioBudget(initialJs.app, initialJs.baseline)],
  [`first contentful paint, median of ${LOADS} cold loads`, ms(med(appLoads, 'fcp')), ms(med(baselineLoads, 'fcp')), ratioBudget(med(appLoads, 'fcp'), med(baselineLoads, 'fcp'))],
  [`largest contentful paint, median of ${LOADS}`, ms(med(appLoads, 'lcp')), ms(med(baselineLoads, 'lcp')), ratioBudget(med(appLoads, 'lcp'), med(baselineLoads, 'lcp'))],
  [`form accepts input, median of ${LOADS}`, ms(med(appLoads, 'interactive')), ms(med(baselineLoads, 'interactive')), 'none (reported)'],
  ['layout shift while loading, worst load', shift(worstShift(appLoads)), shift(worstShift(baselineLoads)), limitBudget(worstShift(appLoads), 0.01, shift)],
  ['layout shift over a whole withdrawal', shift(flowShift), '', limitBudget(flowShift, 0.01, shift)],
  [`confirm → answer on screen, median of ${ROUND_TRIPS}`, ms(appRoundTrip('total')), `bare fetch: ${ms(median(roundTrips.bare))}`, `overhead (median of pairs) ${limitBudget(roundTripOverhead, 5, ms)}`],
  ['… of which: before the request left · the request · answer to screen', `${ms(appRoundTrip('beforeRequest'))} · ${ms(appRoundTrip('request'))} · ${ms(appRoundTrip('afterAnswer'))}`, '', ''],
  ['HMAC-SHA256 of a withdrawal body, in Chromium', `WebCrypto: ${signing.webCrypto.toFixed(1)} µs`, `crypto-js: ${signing.cryptoJs.toFixed(1)} µs`, signing.same ? 'none (same signature)' : 'SIGNATURES DIFFER'],
  [`proxy overhead, ${PROXY_PAIRS} withdrawals one at a time`, `p50 +${ms(proxyP50)}`, `p99 +${ms(proxyP99)}`, limitBudget(proxyP50, 1, ms)],
];

const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
const lines = [
  `npm run bench · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine} · Node ${process.version} · Chromium ${chromiumVersion}`,
  '',
  '| measure | app | baseline | budget |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
  `Initial scripts: app ${initialScripts.app.join(', ')}; baseline ${initialScripts.baseline.join(', ')}.`,
];
console.log(lines.join('\n'));
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'bench.json'), JSON.stringify({ loads, flowShift, roundTrips, signing, overhead, initialScripts, initialJs }, null, 2));
