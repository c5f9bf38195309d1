import type { FastifyInstance } from 'fastify';
import { isStorableText } from '../../domain';

/**
 * The deepest nesting any request of the API needs is under ten levels (a push row, its plan, the plan's history
 * entries); beyond this a body is refused before it is parsed, so no parser or validator recurses thousands deep.
 */
export const MAX_JSON_DEPTH = 64;

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/**
 * Why this JSON text must be refused, or null: nesting deeper than `maxDepth`, or a NUL character or a lone
 * surrogate in any string — keys and ids included, written raw or as a \u escape. PostgreSQL cannot store either
 * in jsonb, and neither is text a person meant to write. One pass over the text, without parsing it; anything
 * else that is not JSON is left to the JSON parser to refuse.
 */
export function jsonTextProblem(text: string, maxDepth = MAX_JSON_DEPTH): string | null {
  let depth = 0;
  let inString = false;
  let pendingHigh = false;
  for (let i = 0; i < text.length; i++) {
    let unit = text.charCodeAt(i);
    if (!inString) {
      if (unit === 0x22) inString = true;
      else if (unit === 0x7b || unit === 0x5b) {
        if (++depth > maxDepth) return `nested deeper than ${maxDepth} levels`;
      } else if (unit === 0x7d || unit === 0x5d) depth--;
      continue;
    }
    if (unit === 0x22) {
      if (pendingHigh) return `a lone surrogate in a string (before character ${i})`;
      inString = false;
      continue;
    }
    if (unit === 0x5c) {
      const escaped = text.charCodeAt(i + 1);
      if (escaped !== 0x75) {
        i++;
        if (pendingHigh) return `a lone surrogate in a string (character ${i})`;
        continue;
      }
      const hex = text.slice(i + 2, i + 6);
      if (!HEX4.test(hex)) return null; // not JSON: the parser says so
      unit = parseInt(hex, 16);
      i += 5;
    }
    if (unit === 0) return `a NUL character (\\u0000) in a string (character ${i})`;
    if (pendingHigh) {
      pendingHigh = false;
      if (isLow(unit)) continue;
      return `a lone surrogate in a string (character ${i})`;
    }
    if (isHigh(unit)) pendingHigh = true;
    else if (isLow(unit)) return `a lone surrogate in a string (character ${i})`;
  }
  return null;
}

const badRequest = (message: string) =>
  Object.assign(new Error(`The request body was refused: ${message}`), { statusCode: 400, code: 'MALFORMED_JSON' });

/**
 * Every JSON body of the server goes through jsonTextProblem before any handler runs, then through Fastify's own
 * parser (which keeps refusing __proto__ and constructor keys). Path parameters and query values get the same
 * test for what a URL can carry (%00): every malformed request is a 400 with a reason, never a 500.
 */
export function registerJsonBodyParser(app: FastifyInstance, maxDepth = MAX_JSON_DEPTH): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const problem = jsonTextProblem(String(body), maxDepth);
    if (problem) {
      done(badRequest(problem), undefined);
      return;
    }
    parseJson(request, String(body), done);
  });
  app.addHook('onRequest', async (request, reply) => {
    const values = [
      ...Object.values((request.params ?? {}) as Record<string, unknown>),
      ...Object.entries((request.query ?? {}) as Record<string, unknown>).flat(),
    ].flat();
    if (values.some((v) => typeof v === 'string' && !isStorableText(v))) {
      return reply.code(400).send({
        error: 'malformed_url',
        message: 'The address holds a NUL character or a broken character',
      });
    }
    return undefined;
  });
}
