import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Learner } from '../../src/domain';
import { addLearner, updateLearner } from '../../src/db/learners';
import { eventually, startSyncHarness, type SyncHarness, type TestClient } from '../fixtures/syncHarness';
import { storeFactories } from '../fixtures/stores';

/**
 * Three devices make random edits of the same learners through random offline windows, lost and duplicated
 * responses and server restarts. Afterwards every device and the server hold the same data, nothing added is
 * missing, and a field only one device wrote ends with that device's last value. A failure prints its seed;
 * rerun it with SYNC_SEED=<seed>.
 */
const LEARNERS = 3;
const FIELDS = ['className', 'firstName', 'lastName'] as const;
type Field = (typeof FIELDS)[number];

const step = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      client: fc.nat(2),
      learner: fc.nat(LEARNERS - 1),
      field: fc.constantFrom(...FIELDS),
      value: fc.stringMatching(/^[A-Z][a-z]{1,6}$/),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      client: fc.nat(2),
      value: fc.stringMatching(/^[A-Z][a-z]{1,6}$/),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('network' as const), client: fc.nat(2), online: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('faults' as const),
      client: fc.nat(2),
      lose: fc.boolean(),
      duplicate: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 20, max: 300 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

async function state(client: TestClient): Promise<Learner[]> {
  const docs = await client.db.learners.find({ sort: [{ id: 'asc' }] }).exec();
  return docs.map((d) => {
    const { syncConflicts: _conflicts, updatedAt: _updatedAt, ...rest } = d.toMutableJSON() as Learner;
    return rest as Learner;
  });
}

describe.each(storeFactories)('convergence under faults on $name', (factory) => {
  let harness: SyncHarness;
  let clients: TestClient[];

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    clients = [];
    for (const name of ['tablet', 'phone', 'laptop']) clients.push(await harness.client(name));
  });
  afterAll(async () => harness?.close());

  it('every device and the server converge, and no acknowledged write is lost', async () => {
    // Fixed so CI is repeatable; set SYNC_SEED to explore other runs.
    const seed = process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : 20261124;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 30 }), async (steps) => {
        run++;
        const base = clients[0]!;
        const ids: string[] = [];
        for (let i = 0; i < LEARNERS; i++) {
          ids.push(
            (
              await addLearner(base.db, 'school-1', {
                firstName: 'Anna',
                lastName: `R${run}`,
                className: '7.a',
                programme: 'general',
              })
            ).id,
          );
        }
        await eventually(async () => {
          for (const c of clients) expect(await c.db.learners.findOne(ids[LEARNERS - 1]!).exec()).not.toBeNull();
        }, 30_000);

        const lastWrite = new Map<string, { client: number; value: string }[]>();
        const added: string[] = [];
        for (const s of steps) {
          if (s.kind === 'edit') {
            const client = clients[s.client]!;
            const id = ids[s.learner]!;
            const doc = (await client.db.learners.findOne(id).exec())?.toMutableJSON() as Learner | undefined;
            if (!doc) continue;
            const fields = {
              firstName: doc.firstName,
              lastName: doc.lastName,
              className: doc.className,
              programme: doc.programme,
            };
            // As the learner form saves: what this device showed, with one field changed.
            await updateLearner(client.db, id, { ...fields, [s.field]: s.value }, fields);
            const key = `${id}:${s.field as Field}`;
            lastWrite.set(key, [...(lastWrite.get(key) ?? []), { client: s.client, value: s.value }]);
          } else if (s.kind === 'add') {
            added.push(
              (
                await addLearner(clients[s.client]!.db, 'school-1', {
                  firstName: s.value,
                  lastName: `N${run}`,
                  className: '5.b',
                  programme: 'general',
                })
              ).id,
            );
          } else if (s.kind === 'network') {
            clients[s.client]!.online = s.online;
          } else if (s.kind === 'faults') {
            // Each fault hits one request in three while switched on.
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
        const server = async () =>
          (
            await harness.store.query<{ data: Learner }>(
              `SELECT data FROM documents WHERE collection = 'learners' ORDER BY id`,
            )
          ).map(({ data }) => {
            const { syncConflicts: _c, updatedAt: _u, ...rest } = data;
            return rest as Learner;
          });
        await eventually(async () => {
          const expected = await server();
          for (const c of clients) expect(await state(c), c.name).toEqual(expected);
        }, 60_000);

        const final = await server();
        for (const id of added)
          expect(
            final.some((l) => l.id === id),
            `added ${id}`,
          ).toBe(true);
        for (const [key, writes] of lastWrite) {
          const [id, field] = key.split(':') as [string, Field];
          const value = final.find((l) => l.id === id)?.[field];
          expect(
            writes.map((w) => w.value),
            key,
          ).toContain(value);
          if (new Set(writes.map((w) => w.client)).size === 1)
            expect(value, key).toBe(writes[writes.length - 1]!.value);
        }
      }),
      { seed, numRuns: 3, endOnFailure: true, verbose: true },
    );
    // Each run has its own deadlines (30 s to spread the setup, 60 s to converge); this only bounds the whole.
  }, 400_000);
});
