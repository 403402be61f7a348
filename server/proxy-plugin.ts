/**
 * The same-origin proxy as one Fastify plugin: the page's `/api/*` requests and the target description
 * (`TARGET_INFO_PATH`). It is the only implementation of the proxy rules: the production server registers
 * it next to the static build, and `npm run dev` hands Vite's `/api` requests to it.
 *
 * The exchange sends no CORS headers, so the page talks only to its own origin and this plugin forwards an
 * exact allowlist of Everstrike paths to the target. It never sees the secret: only the API key and the
 * signature travel. Each upstream answer is read in full (all Everstrike answers are small JSON) before the
 * page gets any of it, so an exchange that breaks off mid-answer always yields a clean envelope.
 *
 * @fastify/reply-from (undici) does the upstream request. Three of its defaults are wrong for a tool that
 * holds an exchange key, and are overridden here: TLS certificates are verified, nothing is ever retried
 * (it retries a GET answered 503 up to ten times by default), and its per-request logging is off.
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fastifyReplyFrom } from '@fastify/reply-from';
import type { Readable } from 'node:stream';
import { API_PREFIX, TARGET_INFO_PATH, type ExchangeTarget } from '../src/config/proxy-contract.ts';
import { ownOrigin } from './allowed-hosts.ts';
import { sendApiAnswer, sendErrorAnswer, statusOf } from './error-answers.ts';
import {
  API_ANSWER_HEADERS,
  PROXY_LIMITS,
  answerHeaders,
  crossSiteReason,
  describeUpstreamFailure,
  FORWARDED_SUMMARY,
  forwardedPath,
  unusableAnswerFailure,
  upstreamRequestHeaders,
  upstreamTimeoutFailure,
  type ProxyFailure,
} from './proxy-rules.ts';

export interface ProxyOptions {
  target: ExchangeTarget;
  /** Time the exchange gets to answer in full (default 25 s). */
  upstreamTimeoutMs?: number;
  /** Largest request body forwarded (default 16 KiB). */
  requestBodyBytes?: number;
  /** Largest upstream answer passed on (default 1 MiB). */
  upstreamAnswerBytes?: number;
  /** Names served through an https front (PUBLIC_HOSTS): requests from their https origin are the page's own. */
  publicHosts?: readonly string[];
}

interface UpstreamAnswer {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  stream: Readable;
}

/** The innermost error that carries a code of the network or undici (reply-from wraps them in its own). */
function upstreamCause(error: Error): { code?: string; message: string } {
  let current: unknown = error;
  while (current instanceof Error) {
    const code: unknown = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('FST_')) return { code, message: current.message };
    current = current.cause;
  }
  return { message: error.message };
}

/** One exchange between the page and the exchange: answered exactly once, by the exchange or by the proxy. */
class ForwardedExchange {
  private settled = false;
  private answer: Readable | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly reply: FastifyReply,
    private readonly log: FastifyBaseLogger,
    private readonly target: ExchangeTarget,
    private readonly what: string,
    private readonly limits: { timeoutMs: number; answerBytes: number },
  ) {
    this.timer = setTimeout(() => this.fail(upstreamTimeoutFailure(target, what, limits.timeoutMs)), limits.timeoutMs);
    // Once the page's response is closed (answered by anyone, or the page went away) nothing more is sent
    // and the timer stops. The exchange may still act on a request it already has.
    reply.raw.once('close', () => this.finish());
  }

  private finish(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    this.answer?.destroy();
    return true;
  }

  fail(failure: ProxyFailure): void {
    if (!this.finish()) return;
    this.log.warn(failure.log);
    sendApiAnswer(this.reply, failure.status, failure.kind, failure.msg);
  }

  /** Reads the exchange's answer in full, up to the limit, then passes it on. */
  relay(status: number, headers: Record<string, string | string[] | undefined>, stream: Readable): void {
    if (this.settled) {
      stream.destroy();
      return;
    }
    this.answer = stream;
    if (status >= 300 && status < 400) {
      this.fail(unusableAnswerFailure(this.target, this.what, `a redirect (HTTP ${status})`));
      return;
    }
    const tooLarge = `an answer over ${this.limits.answerBytes} bytes`;
    if (Number(headers['content-length']) > this.limits.answerBytes) {
      this.fail(unusableAnswerFailure(this.target, this.what, tooLarge));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.limits.answerBytes) this.fail(unusableAnswerFailure(this.target, this.what, tooLarge));
      else chunks.push(chunk);
    });
    stream.once('error', (error) => this.fail(describeUpstreamFailure(upstreamCause(error), this.target, this.what, { answerStarted: true })));
    stream.once('end', () => {
      if (!this.finish()) return;
      this.reply.code(status).headers(answerHeaders(headers)).send(Buffer.concat(chunks));
    });
  }
}

