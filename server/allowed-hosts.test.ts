// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ownOrigin, parsePublicHosts } from './allowed-hosts.ts';
import { ConfigError } from './exchange-target.ts';

describe('parsePublicHosts', () => {
  it('reads nothing from an unset or blank value', () => {
    expect(parsePublicHosts(undefined)).toEqual([]);
    expect(parsePublicHosts('  ')).toEqual([]);
  });

  it('reads names and name:port, trimmed and in lower case, as a browser sends them in Host', () => {
    expect(parsePublicHosts(' Withdraw.Example.com , withdraw.example.com:8443,[2001:db8::1]:8443')).toEqual([
      'withdraw.example.com',
      'withdraw.example.com:8443',
      '[2001:db8::1]:8443',
    ]);
  });

  it.each([
    ['https://withdraw.example.com', 'scheme'],
    ['withdraw.example.com/app', 'path'],
    ['*.example.com', 'not a host name'],
    ['withdraw.example.com:443', 'as withdraw.example.com'],
    ['withdraw.example.com:99999', 'not a host name'],
    ['a,,b', 'empty'],
    ['exa mple.com', 'not a host name'],
    ['under_score.example', 'not a host name'],
  ])('refuses %j with a one-line ConfigError (%s)', (value, why) => {
    expect(() => parsePublicHosts(value)).toThrow(ConfigError);
    expect(() => parsePublicHosts(value)).toThrow(why);
    expect(() => parsePublicHosts(value)).toThrow(/^PUBLIC_HOSTS must list host names/);
  });

  it('names the variable it reads', () => {
    expect(() => parsePublicHosts('x/y', 'SANDBOX_PUBLIC_HOSTS')).toThrow(/^SANDBOX_PUBLIC_HOSTS /);
  });
});

describe('ownOrigin', () => {
  it.each([
    ['127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['localhost:5173', 'http://localhost:5173'],
    ['LOCALHOST:5173', 'http://localhost:5173'],
    ['[::1]:5173', 'http://[::1]:5173'],
  ])('a loopback name on the port the connection came to (%s) is this server, on http', (host, origin) => {
    expect(ownOrigin(host, 5173, [])).toBe(origin);
  });

  it('a loopback name without a port means port 80', () => {
    expect(ownOrigin('localhost', 80, [])).toBe('http://localhost');
    expect(ownOrigin('localhost', 5173, [])).toBeUndefined();
  });

  it.each(['localhost:5174', '127.0.0.2:5173', 'evil.example:5173', 'localhost.evil.example:5173', 'localhost.:5173', '', 'localhost:abc'])(
    '%j is not this server',
    (host) => {
      expect(ownOrigin(host, 5173, [])).toBeUndefined();
    },
  );

  it('a PUBLIC_HOSTS name is this server on https, exactly as listed', () => {
    const publicHosts = ['withdraw.example.com', 'other.example.com:8443'];
    expect(ownOrigin('withdraw.example.com', 5173, publicHosts)).toBe('https://withdraw.example.com');
    expect(ownOrigin('Other.Example.com:8443', 5173, publicHosts)).toBe('https://other.example.com:8443');
    expect(ownOrigin('withdraw.example.com:8443', 5173, publicHosts)).toBeUndefined();
    expect(ownOrigin('example.com', 5173, publicHosts)).toBeUndefined();
  });

  it('no Host is not this server', () => {
    expect(ownOrigin(undefined, 5173, [])).toBeUndefined();
  });
});
