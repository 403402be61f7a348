// @ts-check
/**
 * HTTP plumbing shared by every route: reading a bounded body, building replies (the exchange's envelope, plain
 * JSON, text, HTML with a strict content security policy) and sending them without ever throwing at a client that
 * has gone away. Nothing here knows about withdrawals.
 */
import { createHash } from 'node:crypto';
import { envelope as contractEnvelope } from '../contract/everstrike.mjs';

/** @typedef {import('./types.mjs').Reply} Reply */

/** Bodies above this are refused with 413 (the rest of the upload is drained, so the client still gets the answer). */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * @param {number} status
 * @param {unknown} value
 * @returns {Reply}
 */
export function jsonReply(status, value) {
  return { status, contentType: 'application/json', body: JSON.stringify(value) };
}

/**
 * The exchange's envelope `{code, msg, result}` (contract/everstrike.mjs) as an HTTP reply.
 * @param {number} status HTTP status.
 * @param {number} code Envelope code.
 * @param {string} msg
 * @param {unknown} [result]
 * @returns {Reply}
 */
export function envelope(status, code, msg, result = {}) {
  return jsonReply(status, contractEnvelope(code, msg, result));
}

/**
 * @param {number} status
 * @param {string} text
 * @returns {Reply}
 */
export function textReply(status, text) {
  return { status, contentType: 'text/plain; charset=utf-8', body: text };
}

/** The one stylesheet of the sandbox's HTML pages, allowed by its hash: no other style, script or resource loads. */
export const PAGE_STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}' +
  'article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}' +
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{color:#555}dd{margin:0;word-break:break-all}' +
  'a.action{display:inline-block;margin-right:1rem;font-weight:600}';

const STYLE_HASH = createHash('sha256').update(PAGE_STYLE).digest('base64');

/** Strict: nothing but the page itself and its hashed stylesheet; no scripts, forms, frames or plugins. */
export const HTML_CONTENT_SECURITY_POLICY =
  `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/**
 * Escapes text for HTML element content and quoted attribute values.
 * @param {string} text
 * @returns {string}
 */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A whole HTML page. `bodyHtml` must already be escaped; the title is escaped here.
 * @param {number} status
 * @param {string} title
 * @param {string} bodyHtml
 * @returns {Reply}
 */
export function htmlPage(status, title, bodyHtml) {
  const body =
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>\n<body>\n${bodyHtml}\n</body></html>\n`;
  return {
    status,
    contentType: 'text/html; charset=utf-8',
    body,
    headers: {
      'content-security-policy': HTML_CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
  };
}

/**
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {string} name Lower-case header name.
 * @returns {string | undefined}
 */
export function headerValue(headers, name) {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The path of a request target, without its query string.
 * @param {string} target
 * @returns {string}
 */
export function pathOf(target) {
  const queryStart = target.indexOf('?');
  return queryStart === -1 ? target : target.slice(0, queryStart);
}

/**
 * Reads the whole body, keeping at most MAX_BODY_BYTES. Resolves `aborted: true` (never rejects) when the client
 * goes away before the end, so a disconnect is not an error worth printing.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<{ raw: Buffer, tooLarge: boolean, aborted: boolean }>}
 */
export function readBody(req) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        const keep = chunk.length - (size - MAX_BODY_BYTES);
        if (keep > 0) chunks.push(chunk.subarray(0, keep));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ raw: Buffer.concat(chunks), tooLarge, aborted: false }));
    req.on('error', () => resolve({ raw: Buffer.alloc(0), tooLarge, aborted: true }));
    req.on('close', () => {
      if (!req.complete) resolve({ raw: Buffer.alloc(0), tooLarge, aborted: true });
    });
  });
}

/**
 * Sends a reply unless the connection is already gone (Node itself leaves the body out for HEAD requests).
 * @param {import('node:http').ServerResponse} res
 * @param {Reply} reply
 */
export function send(res, reply) {
  if (res.destroyed || res.writableEnded || res.headersSent) return;
  const noBody = reply.status === 204 || reply.status === 304 || (reply.status >= 100 && reply.status < 200);
  if (noBody) {
    res.writeHead(reply.status, { ...reply.headers });
    res.end();
    return;
  }
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    'content-type': reply.contentType,
    'content-length': String(body.length),
    ...reply.headers,
  });
  res.end(body);
}
