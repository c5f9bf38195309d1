import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type AtbalstsDatabase } from './createDatabase';
import { addLearner, removeGuardian, saveGuardian, setConsent, updateLearner } from './learners';

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
    await updateLearner(
      db,
      learner.id,
      { ...fields, className: '8.a', birthDate: undefined },
      { ...fields, birthDate: '2012-03-04' },
    );
    const stored = (await db.learners.findOne(learner.id).exec())?.toJSON();
    expect(stored).toMatchObject({ className: '8.a', schoolId: 'school-1', createdAt: learner.createdAt });
    expect(stored).not.toHaveProperty('birthDate');
  });

  it('keeps an edit that arrived while the form was open: only the fields changed in the form are written', async () => {
    const learner = await addLearner(db, 'school-1', fields);
    const openedWith = { ...fields };
    // A colleague's new last name reaches this device (sync) while the form still shows the old one.
    const doc = await db.learners.findOne(learner.id).exec();
    await doc?.incrementalPatch({ lastName: 'Kalniņa' });
    await updateLearner(db, learner.id, { ...openedWith, className: '8.a' }, openedWith);
    expect((await db.learners.findOne(learner.id).exec())?.toJSON()).toMatchObject({
      lastName: 'Kalniņa',
      className: '8.a',
    });
  });

  it('finds learners of a school by class through the index', async () => {
    await addLearner(db, 'school-1', fields);
    await addLearner(db, 'school-1', { ...fields, firstName: 'Jānis', lastName: 'Ozols', className: '9.a' });
    await addLearner(db, 'school-2', { ...fields, className: '9.a' });
    const found = await db.learners.find({ selector: { schoolId: 'school-1', className: '9.a' } }).exec();
    expect(found.map((d) => d.firstName)).toEqual(['Jānis']);
  });
});

describe('guardians and consent', () => {
  const stored = async (id: string) => (await db.learners.findOne(id).exec())?.toMutableJSON();

  it('adds, edits and removes guardians by id, keeping the other fields', async () => {
    const learner = await addLearner(db, 'school-1', { ...fields, birthDate: '2012-03-04' });
    const mother = await saveGuardian(db, learner.id, {
      name: ' Ilze Bērziņa ',
      relation: 'māte',
      phone: '+371 20000000',
    });
    const father = await saveGuardian(db, learner.id, { name: 'Jānis Bērziņš', email: 'janis@example.lv' });
    expect(mother).toMatchObject({ name: 'Ilze Bērziņa', id: expect.any(String) as string });
    expect((await stored(learner.id))?.guardians.map((g) => g.name)).toEqual(['Ilze Bērziņa', 'Jānis Bērziņš']);

    await saveGuardian(db, learner.id, { id: mother.id, name: 'Ilze Bērziņa', phone: '+371 29999999' });
    const afterEdit = await stored(learner.id);
    expect(afterEdit?.guardians[0]).toEqual({ id: mother.id, name: 'Ilze Bērziņa', phone: '+371 29999999' });
    expect(afterEdit).toMatchObject({ firstName: 'Anna', birthDate: '2012-03-04', createdAt: learner.createdAt });
    expect((afterEdit?.updatedAt ?? '') >= learner.updatedAt).toBe(true);

    await removeGuardian(db, learner.id, mother.id);
    expect((await stored(learner.id))?.guardians).toEqual([father]);
  });

  it('refuses an invalid guardian and leaves the learner as it was', async () => {
    const learner = await addLearner(db, 'school-1', fields);
    await expect(saveGuardian(db, learner.id, { name: 'Ilze', email: 'not-an-email' })).rejects.toThrow();
    await expect(saveGuardian(db, learner.id, { name: '   ' })).rejects.toThrow();
    expect((await stored(learner.id))?.guardians).toEqual([]);
  });

  it('refuses an eleventh guardian (the schema allows ten)', async () => {
    const learner = await addLearner(db, 'school-1', fields);
    for (let i = 0; i < 10; i += 1) await saveGuardian(db, learner.id, { name: `Radinieks ${i}` });
    await expect(saveGuardian(db, learner.id, { name: 'Vienpadsmitais' })).rejects.toThrow();
    expect((await stored(learner.id))?.guardians).toHaveLength(10);
  });

  it('stores no undefined keys: the server copy must equal the local one', async () => {
    const learner = await addLearner(db, 'school-1', fields);
    const guardian = await saveGuardian(db, learner.id, { name: 'Ilze', relation: undefined, phone: undefined });
    expect(Object.keys(guardian).sort()).toEqual(['id', 'name']);
  });

  it('records, corrects and removes the signed consent without touching guardians', async () => {
    const learner = await addLearner(db, 'school-1', fields);
    const mother = await saveGuardian(db, learner.id, { name: 'Ilze Bērziņa' });
    await setConsent(db, learner.id, { signedOn: '2026-09-02', signedBy: 'Ilze Bērziņa', signerRole: 'parent' });
    expect((await stored(learner.id))?.consent).toEqual({
      signedOn: '2026-09-02',
      signedBy: 'Ilze Bērziņa',
      signerRole: 'parent',
    });
    await setConsent(db, learner.id, { signedOn: '2026-09-03', signedBy: 'Ilze Bērziņa', signerRole: 'guardian' });
    expect((await stored(learner.id))?.consent?.signerRole).toBe('guardian');

    await expect(
      setConsent(db, learner.id, { signedOn: '3.09.2026', signedBy: 'Ilze', signerRole: 'parent' }),
    ).rejects.toThrow();
    await setConsent(db, learner.id, null);
    const after = await stored(learner.id);
    expect(after).not.toHaveProperty('consent');
    expect(after?.guardians).toEqual([mother]);
  });

  it('keeps guardians and consent when the learner form saves its own fields', async () => {
    const learner = await addLearner(db, 'school-1', fields);
    await saveGuardian(db, learner.id, { name: 'Ilze Bērziņa' });
    await setConsent(db, learner.id, { signedOn: '2026-09-02', signedBy: 'Ilze Bērziņa', signerRole: 'parent' });
    await updateLearner(db, learner.id, { ...fields, className: '8.b' }, fields);
    const after = await stored(learner.id);
    expect(after?.guardians).toHaveLength(1);
    expect(after?.consent?.signedBy).toBe('Ilze Bērziņa');
  });

  it('says so when the learner is not on this device', async () => {
    await expect(removeGuardian(db, 'nobody', 'g1')).rejects.toThrow(/not found/);
  });
});
