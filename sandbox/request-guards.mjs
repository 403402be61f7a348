// @ts-check
/**
 * Who may talk to the sandbox. A page on another site can make a browser reach it by DNS rebinding (its own name
 * resolving to 127.0.0.1, sent as Host) or send it simple cross-site requests (a form, an image, a text/plain
 * fetch). So: only a loopback name on the port the connection came to, or a name in SANDBOX_PUBLIC_HOSTS, is the
 * sandbox (421 otherwise); the control endpoints and the mailbox's links refuse what the browser marks as sent
 * by another site; and a control POST must be JSON, which no page of another origin can send without asking
 * first (the sandbox never answers such a CORS preflight).
 */

/** The loopback names, as they appear in a Host header. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** A canonical host name or address, with an optional port. */
const HOST_SHAPE = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * Reads a comma-separated list of host names (`sandbox.lan`, `sandbox.lan:8787`, `192.168.1.5:8787`), each as a
 * browser sends it in Host.
 * @param {string | undefined} text
 * @param {string} variable The setting's name, for the message.
 * @returns {{ hosts: string[] } | { error: string }}
 */
export function parseHostList(text, variable) {
  if (text === undefined || text.trim() === '') return { hosts: [] };
  /** @type {string[]} */
  const hosts = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim().toLowerCase();
    let canonical = '';
    try {
      canonical = new URL(`http://${entry}`).host;
    } catch {
      canonical = '';
    }
    if (!HOST_SHAPE.test(entry) || canonical !== entry) {
      return { error: `${variable} must list host names like sandbox.lan or sandbox.lan:8787, got "${raw.trim()}".` };
    }
    hosts.push(entry);
  }
  return { hosts };
}

/**
 * The sandbox's own origin for a request, when its Host is one of the sandbox's names; undefined otherwise.
 * @param {string | undefined} host The Host header.
 * @param {number | undefined} localPort The port the connection came to.
 * @param {readonly string[]} publicHosts
 * @returns {string | undefined}
 */
export function ownOrigin(host, localPort, publicHosts) {
  if (host === undefined || host === '') return undefined;
  const lower = host.toLowerCase();
  if (publicHosts.includes(lower)) return new URL(`http://${lower}`).origin;
  const match = /^(.*?)(?::(\d{1,5}))?$/.exec(lower);
  const name = match?.[1] ?? '';
  const port = match?.[2] === undefined ? 80 : Number(match[2]);
  if (!LOOPBACK_NAMES.includes(name) || port !== localPort) return undefined;
  return new URL(`http://${lower}`).origin;
}

/**
 * True when the browser says another site made it send the request: `Sec-Fetch-Site: cross-site` or `same-site`
 * (the app on another port of this machine is same-site), or an `Origin` that is not the sandbox's own.
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {string | undefined} own The request's own origin (see ownOrigin).
 * @returns {boolean}
 */
export function sentByAnotherSite(headers, own) {
  const site = String(headers['sec-fetch-site'] ?? '').trim().toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return true;
  return headers.origin !== undefined && headers.origin !== own;
}

/**
 * True for a JSON body's media type (`application/json`, with or without parameters).
 * @param {string | undefined} contentType
 * @returns {boolean}
 */
export function isJsonMediaType(contentType) {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}
