import type { Server } from 'node:http';
import type { FastifyHttpOptions } from 'fastify';

/**
 * How long the server waits for a client, so that a body that never completes (or a client that trickles one byte a
 * minute) cannot hold a connection open forever. Fastify disables every one of these by default.
 */
export interface ServerTimeouts {
  /** A socket with no traffic either way for this long is closed. Longer than twice the live stream's 25 s heartbeat,
   *  so an idle stream is never cut; a stalled request body is. */
  idleMs: number;
  /** The whole request, headers and body, must arrive within this; a 2 MiB push needs ~300 kbit/s. It ends at the
   *  last byte of the request, so a live stream (a GET that the server answers for hours) is not touched by it. */
  requestMs: number;
  /** A kept-alive connection waits this long for its next request: longer than the 60 s idle time of common load
   *  balancers, so they close first and never send a request on a connection the server is closing. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { idleMs: 60_000, requestMs: 60_000, keepAliveMs: 72_000 };

export function timeoutOptions(overrides: Partial<ServerTimeouts> = {}): FastifyHttpOptions<Server> {
  const t = { ...DEFAULT_TIMEOUTS, ...overrides };
  return {
    connectionTimeout: t.idleMs,
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    http: {
      // Node checks the request timeout only this often (30 s unless told): close a stalled request within ~10 %.
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.round(t.requestMs / 10))),
      // Headers come first and are small: never more time for them than for the whole request.
      headersTimeout: Math.min(t.requestMs, 30_000),
    },
  };
}
