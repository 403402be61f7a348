/**
 * `npm run dev`: Vite's dev server hands the page's `/api/*` and target-description requests to the very
 * Fastify application the production server runs (built without the static side), through Fastify's
 * `routing(req, res)`. There is no second copy of the proxy rules (the Origin rule included), and Vite's
 * own `server.proxy` is unused. The Host rule is Vite's here: it answers other names with 403 itself.
 */
import { Server as HttpServer } from 'node:http';
import type { Plugin } from 'vite';
import { API_PREFIX, TARGET_INFO_PATH, type ExchangeTarget } from '../../src/config/proxy-contract.ts';
import { buildApp, type AppOptions } from '../app.ts';
import { PROXY_LIMITS } from '../proxy-rules.ts';

/** True for the requests the proxy answers: everything under /api/ and the target description. */
export function isProxyRequest(rawUrl: string | undefined): boolean {
  const path = (rawUrl ?? '').split('?', 1)[0];
  return path === TARGET_INFO_PATH || (rawUrl ?? '').startsWith(`${API_PREFIX}/`);
}

export function everstrikeDevProxy(target: ExchangeTarget, options: Omit<AppOptions, 'target' | 'distDir' | 'checkHost'> = {}): Plugin {
  return {
    name: 'everstrike-dev-proxy',
    apply: 'serve',
    async configureServer(server) {
      // Vite's own host check (server.allowedHosts) has refused other names before a request gets here.
      const app = await buildApp({ ...options, target, checkHost: false });
      await app.ready();
      // The same slow-client limits as the production server, as far as Vite's server lets them be set:
      // Node checks them on a timer fixed when Vite created the server (every 30 s), so a slow client is
      // cut off 10 to 40 s after it started, not at 10 s sharp.
      const { httpServer } = server;
      if (httpServer instanceof HttpServer) {
        const limit = options.clientTimeoutMs ?? PROXY_LIMITS.clientTimeoutMs;
        httpServer.headersTimeout = limit;
        httpServer.requestTimeout = limit;
      }
      httpServer?.once('close', () => void app.close());
      server.middlewares.use((req, res, next) => {
        if (isProxyRequest(req.url)) app.routing(req, res);
        else next();
      });
    },
  };
}
