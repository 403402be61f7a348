/** The sandbox's signature verification, without HTTP, against the shared signature vectors the page signs with. */
import { describe, expect, it } from 'vitest';
import { expectedSignature, hasValidApiKey, verifySignature } from './auth.mjs';
import { signatureVectors } from './testing/signature-vectors.ts';

/** The body with one byte changed (the last digit of the timestamp). */
function oneByteChanged(body: string): string {
  const last = body.at(-1) === '0' ? '1' : '0';
  return `${body.slice(0, -1)}${last}`;
}

describe('verifySignature', () => {
  it('has vectors to check', () => {
    expect(signatureVectors.length).toBeGreaterThanOrEqual(2);
  });

  it.each(signatureVectors)('accepts the shared vector for $body', ({ secret, body, signature }) => {
    expect(expectedSignature(secret, body)).toBe(signature);
    expect(verifySignature(secret, body, signature)).toBe(true);
    expect(verifySignature(secret, new TextEncoder().encode(body), signature)).toBe(true);
  });

  it.each(signatureVectors)('refuses the vector for $body with one byte changed', ({ secret, body, signature }) => {
    expect(verifySignature(secret, oneByteChanged(body), signature)).toBe(false);
    const bytes = new TextEncoder().encode(body);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(verifySignature(secret, bytes, signature)).toBe(false);
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(verifySignature(secret, body, flipped)).toBe(false);
    expect(verifySignature(`${secret}x`, body, signature)).toBe(false);
  });

  it('refuses a missing, empty or truncated signature', () => {
    const [vector] = signatureVectors;
    if (!vector) throw new Error('no vector');
    expect(verifySignature(vector.secret, vector.body, undefined)).toBe(false);
    expect(verifySignature(vector.secret, vector.body, '')).toBe(false);
    expect(verifySignature(vector.secret, vector.body, vector.signature.slice(0, -1))).toBe(false);
  });
});

describe('hasValidApiKey', () => {
  it('accepts exactly the configured key', () => {
    expect(hasValidApiKey({ 'x-api-key': 'k-1' }, 'k-1')).toBe(true);
    expect(hasValidApiKey({ 'x-api-key': 'k-2' }, 'k-1')).toBe(false);
    expect(hasValidApiKey({ 'x-api-key': 'k-1 ' }, 'k-1')).toBe(false);
    expect(hasValidApiKey({}, 'k-1')).toBe(false);
  });
});
