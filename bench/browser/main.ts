/**
 * Runs in Chromium: RxDB (Dexie storage) next to raw Dexie on the same data, the same indexes and the browser's
 * real IndexedDB. The page publishes its figures on window.benchResult.
 */
import Dexie from 'dexie';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createDatabase } from '../../src/db/createDatabase';
import type { Learner } from '../../src/domain';

export interface LocalDatabaseFigures {
  learners: number;
  queries: number;
  rowsPerQuery: number;
  rxWriteMs: number;
  rawWriteMs: number;
  rxQueryMs: number;
  rawQueryMs: number;
}

const LEARNERS = 5_000;
const SCHOOLS = 10;

function learners(): Learner[] {
  const at = '2026-09-01T08:00:00.000Z';
  return Array.from({ length: LEARNERS }, (_, i) => ({
    id: `learner-${i}`,
    schoolId: `school-${i % SCHOOLS}`,
    firstName: `Vārds${i}`,
    lastName: `Uzvārds${(i * 7919) % LEARNERS}`,
    className: `${5 + (i % 8)}.${'abc'[i % 3]}`,
    programme: 'general',
    guardians: [{ id: `g-${i}`, name: `Vecāks ${i}` }],
    archived: false,
    createdAt: at,
    updatedAt: at,
  }));
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function run(): Promise<LocalDatabaseFigures> {
  const data = learners();
  const suffix = Date.now().toString(36);

  const dexie = new Dexie(`bench-raw-${suffix}`);
  // The same compound index RxDB builds for the screen's query (RxDB prefixes every index with _deleted).
  dexie.version(1).stores({ learners: 'id, [_deleted+schoolId+lastName+firstName+id]' });
  const rawWriteMs = await time(() => dexie.table('learners').bulkAdd(data.map((l) => ({ ...l, _deleted: 0 }))));
  const rawQueryMs = await time(async () => {
    for (let s = 0; s < SCHOOLS; s++) {
      const school = `school-${s}`;
      await dexie
        .table('learners')
        .where('[_deleted+schoolId+lastName+firstName+id]')
        .between([0, school, '', '', ''], [0, school, '\uffff', '\uffff', '\uffff'])
        .toArray();
    }
  });
  dexie.close();

  const db = await createDatabase({ name: `bench-rx-${suffix}`, storage: getRxStorageDexie(), multiInstance: false });
  const rxWriteMs = await time(() => db.learners.bulkInsert(data));
  const rxQueryMs = await time(async () => {
    // Each school once, so every query reaches the storage rather than RxDB's query cache.
    for (let s = 0; s < SCHOOLS; s++) {
      await db.learners
        .find({ selector: { schoolId: `school-${s}` }, sort: [{ lastName: 'asc' }, { firstName: 'asc' }] })
        .exec();
    }
  });
  await db.close();
  return {
    learners: LEARNERS,
    queries: SCHOOLS,
    rowsPerQuery: LEARNERS / SCHOOLS,
    rxWriteMs,
    rawWriteMs,
    rxQueryMs,
    rawQueryMs,
  };
}

declare global {
  interface Window {
    benchResult?: LocalDatabaseFigures | { error: string };
  }
}

run().then(
  (figures) => (window.benchResult = figures),
  (error: unknown) => (window.benchResult = { error: String(error) }),
);
