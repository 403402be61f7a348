import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackHost, resolveEverstrikeTarget, TESTNET_URL } from './exchange-target.ts';

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
    expect(resolveEverstrikeTarget({ EVERSTRIKE_API_URL: 'http://[::1]:8787' }).environment).toBe('local');
  });

  it.each(['https://api.testnet.everstrike.io', 'https://api.testnet.everstrike.com', 'https://API.TESTNET.EVERSTRIKE.IO'])(
    'counts %s as the testnet, without a second setting',
    (url) => {
      expect(resolveEverstrikeTarget({ EVERSTRIKE_API_URL: url })).toMatchObject({ environment: 'testnet', label: 'Everstrike testnet' });
    },
  );

  it.each([
    ['https://api.everstrike.io', 'the Everstrike mainnet (api.everstrike.io)'],
    ['https://api.everstrike.com', 'the Everstrike mainnet (api.everstrike.com)'],
    ['https://api.everstrike.com.', 'api.everstrike.com., which is not the Everstrike testnet'],
    ['https://exchange.example:8443', 'exchange.example:8443, which is not the Everstrike testnet'],
    ['https://api.testnet.everstrike.io.evil.example', 'which is not the Everstrike testnet'],
  ])('refuses %s unless real funds are asked for deliberately', (url, named) => {
    expect(() => resolveEverstrikeTarget({ EVERSTRIKE_API_URL: url })).toThrow(named);
    expect(() => resolveEverstrikeTarget({ EVERSTRIKE_API_URL: url })).toThrow(/EVERSTRIKE_ALLOW_MAINNET=yes/);
    expect(() => resolveEverstrikeTarget({ EVERSTRIKE_API_URL: url, EVERSTRIKE_ALLOW_MAINNET: 'true' })).toThrow(ConfigError);
  });

  it.each([
    ['https://api.everstrike.io', 'api.everstrike.io'],
    ['https://api.everstrike.com', 'api.everstrike.com'],
    ['https://exchange.example:8443', 'exchange.example:8443'],
  ])('with EVERSTRIKE_ALLOW_MAINNET=yes, %s is MAINNET, named by its host', (url, host) => {
    expect(resolveEverstrikeTarget({ EVERSTRIKE_API_URL: url, EVERSTRIKE_ALLOW_MAINNET: 'yes' })).toEqual({
      url: new URL(url).origin,
      environment: 'mainnet',
      label: `MAINNET: real funds — ${host}`,
    });
  });

  it.each([
    ['not a url', /not a URL/],
    ['ftp://api.testnet.everstrike.io', /http\(s\)/],
    ['https://api.testnet.everstrike.io/v1', /origin only/],
    ['https://user:pw@api.testnet.everstrike.io', /origin only/],
    ['http://api.testnet.everstrike.io', /must use https/],
    ['http://192.168.1.10:8787', /must use https/],
  ])('refuses %j with a ConfigError', (value, message) => {
    expect(() => resolveEverstrikeTarget({ EVERSTRIKE_API_URL: value })).toThrow(message);
    expect(() => resolveEverstrikeTarget({ EVERSTRIKE_API_URL: value })).toThrow(ConfigError);
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])('%s stays on this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.com', '127.0.0.1.example.com'])('%s does not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