/** Registers the proxy's routes; register it encapsulated (`app.register(everstrikeProxy, options)`). */
export async function everstrikeProxy(app: FastifyInstance, options: ProxyOptions): Promise<void> {
  const { target } = options;
  const timeoutMs = options.upstreamTimeoutMs ?? PROXY_LIMITS.upstreamTimeoutMs;
  const bodyLimit = options.requestBodyBytes ?? PROXY_LIMITS.requestBodyBytes;
  const answerBytes = options.upstreamAnswerBytes ?? PROXY_LIMITS.upstreamAnswerBytes;
  const publicHosts = options.publicHosts ?? [];
  const log = app.log;

  // Every answer in this scope, whoever wrote it, is inert in the browser and never cached.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(API_ANSWER_HEADERS);
    return payload;
  });

  // Fastify's own errors (a body it will not read, say) in the envelope; their messages can quote the
  // request, so the page gets the status in words instead, and only a 5xx is logged.
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = statusOf(error);
    if (status === 413) {
      reply.header('connection', 'close');
      sendApiAnswer(reply, 413, 'not-forwarded', `The request body is over ${bodyLimit} bytes. Nothing was forwarded.`);
      return;
    }
    if (status >= 500) log.error(`proxy error: ${error.message}`);
    sendErrorAnswer(reply, status);
  });

  app.get(TARGET_INFO_PATH, (_request, reply) => {
    reply.type('application/json; charset=utf-8').send(JSON.stringify(target));
  });

  await app.register(
    async (api) => {
      // Bodies are kept as the exact bytes received: the signature covers them byte for byte.
      api.removeAllContentTypeParsers();
      api.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
      await api.register(fastifyReplyFrom, {
        base: target.url,
        disableRequestLogging: true,
        undici: {
          connections: 128,
          pipelining: 1,
          // reply-from sets `tls: { rejectUnauthorized: false }` unless told otherwise; `connect` wins over it.
          connect: { rejectUnauthorized: true, timeout: Math.min(10_000, timeoutMs) },
        },
      });

      // Refused before a byte of the body is read, whatever the method: a request another site made the
      // browser send (the page's own requests are same-origin), and a body over the limit.
      api.addHook('onRequest', async (request, reply) => {
        const crossSite = crossSiteReason(request.headers, ownOrigin(request.headers.host, request.raw.socket.localPort, publicHosts));
        if (crossSite !== undefined) {
          sendApiAnswer(reply, 403, 'not-forwarded', `The proxy forwards only this app's own requests, and ${crossSite}. Nothing was forwarded.`);
          return reply;
        }
        if (Number(request.headers['content-length']) > bodyLimit) {
          reply.header('connection', 'close');
          sendApiAnswer(reply, 413, 'not-forwarded', `The request body is over ${bodyLimit} bytes. Nothing was forwarded.`);
          return reply;
        }
        return undefined;
      });

      // The answer names what is forwarded, never the request's own path (nothing from the URL is echoed).
      const notForwarded = (_request: FastifyRequest, reply: FastifyReply) => {
        sendApiAnswer(reply, 404, 'not-forwarded', `The proxy does not forward this request (only ${FORWARDED_SUMMARY}). Nothing was forwarded.`);
      };
      api.setNotFoundHandler(notForwarded);

      // reply-from logs each upstream error with its stack at "warn"; the proxy logs its own single line.
      api.all('/*', { logLevel: 'error' }, (request, reply) => {
        const path = forwardedPath(request.method, request.raw.url);
        if (path === undefined) return notForwarded(request, reply);
        const exchange = new ForwardedExchange(reply, log, target, `${request.method} ${path}`, { timeoutMs, answerBytes });
        const body = Buffer.isBuffer(request.body) ? request.body : undefined;
        const isPost = request.method === 'POST';
        reply.from(path, {
          // A body only for the POST, exactly as received; reply-from would re-encode a JSON one.
          ...(isPost ? { body: body ?? Buffer.alloc(0), contentType: 'application/octet-stream' } : {}),
          queryString: () => '',
          rewriteRequestHeaders: (incoming) => upstreamRequestHeaders(incoming.headers, target, isPost ? (body?.length ?? 0) : undefined),
          rewriteHeaders: () => ({}),
          retryDelay: () => null,
          // undici's own timers are coarse (about 0.5 s); the exchange's deadline above is the one that answers.
          timeout: timeoutMs + 1_000,
          onError: (_reply, { error }) => exchange.fail(describeUpstreamFailure(upstreamCause(error), target, `${request.method} ${path}`)),
          onResponse: (_request, _reply, res) => {
            // reply-from's types call this a ServerResponse; at run time it is { statusCode, headers, stream }.
            const answer = res as unknown as UpstreamAnswer;
            exchange.relay(answer.statusCode, answer.headers, answer.stream);
          },
        });
        return reply;
      });
    },
    { prefix: API_PREFIX },
  );
}
