// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeProxyFailure, isForwarded, resolveEverstrikeTarget, TESTNET_URL } from './everstrike-proxy.ts';

describe('resolveEverstrikeTarget', () => {
  it('defaults to the Everstrike testnet', () => {
    expect(resolveEverstrikeTarget({})).toEqual({ url: TESTNET_URL, environment: 'testnet', label: 'Everstrike testnet' });
    expect(resolveEverstrikeTarget({ EVERSTRIKE_API_URL: '  ' }).environment).toBe('testnet');
  });

  it('labels a local sandbox by its host and port', () => {
    expect(resolveEverstrikeTarget({ EVERSTRIKE_API_URL: 'http://127.0.0.1:8787' })).toEqual({
      url: 'http://127.0.0.1:8787',
      environment: 'local',
      label: 'Local sandbox exchange (127.0.0.1:8787)',
    });
  });

  it('refuses the mainnet unless it is asked for deliberately', () => {
    expect(() => resolveEverstrikeTarget({ EVERSTRIKE_API_URL: 'https://api.everstrike.io' })).toThrow(/EVERSTRIKE_ALLOW_MAINNET=yes/);
    expect(resolveEverstrikeTarget({ EVERSTRIKE_API_URL: 'https://api.everstrike.io', EVERSTRIKE_ALLOW_MAINNET: 'yes' })).toMatchObject({
      environment: 'mainnet',
      label: expect.stringContaining('MAINNET'),
    });
  });

  it.each([
    ['not a url', /not a URL/],
    ['ftp://api.testnet.everstrike.io', /http\(s\)/],
    ['https://api.testnet.everstrike.io/v1', /origin only/],
    ['https://user:pw@api.testnet.everstrike.io', /origin only/],
    ['http://api.testnet.everstrike.io', /must use https/],
  ])('refuses %j', (value, message) => {
    expect(() => resolveEverstrikeTarget({ EVERSTRIKE_API_URL: value })).toThrow(message);
  });
});

describe('isForwarded', () => {
  it.each([
    ['POST', '/api/auth/withdraw'],
    ['GET', '/api/time'],
    ['GET', '/api/ping'],
    ['GET', '/api/personal'],
    ['GET', '/api/assets'],
    ['GET', '/api/withdrawals'],
    ['GET', '/api/withdrawals?limit=20'],
  ])('forwards %s %s', (method, url) => {
    expect(isForwarded(method, url)).toBe(true);
  });

  it.each([
    ['GET', '/api/auth/withdraw'],
    ['POST', '/api/time'],
    ['DELETE', '/api/withdrawals'],
    ['POST', '/api/auth/withdraw/'],
    ['POST', '/api/auth/order'],
    ['GET', '/api/time/../auth/withdraw'],
    ['GET', '/api//time'],
    ['GET', '/api/__sandbox/requests'],
    ['GET', '/time'],
    ['GET', '/apitime'],
    [undefined, '/api/time'],
    ['GET', undefined],
  ])('does not forward %s %s', (method, url) => {
    expect(isForwarded(method, url)).toBe(false);
  });
});

describe('describeProxyFailure', () => {
  const target = resolveEverstrikeTarget({});

  it('says a refused connection was not delivered', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(describeProxyFailure(error, target)).toMatchObject({ status: 502, kind: 'not-delivered' });
  });

  it('says a connection that broke mid-request has an unknown outcome', () => {
    const error = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(describeProxyFailure(error, target)).toMatchObject({ status: 504, kind: 'outcome-unknown' });
    expect(describeProxyFailure(new Error('socket hang up'), target)).toMatchObject({ kind: 'outcome-unknown' });
  });
});
