import type { FastifyInstance } from 'fastify';
import { readsNationalReports } from '../../domain';
import { NATIONAL_REPORT_PATH, nationalReportQuerySchema, type NationalReportResponse } from '../../sync/protocol';
import { requireUser } from '../auth/authenticate';
import type { Store } from '../store/store';
import { nationalReport } from './nationalReport';

/**
 * The reports area of the server (issue 11): the state's semester report, for the national coordinator and the
 * administrator (domain/access readsNationalReports). Anyone else is refused with 403 — a municipal coordinator's
 * own report is computed on their device from their own data, and another municipality's figures are not theirs.
 * The query is checked before anything is read, so a hostile one is a 400, never a 5xx.
 */
export function registerReportRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: Record<string, unknown> }>(NATIONAL_REPORT_PATH, async (request, reply) => {
    const actor = await requireUser(store, request, reply);
    if (!actor) return reply;
    if (!readsNationalReports(actor.roles)) {
      return reply.code(403).send({ error: 'forbidden', message: 'Only the national coordinator reads this report' });
    }
    const query = nationalReportQuerySchema.safeParse(request.query);
    if (!query.success) {
      return reply
        .code(400)
        .send({ error: 'invalid_query', message: 'schoolYear must be like 2020/2021 and semester 1 or 2' });
    }
    // One snapshot: every row read as of the same moment, so no figure mixes two states of the data.
    const figures = await store.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return nationalReport(tx, query.data);
    });
    const response: NationalReportResponse = { generatedAt: new Date().toISOString(), ...figures };
    return reply.header('cache-control', 'no-store').send(response);
  });
}
