import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { HealthResponse } from '../sync/protocol';
import { closeUnusedSocketsOnClose } from './http/closeSockets';
import { registerCompression } from './http/compression';
import { registerJsonBodyParser } from './http/jsonBody';
import { registerSecurityHeaders } from './http/securityHeaders';
import { timeoutOptions, type ServerTimeouts } from './http/timeouts';
import { registerStaticApp } from './http/staticApp';
import { currentSchemaVersion } from './migrations/migrate';
import { registerAuthRoutes } from './auth/routes';
import { registerReplicationRoutes } from './replication/routes';
import { registerReportRoutes } from './reports/routes';
import { registerLearnerRoutes } from './learners/routes';
import { localChangeFeed, type ChangeFeed } from './live/changeFeed';
import { registerStreamRoute } from './live/streamRoute';
import type { Store } from './store/store';

export interface AppOptions {
  store: Store;
  /** How committed changes reach live streams; in-process unless several servers share PostgreSQL. */
  feed?: ChangeFeed;
  /** The built app to serve; omitted in API-only tests. */
  staticDir?: string;
  logger?: boolean | { level: string };
  /** Largest request body accepted; a bigger push is refused with 413 before it is read. */
  bodyLimit?: number;
  /** Which proxies' X-Forwarded-For to believe for the client's address (config TRUST_PROXY); none by default. */
  trustProxy?: boolean | string[];
  /** How long a client may take (src/server/http/timeouts.ts); tests shorten them. */
  timeouts?: Partial<ServerTimeouts>;
}

/** The HTTP server without listening: tests call inject() on it, main.ts listens. */
export async function buildApp({
  store,
  feed = localChangeFeed(),
  staticDir,
  logger = false,
  bodyLimit = 2 * 1024 * 1024,
  timeouts,
  trustProxy = false,
}: AppOptions): Promise<FastifyInstance> {
  // Per-request lines would drown the log of a busy sync server; errors are still logged.
  const app = Fastify({
    logger,
    bodyLimit,
    ...timeoutOptions(timeouts),
    trustProxy,
    logController: new LogController({ disableRequestLogging: true }),
  });
  registerSecurityHeaders(app);
  registerJsonBodyParser(app);
  await registerCompression(app);

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    const code =
      status === 413 ? 'payload_too_large' : status === 500 ? 'internal' : (error.code ?? 'bad_request').toLowerCase();
    return reply
      .code(status)
      .send({ error: code, message: status === 500 ? 'Something went wrong on the server' : error.message });
  });

  app.get('/api/health', async (): Promise<HealthResponse> => ({
    status: 'ok',
    database: store.kind,
    schemaVersion: await currentSchemaVersion(store),
  }));
  registerAuthRoutes(app, store, feed);
  registerReplicationRoutes(app, store, feed);
  registerReportRoutes(app, store);
  registerLearnerRoutes(app, store, feed);
  registerStreamRoute(app, store, feed);
  closeUnusedSocketsOnClose(app);
  app.addHook('onClose', async () => feed.close());

  const servesApp = staticDir ? await registerStaticApp(app, staticDir) : false;
  if (!servesApp) {
    app.setNotFoundHandler(async (request, reply) =>
      reply.code(404).send({ error: 'not_found', message: `No such resource: ${request.method} ${request.url}` }),
    );
  }
  return app;
}
