/**
 * Builds the Fastify application: the proxy plugin, and the built app when a `dist/` is given (the
 * production server; the dev server mounts the same application without it). It also owns what is the
 * server's and not the proxy's: the names it answers to (Host), timeouts and limits for clients, the answer
 * to malformed, misdirected or slow requests (in the same two shapes as every other answer it writes: see
 * error-answers.ts), and one log line per request. It keeps no state between requests, so several copies
 * can run behind any load balancer; `trustProxy` stays off (forwarding headers are dropped anyway).
 */
import { fastify, LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Socket } from 'node:net';
import { PROXY_FAILURE_HEADER } from '../src/config/proxy-contract.ts';
import { ownOrigin } from './allowed-hosts.ts';
import { sendErrorAnswer, statusOf } from './error-answers.ts';
import { logPath, terseLogger } from './logger.ts';
import { everstrikeProxy, type ProxyOptions } from './proxy-plugin.ts';
import { API_ANSWER_HEADERS, PROXY_LIMITS, envelope } from './proxy-rules.ts';
import { refuseOtherMethods, staticSite } from './static-site.ts';

export interface AppOptions extends ProxyOptions {
  /** The built app to serve. Without it only the proxy answers (what the dev server mounts). */
  distDir?: string;
  /** Time a client gets to send its request headers and body (default 10 s). */
  clientTimeoutMs?: number;
  /** Fastify logger options (default: terse lines on stdout/stderr); `false` for none. */
  logger?: FastifyServerOptions['logger'];
  /**
   * Answer only requests whose Host is one of the server's names (default true). Off only where another
   * server already checks it: Vite's dev server refuses other names with 403 before this app sees them.
   */
  checkHost?: boolean;
  /** An idle keep-alive connection is closed after this long (default 5 s). */
  keepAliveTimeoutMs?: number;
  /** Connections open at once (default 256); one more is closed at once, unanswered. */
  maxConnections?: number;
}

/** What a client that sent no valid request, or not in time, is told, on the raw socket. */
function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, msg] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'The request was not received in time. Nothing was forwarded.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'The request headers are too large. Nothing was forwarded.']
        : [400, 'Bad Request', 'The request is not valid HTTP. Nothing was forwarded.'];
  const body = envelope(status, msg);
  const headers = {
    ...API_ANSWER_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    [PROXY_FAILURE_HEADER]: 'not-forwarded',
    connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  this.log.info(`client connection: ${status} ${reason} (${error.code ?? error.message})`);
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n${body}`);
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/** The one log line of a request: method, path (never the query), status (or "aborted"), milliseconds. */
function logWhenDone(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): void {
  const started = performance.now();
  reply.raw.once('close', () => {
    const outcome = reply.raw.writableFinished ? String(reply.raw.statusCode) : 'aborted';
    app.log.info(`${request.method} ${logPath(request.raw.url)} ${outcome} ${Math.round(performance.now() - started)} ms`);
  });
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clientTimeoutMs = options.clientTimeoutMs ?? PROXY_LIMITS.clientTimeoutMs;
  const bodyLimit = options.requestBodyBytes ?? PROXY_LIMITS.requestBodyBytes;
  const publicHosts = options.publicHosts ?? [];
  const app = fastify({
    logger: options.logger ?? terseLogger(),
    // Fastify's own request lines are off: the hook below writes one short line per request.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    bodyLimit,
    // Slow request headers or bodies are cut off with 408; Node checks open connections this often.
    requestTimeout: clientTimeoutMs,
    http: { headersTimeout: clientTimeoutMs, connectionsCheckingInterval: Math.min(1_000, Math.ceil(clientTimeoutMs / 4)) },
    // Fastify's default (72 s) lets idle connections pile up; a page that is still open just opens another.
    keepAliveTimeout: options.keepAliveTimeoutMs ?? PROXY_LIMITS.keepAliveTimeoutMs,
    clientErrorHandler: answerClientError,
    return503OnClosing: true,
    // A URL the router cannot decode (`/api/%c0%af`): answered in the path's shape, the URL never repeated.
    frameworkErrors: (error, request, reply) => {
      logWhenDone(app, request, reply);
      sendErrorAnswer(reply, statusOf(error));
    },
  });
  app.server.maxConnections = options.maxConnections ?? PROXY_LIMITS.maxConnections;
  // Node answers `Expect: 100-continue` with 100 by itself, before anyone looked at the request. Here a
  // body is invited only when its declared length fits; a larger one gets the 413 (under /api) at once.
  app.server.on('checkContinue', (req, res) => {
    if (!(Number(req.headers['content-length']) > bodyLimit)) res.writeContinue();
    app.server.emit('request', req, res);
  });
  // Any other Expect: Node's own 417 would carry none of the headers; the hook below writes it instead.
  const unmetExpectations = new WeakSet<object>();
  app.server.on('checkExpectation', (req, res) => {
    unmetExpectations.add(req);
    app.server.emit('request', req, res);
  });

  app.addHook('onRequest', (request, reply, done) => {
    logWhenDone(app, request, reply);
    done();
  });
  // DNS rebinding: a page on another site whose name resolves to this machine sends its own name as Host.
  // Nothing is served and nothing forwarded unless the Host is one of this server's names.
  if (options.checkHost ?? true) {
    app.addHook('onRequest', async (request, reply) => {
      if (ownOrigin(request.headers.host, request.raw.socket.localPort, publicHosts) !== undefined) return undefined;
      sendErrorAnswer(reply, 421, 'This server does not answer to that name (Host). Nothing was forwarded.');
      return reply;
    });
  }
  app.addHook('onRequest', async (request, reply) => {
    if (!unmetExpectations.has(request.raw)) return undefined;
    reply.header('connection', 'close');
    sendErrorAnswer(reply, 417, 'The proxy does not meet the request\'s Expect header. Nothing was forwarded.');
    return reply;
  });
  if (options.distDir !== undefined) app.addHook('onRequest', refuseOtherMethods);

  // What no rule below answered, and errors raised outside the proxy's and the static side's own scope.
  app.setNotFoundHandler((_request, reply) => sendErrorAnswer(reply, 404));
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = statusOf(error);
    if (status >= 500) request.log.error(`${request.method} ${logPath(request.raw.url)} failed: ${error.message}`);
    sendErrorAnswer(reply, status);
  });

  await app.register(everstrikeProxy, options);
  if (options.distDir !== undefined) await app.register(staticSite, { distDir: options.distDir });
  return app;
}
