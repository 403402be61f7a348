/**
 * The names this server answers to, and what a request's own origin is. A page on another site can make a
 * browser talk to this server by DNS rebinding (its own name, resolving to 127.0.0.1): the browser then sends
 * that name as Host. So a request counts as the app's only when its Host is a loopback name on the port the
 * connection arrived on (plain http, on this machine) or one of the names listed in PUBLIC_HOSTS (served to
 * others through an https front, which must pass the browser's Host on). Everything else gets 421.
 */
import { ConfigError } from './exchange-target.ts';

/** The loopback names a browser on this machine uses for the app (as they appear in a Host header). */
export const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** A canonical host name or address, with an optional port: what a browser sends as Host. */
const HOST_SHAPE = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * Reads a comma-separated list of host names (`withdraw.example.com`, `withdraw.example.com:8443`), each
 * exactly as the browser will send it in Host (lower case, no scheme, no path, no default port 443).
 * A bad entry is a ConfigError naming the variable and the entry.
 */
export function parsePublicHosts(text: string | undefined, variable = 'PUBLIC_HOSTS'): string[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((raw) => {
    const entry = raw.trim().toLowerCase();
    const bad = (why: string) => new ConfigError(`${variable} must list host names like withdraw.example.com or withdraw.example.com:8443: "${raw.trim()}" ${why}`);
    if (entry === '') throw bad('is empty (two commas in a row?)');
    if (entry.includes('://') || entry.includes('/')) throw bad('has a scheme or a path');
    if (!HOST_SHAPE.test(entry)) throw bad('is not a host name with an optional port');
    let parsed: URL;
    try {
      parsed = new URL(`https://${entry}`);
    } catch {
      throw bad('is not a host name');
    }
    if (parsed.host !== entry) throw bad(`is written differently by browsers (as ${parsed.host})`);
    return entry;
  });
}

/** Splits a Host header value into its lower-case name and its port (undefined when it names none). */
function splitHost(host: string): { name: string; port: number | undefined } {
  const match = /^(.*?)(?::(\d{1,5}))?$/.exec(host.toLowerCase());
  const name = match?.[1] ?? '';
  const port = match?.[2];
  return { name, port: port === undefined ? undefined : Number(port) };
}

/**
 * The origin a request to this server came from, when its Host is one of the server's names: `http://` and
 * the Host for a loopback name on `localPort` (the port the connection arrived on), `https://` and the Host
 * for a name in `publicHosts`. Undefined for any other Host (or none).
 */
export function ownOrigin(host: string | undefined, localPort: number | undefined, publicHosts: readonly string[]): string | undefined {
  if (host === undefined || host === '') return undefined;
  const lower = host.toLowerCase();
  if (publicHosts.includes(lower)) return new URL(`https://${lower}`).origin;
  const { name, port } = splitHost(lower);
  if (!LOOPBACK_NAMES.includes(name) || (port ?? 80) !== localPort) return undefined;
  return new URL(`http://${lower}`).origin;
}
