/**
 * Starts the proxy the two ways a person gets it, for tests that must hold for both: the production server
 * (buildApp + listen) and Vite's dev server with the dev plugin. Both run the same Fastify plugin.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { buildApp, type AppOptions } from '../app.ts';
import { resolveEverstrikeTarget } from '../exchange-target.ts';
import { terseLogger } from '../logger.ts';
import { everstrikeDevProxy } from '../vite/dev-proxy-plugin.ts';

export interface RunningApp {
  url: string;
  port: number;
  /** The server's log lines, as a person would read them. */
  logs: string[];
  close: () => Promise<void>;
}

export type Limits = Pick<
  AppOptions,
  'upstreamTimeoutMs' | 'requestBodyBytes' | 'upstreamAnswerBytes' | 'clientTimeoutMs' | 'distDir' | 'publicHosts' | 'maxConnections' | 'keepAliveTimeoutMs'
>;

export interface Harness {
  name: string;
  start: (upstreamUrl: string, limits?: Limits) => Promise<RunningApp>;
}

function capture(logs: string[]) {
  return terseLogger({ out: (line) => logs.push(line), err: (line) => logs.push(line) });
}

export const productionServer: Harness = {
  name: 'the production server',
  async start(upstreamUrl, limits = {}) {
    const logs: string[] = [];
    const target = resolveEverstrikeTarget({ EVERSTRIKE_API_URL: upstreamUrl });
    const app = await buildApp({ ...limits, target, logger: capture(logs) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, port, logs, close: () => app.close() };
  },
};

export const viteDevServer: Harness = {
  name: "Vite's dev server",
  async start(upstreamUrl, limits = {}) {
    const logs: string[] = [];
    const target = resolveEverstrikeTarget({ EVERSTRIKE_API_URL: upstreamUrl });
    const server = await createServer({
      configFile: false,
      root: fileURLToPath(new URL('.', import.meta.url)),
      logLevel: 'silent',
      appType: 'custom',
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [everstrikeDevProxy(target, { ...limits, logger: capture(logs) })],
      // As vite.config.ts does: Vite's host check is the dev server's Host rule, PUBLIC_HOSTS added to it.
      server: { host: '127.0.0.1', port: 0, hmr: false, ws: false, cors: false, allowedHosts: (limits.publicHosts ?? []).map((host) => host.replace(/:\d+$/, '')) },
    });
    await server.listen();
    const { port } = server.httpServer?.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, port, logs, close: () => server.close() };
  },
};
