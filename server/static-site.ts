/**
 * The built app (`dist/`) as the production server serves it: only files the build wrote (the route set is
 * taken from `dist/` at start, so nothing outside it, no source module and no source map can be asked for),
 * precompressed `.br`/`.gz` siblings when the browser accepts them, strict security headers on everything,
 * `index.html` revalidated on each visit and hashed assets cached for good.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fastifyStatic } from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answersLikeApi, sendPageAnswer, statusOf } from './error-answers.ts';
import { logPath } from './logger.ts';
import { inlineStyleHashes } from './inline-styles.ts';
import { cacheControlFor, pageSecurityHeaders } from './security-headers.ts';

export interface StaticSiteOptions {
  /** Absolute path of the built app. */
  distDir: string;
}

/**
 * The pages and files are only read: any other method outside /api is 405, before a byte of a body is read
 * or parsed (a root hook, so that it also holds for paths that do not exist).
 */
export async function refuseOtherMethods(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD' || answersLikeApi(request.raw.url)) return undefined;
  reply.header('allow', 'GET, HEAD').header('connection', 'close');
  sendPageAnswer(reply, 405);
  return reply;
}

/** Registers the static side; register it encapsulated (`app.register(staticSite, { distDir })`). */
export async function staticSite(app: FastifyInstance, { distDir }: StaticSiteOptions): Promise<void> {
  // The build's inline stylesheet is allowed by its hash, read once from the index.html being served.
  const index = join(distDir, 'index.html');
  const headers = pageSecurityHeaders('production', existsSync(index) ? inlineStyleHashes(readFileSync(index, 'utf8')) : []);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });

  // A refusal of @fastify/static (403 for a path it will not resolve, 404) is a plain answer; only a
  // failure to read a file is logged.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = statusOf(error);
    if (status >= 500) request.log.error(`serving ${logPath(request.raw.url)} failed: ${error.message}`);
    sendPageAnswer(reply, status);
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
