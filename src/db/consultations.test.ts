import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../test/fixtures/memoryDatabase';
import { addConsultation, confirmConsultation, setAttendance } from './consultations';
import type { AtbalstsDatabase } from './createDatabase';

let db: AtbalstsDatabase;
beforeEach(async () => {
  db = await memoryDatabase(['consultations']);
});
afterEach(async () => {
  await db.close();
});

const session = {
  schoolId: 's1',
  staffId: 't1',
  staffRole: 'subject_teacher',
  subject: 'maths',
  planId: '',
  date: '2026-11-25',
  startTime: '',
  minutes: 40,
  mode: 'in_person' as const,
  attendees: [
    { learnerId: 'l1', attendance: 'attended' as const },
    { learnerId: 'l2', attendance: 'attended' as const },
  ],
  notes: '',
};
const attendee = async (id: string, learnerId: string) =>
  (await db.consultations.findOne(id).exec())?.toMutableJSON().attendees.find((a) => a.learnerId === learnerId);

describe('consultation records', () => {
  it('refuses an invalid one and stores nothing', async () => {
    await expect(addConsultation(db, { ...session, attendees: [] })).rejects.toThrow();
    await expect(addConsultation(db, { ...session, mode: 'remote' })).rejects.toThrow();
    expect(await db.consultations.count().exec()).toBe(0);
  });

  it('records a learner’s confirmation, and drops it when their attendance is changed afterwards', async () => {
    const { id } = await addConsultation(db, session);
    await confirmConsultation(db, id, 'l1');
    expect((await attendee(id, 'l1'))?.confirmedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await setAttendance(db, id, 'l1', 'attended');
    expect((await attendee(id, 'l1'))?.confirmedAt).toBeDefined();
    await setAttendance(db, id, 'l1', 'absent_excused');
    expect(await attendee(id, 'l1')).toEqual({ learnerId: 'l1', attendance: 'absent_excused' });
    expect(await attendee(id, 'l2')).toEqual({ learnerId: 'l2', attendance: 'attended' });
  });
});
