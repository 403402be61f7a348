import { describe, expect, it } from 'vitest';
import vectorFile from './__fixtures__/signature-vectors.json';
import { encodeWithdrawalBody, previewWithdrawalBody } from './encode-withdrawal';
import { importSigningSecret, signBody } from './sign-body';

// A copy of shared/api/signature-vectors.json: signatures both of the exchange's own examples agree on.
const vectors = vectorFile.vectors;

describe('encodeWithdrawalBody', () => {
  it.each(vectors)('builds the documented body for $payload.asset', ({ payload, body }) => {
    expect(encodeWithdrawalBody({ ...payload, qty: String(payload.qty) })).toBe(body);
  });

  it('keeps the documented field order and sends the quantity string untouched', () => {
    const body = encodeWithdrawalBody({ asset: 'BTC', qty: '0.0000001', address: 'tb1qexample', timestamp: 1 });
    expect(body).toBe('asset=BTC&qty=0.0000001&address=tb1qexample&timestamp=1');
  });

  it('refuses a timestamp that is not integer milliseconds', () => {
    const base = { asset: 'ETH', qty: '1', address: '0x0' };
    expect(() => encodeWithdrawalBody({ ...base, timestamp: 1700000000000.5 })).toThrow(RangeError);
    expect(() => encodeWithdrawalBody({ ...base, timestamp: Number.NaN })).toThrow(RangeError);
    expect(() => encodeWithdrawalBody({ ...base, timestamp: 0 })).toThrow(RangeError);
  });
});

describe('previewWithdrawalBody', () => {
  it.each(vectors)('is the signed body for $payload.asset up to its timestamp value', ({ payload, body }) => {
    const preview = previewWithdrawalBody({ asset: payload.asset, qty: String(payload.qty), address: payload.address });
    expect(preview).toMatch(/&timestamp=$/);
    expect(body).toBe(`${preview}${payload.timestamp}`);
  });
});

describe('signBody', () => {
  it.each(vectors)('reproduces the vector signature for secret "$secret"', async ({ secret, body, signature }) => {
    const key = await importSigningSecret(secret);
    await expect(signBody(body, key)).resolves.toBe(signature);
  });

  it('imports the secret as a non-extractable, sign-only key', async () => {
    const key = await importSigningSecret('secret');
    expect(key.extractable).toBe(false);
    expect(key.usages).toEqual(['sign']);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('gives a different signature when one byte of the body changes', async () => {
    const [first] = vectors;
    if (!first) throw new Error('no vectors');
    const key = await importSigningSecret(first.secret);
    await expect(signBody(first.body.replace('qty=5', 'qty=6'), key)).resolves.not.toBe(first.signature);
  });

  it('refuses an empty secret', async () => {
    await expect(importSigningSecret('')).rejects.toThrow(RangeError);
  });
});
