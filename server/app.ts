/**
 * Builds the Fastify application: the proxy plugin, and the built app when a `dist/` is given (the
 * production server; the dev server mounts the same application without it). It also owns what is the
 * server's and not the proxy's: timeouts for slow clients, the answer to malformed or slow requests, and
 * one log line per request. It keeps no state between requests, so several copies can run behind any load
 * balancer; `trustProxy` stays off (forwarding headers are dropped anyway).
 */
import { fastify, LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Socket } from 'node:net';
import { PROXY_FAILURE_HEADER } from '../src/config/proxy-contract.ts';
import { logPath, terseLogger } from './logger.ts';
import { everstrikeProxy, type ProxyOptions } from './proxy-plugin.ts';
import { API_ANSWER_HEADERS, PROXY_LIMITS, envelope } from './proxy-rules.ts';
import { staticSite } from './static-site.ts';

export interface AppOptions extends ProxyOptions {
  /** The built app to serve. Without it only the proxy answers (what the dev server mounts). */
  distDir?: string;
  /** Time a client gets to send its request headers and body (default 10 s). */
  clientTimeoutMs?: number;
  /** Fastify logger options (default: terse lines on stdout/stderr); `false` for none. */
  logger?: FastifyServerOptions['logger'];
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

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clientTimeoutMs = options.clientTimeoutMs ?? PROXY_LIMITS.clientTimeoutMs;
  const app = fastify({
    logger: options.logger ?? terseLogger(),
    // Fastify's own request lines are off: the hook below writes one short line per request.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    bodyLimit: options.requestBodyBytes ?? PROXY_LIMITS.requestBodyBytes,
    // Slow request headers or bodies are cut off with 408; Node checks open connections this often.
    requestTimeout: clientTimeoutMs,
    http: { headersTimeout: clientTimeoutMs, connectionsCheckingInterval: Math.min(1_000, Math.ceil(clientTimeoutMs / 4)) },
    clientErrorHandler: answerClientError,
    return503OnClosing: true,
  });

  // One line per request: method, path (never the query), status (or "aborted"), milliseconds.
  app.addHook('onRequest', (request, reply, done) => {
    const started = performance.now();
    reply.raw.once('close', () => {
      const outcome = reply.raw.writableFinished ? String(reply.raw.statusCode) : 'aborted';
      app.log.info(`${request.method} ${logPath(request.raw.url)} ${outcome} ${Math.round(performance.now() - started)} ms`);
    });
    done();
  });

  await app.register(everstrikeProxy, options);
  if (options.distDir !== undefined) await app.register(staticSite, { distDir: options.distDir });
  return app;
}
