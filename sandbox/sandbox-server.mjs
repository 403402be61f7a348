// @ts-check
/**
 * Wires the sandbox together: one HTTP server whose requests go to the control endpoints (`/__sandbox/…`), the
 * simulated mailbox (`/mailbox…`) or the exchange routes (recorded, and subject to queued faults). It owns what
 * reset and close must stop: the request log, faulted requests still waiting out their delay, and the ledger's
 * timers. Quiet by design: a client that goes away prints nothing, an unexpected error prints one line.
 */
import { createServer } from 'node:http';
import { SANDBOX_DEMO_KEYS } from '../contract/everstrike.mjs';
import { fromUnits } from './amounts.mjs';
import { CONTROL_PREFIX, createControlRoutes } from './control-routes.mjs';
import { ACCOUNT_EMAIL } from './exchange-data.mjs';
import { createExchangeRoutes } from './exchange-routes.mjs';
import { createFaultQueue } from './faults.mjs';
import { envelope, headerValue, htmlPage, pathOf, readBody, send } from './http-plumbing.mjs';
import { createLedger } from './ledger.mjs';
import { createMailbox } from './mailbox.mjs';
import { ownOrigin, parseHostList, sentByAnotherSite } from './request-guards.mjs';

/** @typedef {import('./types.mjs').SandboxOptions} SandboxOptions */
/** @typedef {import('./types.mjs').Sandbox} Sandbox */
/** @typedef {import('./types.mjs').RecordedRequest} RecordedRequest */
/** @typedef {import('./types.mjs').ApiRequest} ApiRequest */
/** @typedef {import('./types.mjs').Withdrawal} Withdrawal */
/** @typedef {import('./ledger.mjs').LedgerEventType} LedgerEventType */

export const DEFAULT_PROCESSING_MS = 3000;
const DEMO_SECRET = SANDBOX_DEMO_KEYS.secret;

/**
 * @param {string} host
 * @param {number} port
 */
