import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeMeasure, saveMeasure, toggleRisk, type Measure, type SupportPlan } from '../../src/domain';
import { addLearner } from '../../src/db/learners';
import { createPlan, updatePlan } from '../../src/db/plans';
import { eventually, startSyncHarness, type SyncHarness, type TestClient } from '../fixtures/syncHarness';
import { storeFactories } from '../fixtures/stores';
import { createTestUser, type TestUser } from '../fixtures/accounts';

/**
 * Three devices edit the same draft plans — risks ticked and unticked, measures added, changed and removed, plans
 * deleted — through offline windows, lost and duplicated responses and server restarts. Afterwards every device and
 * the server hold the same plans, and nothing one device added that no device took away is missing. Lists of items
 * (risks, measures, history) are where three-way merges go wrong; the learners' property covers plain fields.
 * SYNC_SEED=<seed> SYNC_PATH=<path> reruns a failure, SYNC_RUNS=<n> runs longer (bench-size exploration).
 */
const PLANS = 2;
const RISKS = ['learning.difficulty_mastering', 'learning.missed_content', 'learning.low_achievement'] as const;
const SEMESTER = { schoolYear: '2026/2027', semester: 1 } as const;

const client = fc.nat(2);
const plan = fc.nat(PLANS - 1);
const step = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('risk' as const),
      client,
      plan,
      code: fc.constantFrom(...RISKS),
      on: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('addMeasure' as const), client, plan }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('editMeasure' as const),
      client,
      plan,
      pick: fc.nat(5),
      sessions: fc.integer({ min: 1, max: 40 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('removeMeasure' as const), client, plan, pick: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deletePlan' as const), client, plan }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('network' as const), client, online: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('faults' as const), client, lose: fc.boolean(), duplicate: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 20, max: 300 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** What the plan says, without what each copy may tell differently (bookkeeping, conflict notes). */
function content(p: SupportPlan) {
  const {
    syncConflicts: _c,
    updatedAt: _u,
    updatedBy: _b,
    _rev,
    _meta,
    _attachments,
    ...rest
  } = p as SupportPlan & Record<string, unknown>;
  return rest;
}

async function plansOf(c: TestClient, ids: readonly string[]) {
  const docs = await c.db.plans.findByIds([...ids]).exec();
  return ids.map((id) => {
    const doc = docs.get(id);
    return doc ? content(doc.toMutableJSON() as SupportPlan) : null;
  });
}

describe.each(storeFactories)('plans converge under faults on $name', (factory) => {
  let harness: SyncHarness;
  let clients: TestClient[];
  let preparer: TestUser;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    // One person preparing the plans on a tablet, a phone and a laptop.
    preparer = await createTestUser(harness.store, ['teacher', 'plan_preparer'], ['school-1']);
    clients = [];
    for (const name of ['tablet', 'phone', 'laptop'])
      clients.push(await harness.client(name, {}, ['learners', 'plans'], preparer));
  });
  afterAll(async () => harness?.close());

  it('every device and the server hold the same plans, with every measure and risk no one took away', async () => {
    const seed = process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : 20261202;
    const numRuns = process.env.SYNC_RUNS ? Number(process.env.SYNC_RUNS) : 3;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 30 }), async (steps) => {
        run++;
        const base = clients[0]!;
        const ids: string[] = [];
        for (let i = 0; i < PLANS; i++) {
          const learner = await addLearner(base.db, 'school-1', {
            firstName: 'Plāns',
            lastName: `R${run}-${i}`,
            className: '7.a',
            programme: 'general',
          });
          await eventually(async () => {
            const [row] = await harness.store.query(
              `SELECT 1 FROM documents WHERE collection = 'learners' AND id = $1`,
              [learner.id],
            );
            expect(row).toBeDefined();
          }, 30_000);
          const created = await createPlan(base.db, {
            learnerId: learner.id,
            schoolId: 'school-1',
            semester: SEMESTER,
            preparerId: preparer.user.id,
          });
          ids.push(created.id);
        }
        await eventually(async () => {
          for (const c of clients) expect((await plansOf(c, ids)).every(Boolean), c.name).toBe(true);
        }, 30_000);

        // What each device put in and what any device took away: the oracle, kept apart from the merge.
        const addedMeasures = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
        const removedMeasures = new Set<string>();
        const tickedRisks = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
        const untickedRisks = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
        const deleted = new Set<string>();
        let measureNo = 0;

        for (const s of steps) {
          if ('plan' in s) {
            const c = clients[s.client]!;
            const id = ids[s.plan]!;
            const stored = (await c.db.plans.findOne(id).exec())?.toMutableJSON() as SupportPlan | undefined;
            if (!stored) continue;
            if (s.kind === 'deletePlan') {
              await (await c.db.plans.findOne(id).exec())?.incrementalRemove();
              deleted.add(id);
            } else if (s.kind === 'risk') {
              await updatePlan(c.db, id, (current) => toggleRisk(current, s.code, s.on, `risk-${run}-${++measureNo}`));
              (s.on ? tickedRisks : untickedRisks).get(id)!.add(s.code);
            } else if (s.kind === 'addMeasure') {
              const measure: Measure = {
                id: `m-${run}-${++measureNo}`,
                kind: 'subject_consultation',
                riskIds: [],
                justification: `Vajadzīgs ${measureNo}`,
                subject: 'maths',
                plannedSessions: 8,
              };
              await updatePlan(c.db, id, (current) => saveMeasure(current, measure));
              addedMeasures.get(id)!.add(measure.id);
            } else {
              const measure = stored.measures[s.pick % Math.max(1, stored.measures.length)];
              if (!measure) continue;
              if (s.kind === 'editMeasure') {
                await updatePlan(c.db, id, (current) => {
                  const now = current.measures.find((m) => m.id === measure.id);
                  return now ? saveMeasure(current, { ...now, plannedSessions: s.sessions }) : current;
                });
              } else {
                await updatePlan(c.db, id, (current) => removeMeasure(current, measure.id));
                removedMeasures.add(measure.id);
              }
            }
          } else if (s.kind === 'network') {
            clients[s.client]!.online = s.online;
          } else if (s.kind === 'faults') {
            let n = 0;
            clients[s.client]!.faults = {
              loseResponse: () => s.lose && n++ % 3 === 0,
              duplicate: () => s.duplicate && n++ % 3 === 1,
            };
          } else if (s.kind === 'pause') {
            await new Promise((r) => setTimeout(r, s.ms));
          } else {
            await harness.restart();
          }
        }

        for (const c of clients) {
          c.online = true;
          c.faults = { loseResponse: () => false, duplicate: () => false };
          c.replication.resync();
        }
        const server = async () => {
          const rows = await harness.store.query<{ id: string; data: SupportPlan }>(
            `SELECT id, data FROM documents WHERE collection = 'plans' AND id = ANY($1::text[]) AND NOT deleted`,
            [ids],
          );
          return ids.map((id) => {
            const row = rows.find((r) => r.id === id);
            return row ? content(row.data) : null;
          });
        };
        await eventually(async () => {
          const expected = await server();
          for (const c of clients) expect(await plansOf(c, ids), c.name).toEqual(expected);
        }, 60_000);

        const final = await server();
        ids.forEach((id, i) => {
          const p = final[i];
          // A deletion wins over a copy no one edited after it, and loses to an edit (nothing typed is lost).
          if (!p) {
            expect(deleted.has(id), `plan ${id} gone`).toBe(true);
            return;
          }
          if (deleted.has(id)) return;
          const measures = new Set(p.measures.map((m) => m.id));
          for (const m of addedMeasures.get(id)!) {
            if (!removedMeasures.has(m)) expect(measures.has(m), `measure ${m} of ${id}`).toBe(true);
          }
          // Only measures someone added (or none) are there: nothing appears from nowhere.
          for (const m of measures) expect(addedMeasures.get(id)!.has(m), `measure ${m} of ${id}`).toBe(true);
          const codes = new Set(p.risks.map((r) => r.code));
          for (const code of tickedRisks.get(id)!) {
            if (!untickedRisks.get(id)!.has(code)) expect(codes.has(code), `risk ${code} of ${id}`).toBe(true);
          }
          // A risk ticked on two devices at once is one risk, not two.
          expect(p.risks.length, `risks of ${id}`).toBe(codes.size);
          for (const m of p.measures) {
            for (const risk of m.riskIds)
              expect(
                p.risks.map((r) => r.id),
                `link of ${m.id}`,
              ).toContain(risk);
          }
        });
      }),
      {
        seed,
        numRuns,
        endOnFailure: true,
        verbose: true,
        ...(process.env.SYNC_PATH ? { path: process.env.SYNC_PATH } : {}),
      },
    );
  }, 400_000);
});
