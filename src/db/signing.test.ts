import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type AtbalstsDatabase } from './createDatabase';
import { addLearner, updateLearner } from './learners';

let db: AtbalstsDatabase | undefined;
afterEach(async () => {
  await db?.close();
});

const fields = { firstName: 'Anna', lastName: 'Ozola', className: '7.a', programme: 'general' as const };

describe('local writes are signed by the person working on the device', () => {
  it('signs an insert, an edit and a deletion with the author’s id', async () => {
    db = await createDatabase({
      name: `sign${crypto.randomUUID().slice(0, 8)}`,
      storage: getRxStorageMemory(),
      multiInstance: false,
      collections: ['learners'],
      author: 'ilze',
    });
    const learner = await addLearner(db, 'school-1', fields);
    expect((await db.learners.findOne(learner.id).exec())?.updatedBy).toBe('ilze');

    // Whatever a local write says, it is signed by the person working here.
    const doc = await db.learners.findOne(learner.id).exec();
    await doc?.incrementalPatch({ updatedBy: 'marta', lastName: 'Kalniņa' });
    expect((await db.learners.findOne(learner.id).exec())?.updatedBy).toBe('ilze');
    await updateLearner(db, learner.id, { ...fields, className: '8.a' }, fields);
    expect((await db.learners.findOne(learner.id).exec())?.updatedBy).toBe('ilze');

    await (await db.learners.findOne(learner.id).exec())?.remove();
    const [removed] = await db.learners.storageInstance.findDocumentsById([learner.id], true);
    expect(removed).toMatchObject({ _deleted: true, updatedBy: 'ilze' });
  });

  it('leaves writes unsigned where no author is given (tests, tools)', async () => {
    db = await createDatabase({
      name: `sign${crypto.randomUUID().slice(0, 8)}`,
      storage: getRxStorageMemory(),
      multiInstance: false,
      collections: ['learners'],
    });
    const learner = await addLearner(db, 'school-1', fields);
    expect((await db.learners.findOne(learner.id).exec())?.updatedBy).toBeUndefined();
  });
});
