import { describe, expect, it } from 'vitest';
import { readServerConfig } from './config.ts';
import { ConfigError } from './exchange-target.ts';

describe('readServerConfig', () => {
  it('listens on 127.0.0.1:5173 and targets the testnet by default, without warnings', () => {
    expect(readServerConfig({})).toMatchObject({ host: '127.0.0.1', port: 5173, target: { environment: 'testnet' }, warnings: [] });
  });

  it('takes HOST and PORT', () => {
    expect(readServerConfig({ HOST: 'localhost', PORT: '6000' })).toMatchObject({ host: 'localhost', port: 6000, warnings: [] });
    expect(readServerConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each(['abc', '-1', '65536', '80.5', '1e3'])('refuses PORT=%s with a ConfigError', (port) => {
    expect(() => readServerConfig({ PORT: port })).toThrow(ConfigError);
  });

  it('reads PUBLIC_HOSTS, and refuses a bad entry with a ConfigError', () => {
    expect(readServerConfig({}).publicHosts).toEqual([]);
    expect(readServerConfig({ PUBLIC_HOSTS: 'withdraw.example.com, ops.example.com:8443' }).publicHosts).toEqual([
      'withdraw.example.com',
      'ops.example.com:8443',
    ]);
    expect(() => readServerConfig({ PUBLIC_HOSTS: 'https://withdraw.example.com' })).toThrow(ConfigError);
  });

  it('says that names beyond loopback get 421 until PUBLIC_HOSTS lists them', () => {
    expect(readServerConfig({ HOST: '0.0.0.0' }).warnings[0]).toContain('PUBLIC_HOSTS');
    expect(readServerConfig({ HOST: '0.0.0.0', PUBLIC_HOSTS: 'withdraw.example.com' }).warnings[0]).not.toContain('421');
  });

  it.each(['0.0.0.0', '::', '192.168.1.10'])('warns that HOST=%s exposes the app and needs https', (host) => {
    const [warning, ...rest] = readServerConfig({ HOST: host }).warnings;
    expect(rest).toEqual([]);
    expect(warning).toContain(`HOST=${host}`);
    expect(warning).toContain('https');
    expect(warning).toContain('/api');
  });
});
