// @ts-check
/**
 * Authentication as the exchange does it: the `x-api-key` header names the key, and `x-signature` must be the
 * base64 HMAC-SHA256 of the exact body bytes under the key's secret (its UTF-8 bytes). Pure functions over
 * node:crypto, so the shared signature vectors can be checked without HTTP.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { headerValue } from './http-plumbing.mjs';

/**
 * The signature the exchange expects for a body.
 * @param {string} secret
 * @param {string | Uint8Array} body The exact bytes sent (a string is taken as its UTF-8 bytes).
 * @returns {string} base64 of the 32-byte HMAC-SHA256 digest.
 */
export function expectedSignature(secret, body) {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('base64');
}

/**
 * Constant-time string comparison (different lengths are simply unequal).
 * @param {string} a
 * @param {string} b
 * @returns {boolean}
 */
export function safeEqual(a, b) {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Whether `signature` signs exactly `body` under `secret`.
 * @param {string} secret
 * @param {string | Uint8Array} body
 * @param {string | undefined} signature The `x-signature` header as received.
 * @returns {boolean}
 */
export function verifySignature(secret, body, signature) {
  return signature !== undefined && safeEqual(signature, expectedSignature(secret, body));
}

/**
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {string} apiKey The accepted key.
 * @returns {boolean}
 */
export function hasValidApiKey(headers, apiKey) {
  const key = headerValue(headers, 'x-api-key');
  return key !== undefined && safeEqual(key, apiKey);
}
