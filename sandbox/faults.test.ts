/** The fault queue and its specification parser, without HTTP: validation, `times`, `probability`. */
import { describe, expect, it } from 'vitest';
import { createFaultQueue, parseFault } from './faults.mjs';
import type { Fault } from './types.mjs';

function fault(spec: Record<string, unknown>): Fault {
  const parsed = parseFault(JSON.stringify(spec));
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.fault;
}

describe('parseFault', () => {
  it('fills the defaults: one 503 envelope for the next withdrawal, always', () => {
    expect(parseFault('')).toEqual({
      fault: {
        path: '/auth/withdraw',
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ code: 503, msg: 'Service temporarily unavailable', result: {} }),
        delayMs: 0,
        drop: false,
        passThrough: false,
        probability: 1,
        remaining: 1,
      },
    });
  });

  it.each([
    [{ probability: -0.1 }, 'probability must be a number from 0 to 1'],
    [{ probability: 1.01 }, 'probability must be a number from 0 to 1'],
    [{ probability: null }, 'probability must be a number from 0 to 1'],
    [{ times: 1.5 }, 'times must be a positive integer'],
    [{ path: '/mailbox/confirm/x' }, 'path must be a string starting with "/", outside /__sandbox and /mailbox'],
    [
      { chance: 0.1 },
      'Unknown fault option(s): chance; expected path, status, contentType, body, delayMs, drop, passThrough, probability, times',
    ],
    [[1], 'Body must be a JSON object'],
  ])('refuses %j', (spec, error) => {
    expect(parseFault(JSON.stringify(spec))).toEqual({ error });
  });

  it('accepts the load script’s "10% of connections reset" fault', () => {
    expect(fault({ path: '/auth/withdraw', drop: true, probability: 0.1, times: 1_000_000 })).toMatchObject({
      drop: true,
      probability: 0.1,
      remaining: 1_000_000,
    });
  });
});

describe('createFaultQueue', () => {
  it('applies the first fault for a path `times` times, then none; other paths are untouched', () => {
    const queue = createFaultQueue({ random: () => 0 });
    const first = fault({ path: '/ping', status: 500, times: 2 });
    queue.add(first);
    queue.add(fault({ path: '/ping', status: 502 }));
    expect(queue.take('/time')).toBeUndefined();
    expect([queue.take('/ping'), queue.take('/ping')]).toEqual([first, first]);
    expect(queue.take('/ping')?.status).toBe(502);
    expect(queue.take('/ping')).toBeUndefined();
  });

  it('draws once per matching request when probability < 1; a miss does not use the fault up', () => {
    const draws = [0.3, 0.2, 0.9, 0.1];
    const queue = createFaultQueue({ random: () => draws.shift() ?? Number.NaN });
    queue.add(fault({ path: '/ping', probability: 0.25, times: 2 }));
    expect(queue.take('/time')).toBeUndefined(); // no draw for a path without a fault
    expect(queue.take('/ping')).toBeUndefined(); // 0.3
    expect(queue.take('/ping')).toBeDefined(); // 0.2
    expect(queue.take('/ping')).toBeUndefined(); // 0.9
    expect(queue.take('/ping')).toBeDefined(); // 0.1, the second and last use
    expect(queue.take('/ping')).toBeUndefined();
    expect(draws).toEqual([]);
  });

  it('never draws for probability 1 and never applies probability 0', () => {
    let drawn = 0;
    const queue = createFaultQueue({
      random: () => {
        drawn += 1;
        return 0;
      },
    });
    queue.add(fault({ path: '/ping' }));
    expect(queue.take('/ping')).toBeDefined();
    expect(drawn).toBe(0);
    queue.add(fault({ path: '/ping', probability: 0 }));
    expect(queue.take('/ping')).toBeUndefined();
    expect(drawn).toBe(1);
    queue.clear();
    queue.add(fault({ path: '/time' }));
    queue.clear();
    expect(queue.take('/time')).toBeUndefined();
  });
});
