// @ts-check
/**
 * `npm run load`: signed withdrawals through the production server to the sandbox exchange, counted at both
 * ends. It starts the sandbox and the built server as child processes on free loopback ports, signs each
 * body with Node's WebCrypto exactly as the page does, and sends 2,000 withdrawals at concurrency 50
 * directly to the sandbox (the baseline), then through the server, then through the server while the
 * sandbox resets 10% of its connections after processing the withdrawal; then 500 one at a time,
 * alternately direct and through the server, for the overhead without queueing. It prints one table: what
 * was sent, how it was answered, what the sandbox received and accepted, duplicates, lost, latency, and the
 * proxy's overhead. LOAD_TOTAL and LOAD_CONCURRENCY change the sizes; everything stays on 127.0.0.1.
 * The reset fault uses the sandbox's `probability` option; a sandbox without it gets one one-shot reset
 * queued before every tenth request instead (the table says so).
 */
import { PROJECT_ROOT, ensureBuilt } from './build.mjs';
import { keepAliveAgent, percentile, qtyFor, SANDBOX_API_KEY, send as sendWith, signedWithdrawal, startSandbox, startServer, stopChildren, units } from './lib/local-exchange.mjs';

const TOTAL = Number(process.env.LOAD_TOTAL ?? 2000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 50);
const SEQUENTIAL = Math.min(TOTAL, 500);
const RESET_PROBABILITY = 0.1;

const agent = keepAliveAgent(CONCURRENCY);
/** @param {string} url @param {{ method?: string, headers?: Record<string, string>, body?: string }} [init] */
const send = (url, init) => sendWith(agent, url, init);
/** The sandbox's control POSTs take JSON only. */
const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * Sends `total` withdrawals at `concurrency` to `base` and returns each answer by quantity.
 * @param {string} base
 * @param {number} total
 * @param {number} concurrency
 * @param {(i: number) => Promise<void>} [before]
 */
async function withdrawals(base, total, concurrency, before) {
  /** @type {Map<bigint, { status: number, mark: string, text: string, ms: number }>} */
  const answers = new Map();
  let next = 1;
  const worker = async () => {
    while (next <= total) {
      const i = next++;
      await before?.(i);
      const qty = qtyFor(i);
      const signed = await signedWithdrawal(qty);
      answers.set(units(qty), await send(`${base}/auth/withdraw`, { method: 'POST', ...signed }));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { answers, seconds: (performance.now() - started) / 1000 };
}

/**
 * Runs one load and reconciles what the client was told with what the sandbox did.
 * @param {{ name: string, base: string, total: number, concurrency: number, resets?: boolean }} run
 */
async function measure(run) {
  await send(`${sandboxUrl}/__sandbox/reset`, { method: 'POST', headers: JSON_TYPE });
  /** @type {((i: number) => Promise<void>) | undefined} */
  let before;
  let note = '';
  if (run.resets) {
    const fault = { path: '/auth/withdraw', drop: true, passThrough: true, probability: RESET_PROBABILITY, times: 1_000_000 };
    const armed = await send(`${sandboxUrl}/__sandbox/fault`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(fault) });
    if (armed.status !== 200) {
      // A sandbox without the `probability` option: one one-shot reset queued before every tenth request.
      note = ' (1 in 10, queued one at a time)';
      before = async (i) => {
        if (i % Math.round(1 / RESET_PROBABILITY) === 0) {
          await send(`${sandboxUrl}/__sandbox/fault`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ drop: true, passThrough: true }) });
        }
      };
    }
  }
  const { answers, seconds } = await withdrawals(run.base, run.total, run.concurrency, before);
  return { run: { ...run, name: run.name + note }, answers, seconds };
}

/**
 * @param {{ run: { name: string, concurrency: number }, answers: Map<bigint, { status: number, mark: string, ms: number }>, seconds: number }} result
 * @param {{ received: number, accepted: bigint[] }} sandbox
 */
function summarise({ run, answers, seconds }, sandbox) {
  /** @type {Map<string, number>} */
  const byAnswer = new Map();
  for (const answer of answers.values()) {
    const label = answer.status === 0 ? 'no answer' : `${answer.status}${answer.mark ? ` ${answer.mark}` : ''}`;
    byAnswer.set(label, (byAnswer.get(label) ?? 0) + 1);
  }
  /** @type {Map<bigint, number>} */
  const acceptedCount = new Map();
  for (const qty of sandbox.accepted) acceptedCount.set(qty, (acceptedCount.get(qty) ?? 0) + 1);
  const duplicates = [...acceptedCount.values()].reduce((sum, n) => sum + (n - 1), 0) + Math.max(0, sandbox.received - answers.size);
  // Lost: the sandbox took it but the client heard "not delivered", a refusal by the proxy, or nothing at all.
  let lost = 0;
  let falseSuccess = 0;
  for (const [qty, answer] of answers) {
    const accepted = acceptedCount.has(qty);
    if (accepted && (answer.status === 0 || answer.mark === 'not-delivered' || answer.mark === 'not-forwarded')) lost += 1;
    if (!accepted && answer.status === 200) falseSuccess += 1;
  }
  const latencies = [...answers.values()].map((answer) => answer.ms).sort((a, b) => a - b);
  return {
    run: `${run.name}, c=${run.concurrency}`,
    sent: answers.size,
    answered: [...byAnswer].sort().map(([label, n]) => `${n}× ${label}`).join(', '),
    received: sandbox.received,
    accepted: sandbox.accepted.length,
    duplicates,
    lost: lost + falseSuccess,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rate: answers.size / seconds,
  };
}

