// @ts-check
/**
 * Fault injection for tests and load runs: a queue of faults, each for one path, that make the sandbox answer
 * with a chosen status/body, wait, drop the connection, or process the request and then drop it. A fault applies
 * to a matching request with its `probability` (drawn from an injectable random source, so tests are
 * deterministic) and is used up after `times` applications.
 */

/** @typedef {import('./types.mjs').Fault} Fault */

const DEFAULT_FAULT_BODY = JSON.stringify({ code: 503, msg: 'Service temporarily unavailable', result: {} });
const FAULT_KEYS = ['path', 'status', 'contentType', 'body', 'delayMs', 'drop', 'passThrough', 'probability', 'times'];
/** Paths that are not the exchange's and never take faults. */
const NOT_FAULTABLE = /^\/(?:__sandbox|mailbox)(?:\/|$)/;

/**
 * Validates the JSON body of `POST /__sandbox/fault`.
 * @param {string} text
 * @returns {{ fault: Fault } | { error: string }}
 */
export function parseFault(text) {
  /** @type {unknown} */
  let input;
  try {
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { error: 'Body must be JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { error: 'Body must be a JSON object' };
  }
  /** @type {Record<string, unknown>} */
  const spec = { ...input };
  const unknownKeys = Object.keys(spec).filter((key) => !FAULT_KEYS.includes(key));
  if (unknownKeys.length > 0) {
    return { error: `Unknown fault option(s): ${unknownKeys.join(', ')}; expected ${FAULT_KEYS.join(', ')}` };
  }
  const { path = '/auth/withdraw', status = 503, contentType = 'application/json', body = DEFAULT_FAULT_BODY } = spec;
  const { delayMs = 0, drop = false, passThrough = false, probability = 1, times = 1 } = spec;
  if (typeof path !== 'string' || !path.startsWith('/') || NOT_FAULTABLE.test(path)) {
    return { error: 'path must be a string starting with "/", outside /__sandbox and /mailbox' };
  }
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    return { error: 'status must be an integer from 200 to 599' };
  }
  if (typeof contentType !== 'string') return { error: 'contentType must be a string' };
  if (typeof body !== 'string') return { error: 'body must be a string' };
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > 600_000) {
    return { error: 'delayMs must be a number from 0 to 600000' };
  }
  if (typeof drop !== 'boolean') return { error: 'drop must be a boolean' };
  if (typeof passThrough !== 'boolean') return { error: 'passThrough must be a boolean' };
  if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
    return { error: 'probability must be a number from 0 to 1' };
  }
  if (typeof times !== 'number' || !Number.isSafeInteger(times) || times < 1) {
    return { error: 'times must be a positive integer' };
  }
  return { fault: { path, status, contentType, body, delayMs, drop, passThrough, probability, remaining: times } };
}

/**
 * @param {{ random: () => number }} options `random` returns numbers in [0, 1).
 */
export function createFaultQueue({ random }) {
  /** @type {Fault[]} */
  let faults = [];

  return {
    /** @param {Fault} fault */
    add(fault) {
      faults.push(fault);
    },

    clear() {
      faults = [];
    },

    /**
     * Whether a fault applies to this request: the first queued fault for the path applies with its probability
     * (a miss leaves it queued and unused); each application uses up one of its `times`.
     * @param {string} path
     * @returns {Fault | undefined}
     */
    take(path) {
      const index = faults.findIndex((fault) => fault.path === path);
      const fault = faults[index];
      if (fault === undefined) return undefined;
      if (fault.probability < 1 && !(random() < fault.probability)) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.splice(index, 1);
      return fault;
    },
  };
}

/** @typedef {ReturnType<typeof createFaultQueue>} FaultQueue */
