/**
 * The built app (`dist/`) as the production server serves it: only files the build wrote (the route set is
 * taken from `dist/` at start, so nothing outside it, no source module and no source map can be asked for),
 * precompressed `.br`/`.gz` siblings when the browser accepts them, strict security headers on everything,
 * `index.html` revalidated on each visit and hashed assets cached for good.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { fastifyStatic } from '@fastify/static';
import { logPath } from './logger.ts';
import { cacheControlFor, pageSecurityHeaders } from './security-headers.ts';

export interface StaticSiteOptions {
  /** Absolute path of the built app. */
  distDir: string;
}

/** Registers the static side; register it encapsulated (`app.register(staticSite, { distDir })`). */
export async function staticSite(app: FastifyInstance, { distDir }: StaticSiteOptions): Promise<void> {
  const headers = pageSecurityHeaders('production');
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });

  const sendPlain = (reply: FastifyReply, status: number, text: string) => {
    reply.code(status).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(`${text}\n`);
  };
  app.setNotFoundHandler((_request, reply) => sendPlain(reply, 404, 'Not found'));
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error.statusCode === 403 || error.statusCode === 404) {
      sendPlain(reply, error.statusCode, error.statusCode === 403 ? 'Forbidden' : 'Not found');
      return;
    }
    request.log.error(`serving ${logPath(request.raw.url)} failed: ${error.message}`);
    sendPlain(reply, 500, 'Server error');
  });

  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    globIgnore: ['**/*.map', '**/*.br', '**/*.gz'],
    allowedPath: (pathname) => !pathname.endsWith('.map'),
    preCompressed: true,
    index: ['index.html'],
    dotfiles: 'ignore',
    serveDotFiles: false,
    redirect: false,
    cacheControl: false,
    setHeaders: (reply) => {
      reply.header('cache-control', cacheControlFor(logPath(reply.request.raw.url)));
    },
  });
}