/** What the sandbox says it received and accepted, read before the next reset. */
async function sandboxCounts() {
  const log = JSON.parse((await send(`${sandboxUrl}/__sandbox/requests`)).text);
  /** @type {Array<{ method: string, path: string, headers: Record<string, string> }>} */
  const posts = log.requests.filter((/** @type {{ method: string, path: string }} */ r) => r.method === 'POST' && r.path === '/auth/withdraw');
  const viaProxy = posts.filter((r) => r.headers['user-agent'] === 'everstrike-withdraw-proxy').length;
  const list = JSON.parse((await send(`${sandboxUrl}/withdrawals`, { headers: { 'x-api-key': SANDBOX_API_KEY } })).text);
  return { received: posts.length, viaProxy, accepted: list.result.map((/** @type {{ qty: string }} */ w) => units(w.qty)) };
}

/**
 * The overhead without queueing: one withdrawal at a time, alternately direct and through the server, so
 * both paths meet the same machine (other work on it included) at the same moments. Two rows.
 * @param {number} total per path
 */
async function pairedOneAtATime(total) {
  await send(`${sandboxUrl}/__sandbox/reset`, { method: 'POST', headers: JSON_TYPE });
  const direct = { base: sandboxUrl, answers: new Map(), offset: 0 };
  const through = { base: proxied, answers: new Map(), offset: total };
  const started = performance.now();
  for (let i = 1; i <= total; i++) {
    for (const path of [direct, through]) {
      const qty = qtyFor(path.offset + i);
      path.answers.set(units(qty), await send(`${path.base}/auth/withdraw`, { method: 'POST', ...(await signedWithdrawal(qty)) }));
    }
  }
  const seconds = (performance.now() - started) / 1000 / 2;
  const counts = await sandboxCounts();
  /** @param {Map<bigint, unknown>} answers @param {number} received */
  const share = (answers, received) => ({ received, accepted: counts.accepted.filter((/** @type {bigint} */ qty) => answers.has(qty)) });
  return [
    summarise({ run: { name: 'direct to the sandbox, alternating', concurrency: 1 }, answers: direct.answers, seconds }, share(direct.answers, counts.received - counts.viaProxy)),
    summarise({ run: { name: 'through the server, alternating', concurrency: 1 }, answers: through.answers, seconds }, share(through.answers, counts.viaProxy)),
  ];
}

if (!ensureBuilt(PROJECT_ROOT)) process.exit(1);
const sandboxUrl = await startSandbox();
const appUrl = await startServer(sandboxUrl);
const proxied = `${appUrl}/api`;

// Warm both paths up (JIT, connection pools) with a run that is not counted; each measured run resets first.
for (const base of [sandboxUrl, proxied]) await measure({ name: 'warm-up', base, total: Math.min(TOTAL, 500), concurrency: CONCURRENCY });

const plan = [
  { name: 'direct to the sandbox', base: sandboxUrl, total: TOTAL, concurrency: CONCURRENCY },
  { name: 'through the server', base: proxied, total: TOTAL, concurrency: CONCURRENCY },
  { name: 'through the server, 10% resets', base: proxied, total: TOTAL, concurrency: CONCURRENCY, resets: true },
];
const rows = [];
for (const run of plan) {
  const result = await measure(run);
  rows.push(summarise(result, await sandboxCounts()));
}
rows.push(...(await pairedOneAtATime(SEQUENTIAL)));

const ms = (/** @type {number} */ value) => value.toFixed(2);
const table = [
  ['run', 'sent', 'answered', 'received', 'accepted', 'dup', 'lost', 'p50 ms', 'p99 ms', 'req/s'],
  ...rows.map((row) => [row.run, row.sent, row.answered, row.received, row.accepted, row.duplicates, row.lost, ms(row.p50), ms(row.p99), row.rate.toFixed(0)].map(String)),
];
const widths = table[0]?.map((_, column) => Math.max(...table.map((line) => (line[column] ?? '').length))) ?? [];
const print = (/** @type {string[]} */ line) => console.log(`| ${line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`);
print(table[0] ?? []);
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
table.slice(1).forEach(print);
const [directC, proxiedC, , direct1, proxied1] = rows;
if (directC && proxiedC && direct1 && proxied1) {
  console.log(
    `\nProxy overhead (through the server minus direct): one at a time p50 ${ms(proxied1.p50 - direct1.p50)} ms, ` +
      `p99 ${ms(proxied1.p99 - direct1.p99)} ms; at c=${CONCURRENCY} p50 ${ms(proxiedC.p50 - directC.p50)} ms, p99 ${ms(proxiedC.p99 - directC.p99)} ms.`,
  );
}
const failed = rows.some((row) => row.lost > 0 || row.duplicates > 0);
console.log(failed ? 'FAILED: withdrawals were lost or duplicated.' : 'No withdrawal lost, none duplicated.');
agent.destroy();
stopChildren();
process.exit(failed ? 1 : 0);
