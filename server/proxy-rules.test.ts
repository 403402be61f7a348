import { describe, expect, it } from 'vitest';
import { resolveEverstrikeTarget } from './exchange-target.ts';
import {
  answerContentType,
  answerHeaders,
  crossSiteReason,
  describeUpstreamFailure,
  forwardedPath,
  isValidRetryAfter,
  upstreamRequestHeaders,
} from './proxy-rules.ts';

const target = resolveEverstrikeTarget({});

describe('forwardedPath', () => {
  it.each([
    ['POST', '/api/auth/withdraw', '/auth/withdraw'],
    ['GET', '/api/time', '/time'],
    ['GET', '/api/ping', '/ping'],
    ['GET', '/api/personal', '/personal'],
    ['GET', '/api/assets', '/assets'],
    ['GET', '/api/withdrawals', '/withdrawals'],
    ['GET', '/api/withdrawals?limit=20', '/withdrawals'],
  ])('forwards %s %s to %s (never the query)', (method, url, path) => {
    expect(forwardedPath(method, url)).toBe(path);
  });

  it.each([
    ['GET', '/api/auth/withdraw'],
    ['HEAD', '/api/time'],
    ['POST', '/api/time'],
    ['DELETE', '/api/withdrawals'],
    ['POST', '/api/auth/withdraw/'],
    ['POST', '/api/auth/order'],
    ['GET', '/api/time/../auth/withdraw'],
    ['GET', '/api//time'],
    ['GET', '/api/%74ime'],
    ['GET', '/api/__sandbox/requests'],
    ['GET', '/time'],
    ['GET', '/apitime'],
    ['GET', 'http://evil.example/api/time'],
    [undefined, '/api/time'],
    ['GET', undefined],
  ])('does not forward %s %s', (method, url) => {
    expect(forwardedPath(method, url)).toBeUndefined();
  });
});

describe('upstreamRequestHeaders', () => {
  const browser = {
    host: 'evil.example',
    cookie: 'a=b',
    authorization: 'Basic x',
    'proxy-authorization': 'Basic x',
    origin: 'https://evil.example',
    referer: 'https://evil.example/',
    forwarded: 'for=1.2.3.4',
    'x-forwarded-for': '1.2.3.4',
    'x-real-ip': '1.2.3.4',
    expect: '100-continue',
    'user-agent': 'Mozilla/5.0',
    'accept-encoding': 'gzip',
    accept: 'application/json',
    'content-type': 'application/x-www-form-urlencoded',
    'x-api-key': 'key',
    'x-signature': 'sig',
  };

  it('keeps only what the exchange needs, with its own Host and a fixed user agent', () => {
    expect(upstreamRequestHeaders(browser, target, 92)).toEqual({
      host: 'api.testnet.everstrike.io',
      'user-agent': 'everstrike-withdraw-proxy',
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': '92',
      'x-api-key': 'key',
      'x-signature': 'sig',
    });
  });

  it('sends no content type or length with a GET', () => {
    expect(upstreamRequestHeaders(browser, target, undefined)).not.toHaveProperty('content-type');
    expect(upstreamRequestHeaders(browser, target, undefined)).not.toHaveProperty('content-length');
  });
});

describe('answers', () => {
  it.each([
    ['application/json', 'application/json; charset=utf-8'],
    ['Application/JSON; charset=utf-8', 'application/json; charset=utf-8'],
    ['application/problem+json', 'application/json; charset=utf-8'],
    ['text/html', 'text/plain; charset=utf-8'],
    ['application/xhtml+xml', 'text/plain; charset=utf-8'],
    ['image/svg+xml', 'text/plain; charset=utf-8'],
    [undefined, 'text/plain; charset=utf-8'],
  ])('an upstream %s answer is served as %s', (upstream, served) => {
    expect(answerContentType(upstream)).toBe(served);
  });

  it('passes neither cookies nor anything in the proxy namespace, and makes the answer inert', () => {
    const headers = answerHeaders({ 'content-type': 'text/html', 'set-cookie': ['a=b'], 'x-everstrike-proxy': 'not-delivered', 'retry-after': '5' });
    expect(headers).toEqual({
      'content-type': 'text/plain; charset=utf-8',
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
      'retry-after': '5',
    });
  });
});

