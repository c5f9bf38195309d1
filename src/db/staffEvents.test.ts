import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../test/fixtures/memoryDatabase';
import type { AtbalstsDatabase } from './createDatabase';
import { addStaffEvent, removeStaffEvent, restoreStaffEvent, updateStaffEvent } from './staffEvents';

let db: AtbalstsDatabase;
beforeEach(async () => {
  db = await memoryDatabase(['staffevents']);
});
afterEach(async () => {
  await db.close();
});

const workshop = {
  municipalityId: 'cesis',
  schoolId: 'tehnikums',
  kind: 'workshop' as const,
  title: 'Darbnīca',
  provider: 'Biedrība',
  date: '2026-10-06',
  endDate: '2026-10-07',
  hours: 12,
  participantIds: ['anna'],
  otherParticipants: 18,
};

describe('staff event records', () => {
  it('refuses dates out of order and stores nothing', async () => {
    await expect(addStaffEvent(db, { ...workshop, endDate: '2026-10-05' })).rejects.toThrow();
    expect(await db.staffevents.count().exec()).toBe(0);
  });

  it('edits, deletes and puts back an event under its own id', async () => {
    const saved = await addStaffEvent(db, workshop);
    await updateStaffEvent(db, saved.id, (e) => ({ ...e, participantIds: ['anna', 'juris'] }));
    const removed = await removeStaffEvent(db, saved.id);
    expect(removed?.participantIds).toEqual(['anna', 'juris']);
    expect(await db.staffevents.count().exec()).toBe(0);
    await restoreStaffEvent(db, removed!);
    const back = (await db.staffevents.findOne(saved.id).exec())?.toMutableJSON();
    expect(back).toMatchObject({ ...workshop, id: saved.id, participantIds: ['anna', 'juris'] });
  });
});
