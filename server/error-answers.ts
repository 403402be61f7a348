/**
 * Every answer the server writes itself, in one of two shapes, whoever raised it (a rule of the proxy, the
 * static side, or Fastify below them: a bad URL, a body it will not parse). Under /api and for the target
 * description: the exchange's envelope `{code,msg,result}`, the /api headers (sandboxed, nosniff, no-store)
 * and the proxy's mark. Everywhere else: the page's security headers and a short plain text. Neither ever
 * repeats the URL, a header or an error's message, and neither carries a stack.
 */
import type { FastifyReply } from 'fastify';
import { API_PREFIX, PROXY_FAILURE_HEADER, TARGET_INFO_PATH } from '../src/config/proxy-contract.ts';
import { API_ANSWER_HEADERS, envelope, type ProxyMark } from './proxy-rules.ts';
import { pageSecurityHeaders } from './security-headers.ts';

const PAGE_HEADERS = pageSecurityHeaders('production');

/** True for the requests answered like the exchange (under /api, and the target description). */
export function answersLikeApi(rawUrl: string | undefined): boolean {
  const url = rawUrl ?? '';
  const path = url.split('?', 1)[0] ?? '';
  return path === API_PREFIX || url.startsWith(`${API_PREFIX}/`) || path === TARGET_INFO_PATH;
}

/** Short words for the statuses the server writes itself. */
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  413: 'Request body too large',
  414: 'URL too long',
  415: 'Unsupported media type',
  417: 'Expectation failed',
  421: 'Misdirected request: this server does not answer to that name',
  431: 'Request headers too large',
  500: 'Server error',
  503: 'Service unavailable',
};

export function reasonFor(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Server error' : 'Bad request');
}

/** The status to answer for an error raised anywhere: its own 4xx, or 500. */
export function statusOf(error: { statusCode?: number }): number {
  const status = error.statusCode;
  return status !== undefined && status >= 400 && status < 500 ? status : 500;
}

/** An answer in the exchange's envelope, with the /api headers and the proxy's mark. */
export function sendApiAnswer(reply: FastifyReply, status: number, mark: ProxyMark, msg: string): void {
  reply
    .code(status)
    .headers(API_ANSWER_HEADERS)
    .header('content-type', 'application/json; charset=utf-8')
    .header(PROXY_FAILURE_HEADER, mark)
    .send(envelope(status, msg));
}

/** A short plain-text answer with the page's headers. */
export function sendPageAnswer(reply: FastifyReply, status: number, text = reasonFor(status)): void {
  reply.code(status).headers(PAGE_HEADERS).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(`${text}\n`);
}

/**
 * An error status in the shape its path calls for. The /api message says what happened in words and that
 * nothing was forwarded (a 5xx: that the outcome is unknown, as for any failure of the proxy).
 */
export function sendErrorAnswer(reply: FastifyReply, status: number, apiMsg?: string): void {
  if (!answersLikeApi(reply.request.raw.url)) {
    sendPageAnswer(reply, status);
    return;
  }
  if (status >= 500) {
    sendApiAnswer(reply, status, 'outcome-unknown', apiMsg ?? 'The proxy failed while handling the request.');
    return;
  }
  sendApiAnswer(reply, status, 'not-forwarded', apiMsg ?? `The proxy refused the request (${reasonFor(status).toLowerCase()}). Nothing was forwarded.`);
}
