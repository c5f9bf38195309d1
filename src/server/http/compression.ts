import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { AUTH_PREFIX } from '../../sync/protocol/auth';

/**
 * The API's JSON answers are compressed for whoever asks (every browser does): a first sync on a rural connection
 * moves a school's records as pull pages of up to 500 documents, which brotli shrinks several times over (the sync
 * bench prints the ratio). Only JSON: the app's own files are served precompressed (staticApp.ts). The live stream
 * writes to its socket itself (live/streamRoute.ts), past this hook: an event must reach the device when it happens,
 * not when a compressor's buffer fills.
 * Brotli at quality 1: on a page of 500 consultations (260 KB of JSON) it gave the same 45 KB as the plugin's
 * default quality 4 in 0.7 ms instead of 1.7 ms of server CPU. Gzip where brotli is not asked for; small answers go
 * as they are.
 *
 * Answers that carry credentials (sign-in and refresh return tokens) are never compressed: a compressed secret beside
 * text someone else chose leaks through the answer's size (BREACH). This hook runs before the plugin's own.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(AUTH_PREFIX)) route.compress = false;
  });
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    customTypes: /^application\/json\b/,
    threshold: 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
  });
}
