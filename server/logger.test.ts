import { fastify } from 'fastify';
import { describe, expect, it } from 'vitest';
import { formatLogLine, logPath, terseLogger } from './logger.ts';

describe('formatLogLine', () => {
  it('prints the time and the message only', () => {
    const time = new Date(2026, 10, 25, 19, 5, 3).getTime();
    expect(formatLogLine(JSON.stringify({ level: 30, time, msg: 'GET /api/time 200 3 ms', reqId: 'x' }))).toBe('19:05:03 GET /api/time 200 3 ms');
  });

  it("marks warnings and appends an error's message, never its stack", () => {
    const line = formatLogLine(JSON.stringify({ level: 50, time: 0, msg: 'failed', err: { message: 'boom', stack: 'Error: boom\n    at x' } }));
    expect(line).toMatch(/^\d\d:\d\d:\d\d error: failed: boom$/);
  });

  it('keeps control characters out of the terminal', () => {
    expect(formatLogLine(JSON.stringify({ level: 30, time: 0, msg: 'GET /\u001b[2J 404 1 ms' }))).toContain('GET /?[2J 404');
  });
});

describe('terseLogger', () => {
  it('redacts headers and bodies before anything is written, should a log call ever include them', () => {
    const written: string[] = [];
    const app = fastify({ logger: { ...terseLogger(), stream: { write: (json: string) => written.push(json) } } });
    app.log.info({ headers: { 'x-api-key': 'KEY' }, body: 'SECRET', req: { headers: { cookie: 'COOKIE' } } }, 'request');
    expect(written).toHaveLength(1);
    expect(written[0]).not.toMatch(/KEY|SECRET|COOKIE/);
  });

  it('writes information to stdout and warnings to stderr', () => {
    const out: string[] = [];
    const err: string[] = [];
    const app = fastify({ logger: terseLogger({ out: (line) => out.push(line), err: (line) => err.push(line) }) });
    app.log.info('hello');
    app.log.warn('careful');
    expect(out).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d hello$/)]);
    expect(err).toEqual([expect.stringMatching(/warning: careful$/)]);
  });
});

describe('logPath', () => {
  it('drops the query string', () => {
    expect(logPath('/api/time?key=value')).toBe('/api/time');
  });
});
