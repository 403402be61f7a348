// @ts-check
/**
 * `npm run bench`: the figures the README quotes, in one table, each budget marked met or missed. It builds
 * the app (prerendered, as `npm start` serves it) and a bare-stack baseline (bench/baseline: React, React DOM,
 * React Query's provider with one useMutation, react-hook-form with the zod resolver and one full zod schema,
 * a three-input form), serves each with its own copy of the production server (same headers, same
 * precompressed files) and measures both in Debian's Chromium, in four parts (`npm run bench -- --only
 * desktop,phone,latency,lighthouse`, all by default):
 * - desktop: initial JavaScript, first and largest contentful paint and the time until the form accepts input
 *   over alternating cold loads, layout shift, the confirm-to-status round trip against a bare fetch, WebCrypto
 *   against crypto-js, and the proxy's overhead;
 * - phone (CPU 4× slower, slow 4G, 360 px): the same cold loads, and the input delay of every keystroke and
 *   click of a whole withdrawal (web-vitals, injected by the bench);
 * - latency: the layout shift (web-vitals, session windows) of a whole withdrawal at 1280 and 360 px with the
 *   exchange answering after 0, 0.8, 1.5 and 3 s;
 * - lighthouse: Lighthouse 12 mobile on both pages, alternately.
 * BENCH_LOADS, BENCH_ROUND_TRIPS, BENCH_PHONE_LOADS, BENCH_PHONE_FLOWS, BENCH_LIGHTHOUSE_RUNS set the repeats.
 * No test asserts on these numbers; the raw figures go to bench-results/bench.json.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { alternatingLoads, launchChromium } from './bench/browser-metrics.mjs';
import { lighthouseRuns } from './bench/lighthouse-runs.mjs';
import { confirmRoundTrips, flowLayoutShift, signingInBrowser } from './bench/page-flows.mjs';
import { CPU_SLOWDOWN, PHONE_CONTEXT, throttleToPhone } from './bench/phone-profile.mjs';
import { benchRows, benchNotes } from './bench/table-rows.mjs';
import { latencyFlows, phoneInteractions } from './bench/vitals-flows.mjs';
import { build, PROJECT_ROOT } from './build.mjs';
import { keepAliveAgent, qtyFor, send, signedWithdrawal, startChild, startSandbox, startServer, stopChildren } from './lib/local-exchange.mjs';

const PARTS = ['desktop', 'phone', 'latency', 'lighthouse'];
const { values: options } = parseArgs({ options: { only: { type: 'string', default: PARTS.join(',') } } });
const only = new Set(options.only.split(',').map((part) => part.trim()));
const unknownParts = [...only].filter((part) => !PARTS.includes(part));
if (unknownParts.length > 0) throw new Error(`--only: unknown part(s) ${unknownParts.join(', ')}; expected some of ${PARTS.join(',')}`);

const repeats = {
  loads: Number(process.env.BENCH_LOADS ?? 21),
  roundTrips: Number(process.env.BENCH_ROUND_TRIPS ?? 31),
  proxyPairs: 300,
  phoneLoads: Number(process.env.BENCH_PHONE_LOADS ?? 11),
  phoneFlows: Number(process.env.BENCH_PHONE_FLOWS ?? 3),
  lighthouseRuns: Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5),
};
const MATRIX = { widths: [1280, 360], delays: [0, 800, 1500, 3000] };
const RESULTS = join(PROJECT_ROOT, 'bench-results');
const BASELINE = join(RESULTS, 'baseline');
const started = performance.now();
const loadAtStart = loadavg();

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
const pages = { app: `${appUrl}/`, baseline: `${baselineUrl}/` };
const agent = keepAliveAgent(4);
/** @type {import('./bench/vitals-flows.mjs').Exchange} */
const exchange = {
  reset: async () => void (await send(agent, `${sandboxUrl}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } })),
  delayNextWithdrawal: async (delayMs) => {
    const body = JSON.stringify({ path: '/auth/withdraw', delayMs, passThrough: true });
    const answer = await send(agent, `${sandboxUrl}/__sandbox/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (answer.status !== 200) throw new Error(`the sandbox refused the delay: ${answer.status} ${answer.text}`);
  },
};
await exchange.reset();

/** @type {Record<string, unknown>} */
const results = { parts: [...only], repeats };
/** @type {Record<string, number>} seconds each part took */
const timings = {};
/** @type {Record<string, string>} the parts that failed, and why: the others still print */
const failures = {};
const timed = async (/** @type {string} */ part, /** @type {() => Promise<void>} */ run) => {
  const from = performance.now();
  try {
    await run();
  } catch (error) {
    failures[part] = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`bench: the ${part} part failed: ${failures[part]}`);
  }
  timings[part] = (performance.now() - from) / 1000;
};

