import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Files a browser must revalidate every time, or an update would never reach installed apps. */
const REVALIDATE = new Set(['/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']);

/**
 * Serves the built app. Hashed assets are immutable; the shell files are revalidated; any other navigation gets
 * index.html so deep links work on a first visit (afterwards the service worker answers them).
 */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<boolean> {
  if (!existsSync(join(staticDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: staticDir,
    wildcard: false,
    cacheControl: false,
    index: ['index.html'],
    // The build's brotli and gzip siblings, chosen by Accept-Encoding, with Vary (issue 13.11).
    preCompressed: true,
    setHeaders(res, path) {
      // A compressed sibling is cached as the file it stands for.
      const url =
        '/' +
        path
          .slice(staticDir.length)
          .replace(/^\/+/, '')
          .replace(/\.(br|gz)$/, '');
      // The same URL answers differently by Accept-Encoding: caches in between must keep the variants apart.
      res.setHeader('Vary', 'Accept-Encoding');
      if (REVALIDATE.has(url) || url === '/') res.setHeader('Cache-Control', 'no-cache');
      else if (url.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'public, max-age=3600');
    },
  });
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') && (request.headers.accept ?? '').includes('text/html');
    if (!request.url.startsWith('/api/') && wantsPage) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'not_found', message: `No such resource: ${request.method} ${request.url}` });
  });
  return true;
}
