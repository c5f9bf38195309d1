import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../test/fixtures/memoryDatabase';
import type { AtbalstsDatabase } from './createDatabase';
import { addIndirectWork, removeIndirectWork, restoreIndirectWork, updateIndirectWork } from './indirectWork';
import { addStaffEvent, removeStaffEvent } from './staffEvents';

let db: AtbalstsDatabase;
beforeEach(async () => {
  db = await memoryDatabase(['staffevents']);
});
afterEach(async () => {
  await db.close();
});

const october = {
  kind: 'indirect' as const,
  municipalityId: 'cesis',
  schoolId: 'tehnikums',
  staffId: 'liga',
  month: '2026-10',
  minutes: 600,
  what: 'Kompensāciju izmaksa',
};

describe('indirect work records (a kind of staffevents)', () => {
  it('refuses minutes out of bounds and stores nothing', async () => {
    await expect(addIndirectWork(db, { ...october, minutes: 0 })).rejects.toThrow();
    await expect(addIndirectWork(db, { ...october, minutes: 12001 })).rejects.toThrow();
    expect(await db.staffevents.count().exec()).toBe(0);
  });

  it('edits, deletes and puts back a month under its own id', async () => {
    const saved = await addIndirectWork(db, october);
    await updateIndirectWork(db, saved.id, (w) => ({ ...w, minutes: 630 }));
    const removed = await removeIndirectWork(db, saved.id);
    expect(removed?.minutes).toBe(630);
    expect(await db.staffevents.count().exec()).toBe(0);
    await restoreIndirectWork(db, removed!);
    const back = (await db.staffevents.findOne(saved.id).exec())?.toMutableJSON();
    expect(back).toMatchObject({ ...october, id: saved.id, minutes: 630 });
  });

  it('keeps the two kinds apart: neither module edits or deletes the other’s record', async () => {
    const event = await addStaffEvent(db, {
      municipalityId: 'cesis',
      kind: 'seminar',
      title: 'Seminārs',
      provider: '',
      date: '2026-10-06',
      endDate: '2026-10-06',
      hours: 2,
      participantIds: [],
      otherParticipants: 3,
    });
    await expect(updateIndirectWork(db, event.id, (w) => w)).rejects.toThrow();
    expect(await removeIndirectWork(db, event.id)).toBeNull();
    expect(await db.staffevents.count().exec()).toBe(1);
    const work = await addIndirectWork(db, october);
    expect(await removeStaffEvent(db, work.id)).toBeNull();
    expect(await db.staffevents.count().exec()).toBe(2);
  });
});
