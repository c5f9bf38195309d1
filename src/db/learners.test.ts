import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type AtbalstsDatabase } from './createDatabase';
import { addLearner, updateLearner } from './learners';

let db: AtbalstsDatabase;

beforeEach(async () => {
  db = await createDatabase({
    name: `learners${crypto.randomUUID().slice(0, 8)}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
});
afterEach(async () => {
  await db.close();
});

const fields = { firstName: ' Anna ', lastName: 'Bērziņa', className: '7.b', programme: 'general' as const };

describe('learner mutations', () => {
  it('adds a whole, valid learner with trimmed fields', async () => {
    const learner = await addLearner(db, 'school-1', fields);
    const stored = (await db.learners.findOne(learner.id).exec())?.toJSON();
    expect(stored).toMatchObject({ firstName: 'Anna', lastName: 'Bērziņa', schoolId: 'school-1', archived: false });
    expect(stored?.createdAt).toBe(stored?.updatedAt);
  });

  it('refuses invalid input and writes nothing', async () => {
    await expect(addLearner(db, 'school-1', { ...fields, firstName: '  ' })).rejects.toThrow();
    expect(await db.learners.count().exec()).toBe(0);
  });

  it('updates fields and removes a cleared birth date', async () => {
    const learner = await addLearner(db, 'school-1', { ...fields, birthDate: '2012-03-04' });
    await updateLearner(db, learner.id, { ...fields, className: '8.a', birthDate: undefined });
    const stored = (await db.learners.findOne(learner.id).exec())?.toJSON();
    expect(stored).toMatchObject({ className: '8.a', schoolId: 'school-1', createdAt: learner.createdAt });
    expect(stored).not.toHaveProperty('birthDate');
  });

  it('finds learners of a school by class through the index', async () => {
    await addLearner(db, 'school-1', fields);
    await addLearner(db, 'school-1', { ...fields, firstName: 'Jānis', lastName: 'Ozols', className: '9.a' });
    await addLearner(db, 'school-2', { ...fields, className: '9.a' });
    const found = await db.learners.find({ selector: { schoolId: 'school-1', className: '9.a' } }).exec();
    expect(found.map((d) => d.firstName)).toEqual(['Jānis']);
  });
});