describe('describeUpstreamFailure', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT', 'DEPTH_ZERO_SELF_SIGNED_CERT'])('%s: not delivered (502)', (code) => {
    expect(describeUpstreamFailure({ code, message: 'x' }, target, 'POST /auth/withdraw')).toMatchObject({ status: 502, kind: 'not-delivered' });
  });

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', undefined])('%s: outcome unknown (504)', (code) => {
    expect(describeUpstreamFailure({ code, message: 'socket hang up' }, target, 'POST /auth/withdraw')).toMatchObject({ status: 504, kind: 'outcome-unknown' });
  });

  it('never says "not delivered" once the answer had begun', () => {
    expect(describeUpstreamFailure({ code: 'ECONNREFUSED', message: 'x' }, target, 'GET /time', { answerStarted: true })).toMatchObject({ kind: 'outcome-unknown' });
  });

  it('makes one log line that names the request and the answer', () => {
    const { log } = describeUpstreamFailure({ code: 'UND_ERR_SOCKET', message: 'other side closed' }, target, 'POST /auth/withdraw');
    expect(log).toBe('upstream POST /auth/withdraw: connection broke after the request was sent (UND_ERR_SOCKET); answered 504 outcome-unknown');
  });
});

describe('Retry-After from the exchange', () => {
  it.each(['0', '5', '120', 'Sun, 06 Nov 1994 08:49:37 GMT', 'Tue, 01 Dec 2026 19:57:03 GMT'])('%j is passed on', (value) => {
    expect(isValidRetryAfter(value)).toBe(true);
    expect(answerHeaders({ 'retry-after': value })['retry-after']).toBe(value);
  });

  it.each([
    '<script>alert(1)</script>',
    '-1',
    '1.5',
    '99999999999',
    'Sunday, 06-Nov-94 08:49:37 GMT',
    'Sun Nov  6 08:49:37 1994',
    'Mon, 06 Nov 1994 08:49:37 GMT',
    'Tue, 31 Feb 2026 10:00:00 GMT',
    'Sun, 06 Nov 1994 25:49:37 GMT',
    'Sun, 06 Nov 1994 08:49:37 GMT\r\nX-Injected: 1',
  ])('%j is dropped', (value) => {
    expect(isValidRetryAfter(value)).toBe(false);
    expect(answerHeaders({ 'retry-after': value })).not.toHaveProperty('retry-after');
  });
});

describe('crossSiteReason', () => {
  const own = 'http://127.0.0.1:5173';

  it.each([
    // curl or an old browser; the page itself; the person typing the URL; a same-origin GET (no Origin)
    [{}],
    [{ 'sec-fetch-site': 'same-origin', origin: own }],
    [{ 'sec-fetch-site': 'none' }],
    [{ 'sec-fetch-site': 'same-origin' }],
  ])('lets %j through', (headers) => {
    expect(crossSiteReason(headers, own)).toBeUndefined();
  });

  it.each([
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site' }],
    [{ 'sec-fetch-site': 'Cross-Site', origin: own }],
    [{ origin: 'https://evil.example' }],
    [{ origin: 'http://127.0.0.1:5174' }],
    [{ origin: 'https://127.0.0.1:5173' }],
    [{ origin: 'null' }],
    [{ origin: [own, own] }],
  ])('refuses %j', (headers) => {
    expect(crossSiteReason(headers, own)).toEqual(expect.any(String));
  });

  it('refuses any Origin when the Host is not one of the server\'s names', () => {
    expect(crossSiteReason({ origin: own }, undefined)).toEqual(expect.any(String));
  });
});