function displayUrl(host, port) {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** SANDBOX_PUBLIC_HOSTS, already checked by the command line (server.mjs); a bad value here is an error. */
function hostsFromEnv() {
  const parsed = parseHostList(process.env.SANDBOX_PUBLIC_HOSTS, 'SANDBOX_PUBLIC_HOSTS');
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.hosts;
}

/**
 * Starts the sandbox exchange.
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
export function startSandbox(options = {}) {
  const {
    port = 8787,
    host = '127.0.0.1',
    apiKey = process.env.SANDBOX_API_KEY || SANDBOX_DEMO_KEYS.apiKey,
    secret = process.env.SANDBOX_SECRET || DEMO_SECRET,
    now = () => Date.now(),
    log = console.log,
    quiet = false,
    processingMs = DEFAULT_PROCESSING_MS,
    random = Math.random,
  } = options;
  const publicHosts = options.publicHosts ?? hostsFromEnv();

  /** @param {string} line */
  const say = (line) => {
    if (!quiet) log(line);
  };
  let baseUrl = '';
  let closed = false;

  /** @type {Record<LedgerEventType, (w: Withdrawal) => string>} one terminal line per step of a withdrawal */
  const eventLines = {
    accepted: (w) =>
      `withdrawal ${w.id} ${fromUnits(w.qty)} ${w.asset} to ${w.address} awaiting email confirmation: open ${baseUrl}/mailbox`,
    confirmed: (w) => `withdrawal ${w.id} confirmed from the email; processing`,
    cancelled: (w) => `withdrawal ${w.id} cancelled from the email; ${fromUnits(w.qty)} ${w.asset} back to free`,
    completed: (w) => `withdrawal ${w.id} completed; transaction ${w.transactionHash ?? ''}`,
  };
  const ledger = createLedger({ now, processingMs, onEvent: (type, w) => say(eventLines[type](w)) });
  const mailbox = createMailbox({ now, to: ACCOUNT_EMAIL, ledger, baseUrl: () => baseUrl });
  const faults = createFaultQueue({ random });
  const exchange = createExchangeRoutes({ now, apiKey, secret, ledger, mailbox });

  /** @type {RecordedRequest[]} */
  let requests = [];
  /** @type {Set<{ timer: ReturnType<typeof setTimeout>, cancel: () => void }>} faulted requests waiting out their delay */
  const delayed = new Set();

  function cancelDelayed() {
    for (const entry of delayed) entry.cancel();
    delayed.clear();
  }

  function reset() {
    cancelDelayed();
    ledger.reset();
    mailbox.clear();
    exchange.reset();
    faults.clear();
    requests = [];
  }

  const control = createControlRoutes({ requests: () => requests, reset, faults, ledger, mailbox });

  /**
   * Waits `ms`; resolves false instead when reset or close cut the wait short (the socket is then destroyed).
   * @param {number} ms
   * @param {import('node:net').Socket} socket
   * @returns {Promise<boolean>}
   */
  function waitOrCancel(ms, socket) {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          delayed.delete(entry);
          resolve(true);
        }, ms),
        cancel() {
          clearTimeout(entry.timer);
          socket.destroy();
          resolve(false);
        },
      };
      delayed.add(entry);
    });
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    const path = pathOf(target);
    const { raw, tooLarge, aborted } = await readBody(req);
    if (aborted || closed) return;
    const isMailbox = path === '/mailbox' || path.startsWith('/mailbox/');

    // DNS rebinding: a name that is not the sandbox's gets nothing (and is not recorded).
    const own = ownOrigin(headerValue(req.headers, 'host'), req.socket.localPort, publicHosts);
    if (own === undefined) {
      const msg = 'Misdirected request: the sandbox answers only to 127.0.0.1, localhost and [::1] on its port (and SANDBOX_PUBLIC_HOSTS).';
      send(res, isMailbox ? htmlPage(421, 'Misdirected request', `<p>${msg}</p>`) : envelope(421, 421, msg));
      return;
    }
    const fromAnotherSite = sentByAnotherSite(req.headers, own);
    /** @type {ApiRequest} */
    const apiRequest = { method, path, headers: req.headers, raw, tooLarge, fromAnotherSite };

    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      send(res, control.handle(apiRequest));
      return;
    }
    if (isMailbox) {
      send(res, mailbox.handle(method, path, { fromAnotherSite }));
      return;
    }

    /** @type {Record<string, string | string[]>} */
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = value;
    }
    requests.push({ method, path, url: target, headers, body: raw.toString('utf8'), time: now() });

    const fault = faults.take(path);
    if (!fault) {
      send(res, exchange.handle(apiRequest));
      return;
    }
    if (fault.delayMs > 0 && !(await waitOrCancel(fault.delayMs, req.socket))) return;
    if (fault.passThrough) {
      // Processed even if the client has gone away meanwhile, as a real server would.
      const reply = exchange.handle(apiRequest);
      if (fault.drop) req.socket.destroy();
      else send(res, reply);
      return;
    }
    if (fault.drop) {
      req.socket.destroy();
      return;
    }
    send(res, { status: fault.status, contentType: fault.contentType, body: fault.body });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((/** @type {unknown} */ error) => {
      const message = error instanceof Error ? error.message : String(error);
      say(`sandbox error on ${req.method ?? '?'} ${pathOf(req.url ?? '/')}: ${message.split('\n')[0] ?? ''}`);
      send(res, envelope(500, 500, 'Internal sandbox error'));
    });
  });
  // A malformed request or a connection reset by the client: answer 400 when still possible, print nothing.
  server.on('clientError', (error, socket) => {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code !== 'ECONNRESET' && socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const boundPort = typeof address === 'object' && address !== null ? address.port : port;
      baseUrl = displayUrl(host, boundPort);
      say(
        [
          `Everstrike sandbox exchange listening on ${baseUrl}`,
          `  Mailbox: ${baseUrl}/mailbox   (the confirmation emails for ${ACCOUNT_EMAIL})`,
          `  API key: ${apiKey}`,
          secret === DEMO_SECRET
            ? `  Secret:  ${secret}   (fake demo credentials, only valid here)`
            : '  Secret:  (custom, from SANDBOX_SECRET; not printed)',
          '  Withdrawals stay PENDING until you confirm them from the mailbox; confirmed ones complete after ' +
            `${processingMs} ms.`,
        ].join('\n'),
      );
      resolve({
        url: baseUrl,
        port: boundPort,
        close() {
          if (closed) return Promise.resolve();
          closed = true;
          cancelDelayed();
          ledger.dispose();
          return new Promise((resolveClose) => {
            server.close(() => resolveClose());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}