// 3. In Chromium.
const browser = await launchChromium();
const chromiumVersion = browser.version();
if (only.has('desktop')) {
  await timed('desktop', async () => {
    results.loads = await alternatingLoads(browser, pages, repeats.loads);
    results.flowShift = await flowLayoutShift(browser, pages.app);
    /** Confirms, as from the email, every withdrawal still awaiting it, so the page's history has none open. */
    const confirmEmails = async () => {
      const { emails } = /** @type {{ emails: Array<{ status: string, confirmUrl: string }> }} */ (JSON.parse((await send(agent, `${sandboxUrl}/__sandbox/mailbox`)).text));
      for (const email of emails) if (email.status === 'PENDING') await send(agent, email.confirmUrl);
    };
    results.roundTrips = await confirmRoundTrips(browser, pages.app, repeats.roundTrips, confirmEmails);
    results.signing = await signingInBrowser(browser);
  });
}
if (only.has('phone')) {
  await timed('phone', async () => {
    results.phoneLoads = await alternatingLoads(browser, pages, repeats.phoneLoads, { context: PHONE_CONTEXT, prepare: throttleToPhone });
    results.phoneFlows = await phoneInteractions(browser, pages.app, exchange, repeats.phoneFlows);
  });
}
if (only.has('latency')) {
  await timed('latency', async () => {
    results.latencyFlows = await latencyFlows(browser, pages.app, exchange, MATRIX);
  });
}
await browser.close();
if (only.has('lighthouse')) {
  await timed('lighthouse', async () => {
    results.lighthouse = await lighthouseRuns(pages, repeats.lighthouseRuns);
  });
}

// 4. The proxy's own overhead: one withdrawal at a time, alternately direct and through the server.
if (only.has('desktop')) {
  await timed('proxy', async () => {
    /** @type {{ direct: number[], proxied: number[] }} */
    const overhead = { direct: [], proxied: [] };
    await exchange.reset();
    for (let i = 1; i <= repeats.proxyPairs; i++) {
      for (const [path, base] of /** @type {const} */ ([['direct', sandboxUrl], ['proxied', `${appUrl}/api`]])) {
        const signed = await signedWithdrawal(qtyFor(path === 'direct' ? i : repeats.proxyPairs + i));
        const answer = await send(agent, `${base}/auth/withdraw`, { method: 'POST', ...signed });
        if (answer.status !== 200) throw new Error(`a ${path} withdrawal was answered ${answer.status} ${answer.text}`);
        overhead[path].push(answer.ms);
      }
    }
    results.overhead = overhead;
  });
}
agent.destroy();
stopChildren();

// 5. The figures.
const { rows, initialScripts } = benchRows(/** @type {import('./bench/table-rows.mjs').BenchResults} */ (results), { appDist: join(PROJECT_ROOT, 'dist'), baselineDist: join(BASELINE, 'dist'), cpuSlowdown: CPU_SLOWDOWN });
// The load average says how much else the machine was doing: Lighthouse's simulated figures scale with it.
const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadAtStart.map((n) => n.toFixed(1)).join(' ')} at the start, ${loadavg().map((n) => n.toFixed(1)).join(' ')} at the end`;
const total = (performance.now() - started) / 1000;
const took = Object.entries(timings).map(([part, seconds]) => `${part} ${seconds.toFixed(0)} s`).join(', ');
const lines = [
  `npm run bench · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine} · Node ${process.version} · Chromium ${chromiumVersion}`,
  `parts: ${[...only].join(', ')} · ${total.toFixed(0)} s in all (${took}, the rest building)`,
  '',
  '| measure | app | baseline | budget |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
  ...(initialScripts ? [`Initial scripts: app ${initialScripts.app.join(', ')}; baseline ${initialScripts.baseline.join(', ')}.`] : []),
  ...Object.entries(failures).map(([part, why]) => `- FAILED: the ${part} part: ${why.split('\n')[0]}`),
  ...benchNotes(/** @type {import('./bench/table-rows.mjs').BenchResults} */ (results)),
];
console.log(lines.join('\n'));
if (Object.keys(failures).length > 0) process.exitCode = 1;
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'bench.json'), JSON.stringify({ ...results, timings, total, failures }, null, 2));
