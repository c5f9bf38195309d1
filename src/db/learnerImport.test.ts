import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planClassImport, type ImportCell, type Learner } from '../domain';
import { createDatabase, type AtbalstsDatabase } from './createDatabase';
import { applyClassImport } from './learnerImport';
import { addLearner } from './learners';

let db: AtbalstsDatabase;

beforeEach(async () => {
  db = await createDatabase({
    name: `import${crypto.randomUUID().slice(0, 8)}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
});
afterEach(async () => {
  await db.close();
});

const TODAY = '2026-11-25';
const file: ImportCell[][] = [
  ['Uzvārds', 'Vārds', 'Klase', 'Dzimšanas datums'],
  ['Bērziņa', 'Anna', '8.b', '01.09.2013'],
  ['Ozols', 'Jānis', '8.b', ''],
  ['Liepa', '', '8.b', ''],
];

async function learnersOf(schoolId: string): Promise<Learner[]> {
  const docs = await db.learners.find({ selector: { schoolId } }).exec();
  return docs.map((d) => d.toMutableJSON() as Learner);
}

async function importFile(schoolId: string) {
  const plan = planClassImport(file, await learnersOf(schoolId), { className: '', programme: 'general' }, TODAY);
  if (!plan.ok) throw new Error(plan.problem);
  return applyClassImport(db, schoolId, plan.rows);
}

describe('applying a class import', () => {
  it('adds new learners, updates the one already there, skips the row in error', async () => {
    const anna = await addLearner(db, 's1', {
      firstName: 'Anna',
      lastName: 'Bērziņa',
      className: '7.b',
      programme: 'general',
    });
    expect(await importFile('s1')).toEqual({ added: 1, updated: 1, failed: 0 });
    const stored = await learnersOf('s1');
    expect(stored.map((l) => `${l.lastName} ${l.firstName} ${l.className} ${l.birthDate ?? '-'}`).sort()).toEqual([
      'Bērziņa Anna 8.b 2013-09-01',
      'Ozols Jānis 8.b -',
    ]);
    const updated = stored.find((l) => l.id === anna.id);
    expect(updated?.createdAt).toBe(anna.createdAt);
    expect(updated?.guardians).toEqual([]);
  });

  it('creates no duplicates when the same file is imported again', async () => {
    await importFile('s1');
    expect(await importFile('s1')).toEqual({ added: 0, updated: 0, failed: 0 });
    expect(await db.learners.count({ selector: { schoolId: 's1' } }).exec()).toBe(2);
  });

  it('keeps learners of another school apart', async () => {
    await importFile('s1');
    expect(await importFile('s2')).toMatchObject({ added: 2 });
    expect(await db.learners.count().exec()).toBe(4);
  });

  it('counts an update whose learner has gone meanwhile as failed, and writes the rest', async () => {
    const anna = await addLearner(db, 's1', {
      firstName: 'Anna',
      lastName: 'Bērziņa',
      className: '7.b',
      programme: 'general',
    });
    const plan = planClassImport(file, await learnersOf('s1'), { className: '', programme: 'general' }, TODAY);
    if (!plan.ok) throw new Error(plan.problem);
    await (await db.learners.findOne(anna.id).exec())?.remove();
    expect(await applyClassImport(db, 's1', plan.rows)).toEqual({ added: 1, updated: 0, failed: 1 });
  });
});
