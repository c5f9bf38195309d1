import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../test/fixtures/memoryDatabase';
import { consultationFromSchedule, dueSessions, type Schedule } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { addSchedule, logScheduledSession, stopSchedule, updateSchedule, type NewSchedule } from './schedules';

let db: AtbalstsDatabase;
beforeEach(async () => {
  db = await memoryDatabase(['schedules', 'consultations']);
});
afterEach(async () => {
  await db.close();
});

// 2026-11-24 is a Tuesday.
const TODAY = '2026-11-24';
const weekly: NewSchedule = {
  schoolId: 's1',
  staffId: 't1',
  staffRole: 'subject_teacher',
  subject: 'maths',
  planId: '',
  learnerIds: ['l1', 'l2'],
  weekday: 2,
  startTime: '14:00',
  minutes: 40,
  mode: 'in_person',
  startsOn: '2026-11-10',
  active: true,
};
const stored = async () => (await db.schedules.find().exec()).map((d) => d.toMutableJSON() as Schedule);
const logged = async () => (await db.consultations.find().exec()).map((d) => d.toMutableJSON());

describe('schedule records', () => {
  it('refuses an invalid one and stores nothing', async () => {
    await expect(addSchedule(db, { ...weekly, learnerIds: [] })).rejects.toThrow();
    await expect(addSchedule(db, { ...weekly, weekday: 8 })).rejects.toThrow();
    await expect(addSchedule(db, { ...weekly, mode: 'remote' })).rejects.toThrow();
    await expect(addSchedule(db, { ...weekly, endsOn: '2026-11-01' })).rejects.toThrow();
    expect(await db.schedules.count().exec()).toBe(0);
  });

  it('stores a whole one, changes it, and stops it for good', async () => {
    const { id } = await addSchedule(db, weekly);
    expect(await stored()).toEqual([expect.objectContaining({ ...weekly, id })]);
    await updateSchedule(db, id, (s) => ({ ...s, startTime: '14:30' }));
    await expect(updateSchedule(db, id, (s) => ({ ...s, weekday: 0 }))).rejects.toThrow();
    expect((await stored())[0]?.startTime).toBe('14:30');
    await stopSchedule(db, id, TODAY);
    expect((await stored())[0]).toMatchObject({ active: false, endsOn: '2026-11-23', startTime: '14:30' });
    expect(dueSessions(await stored(), [], TODAY)).toEqual({ due: [], overdue: [] });
  });
});

describe('logging scheduled sessions', () => {
  it('a logged session is no longer due; logging it again does not write twice', async () => {
    const schedule = await addSchedule(db, weekly);
    expect(dueSessions([schedule], [], TODAY).overdue.map((s) => s.date)).toEqual(['2026-11-10', '2026-11-17']);

    const first = await logScheduledSession(db, consultationFromSchedule(schedule, '2026-11-17', 'attended'));
    const again = await logScheduledSession(db, consultationFromSchedule(schedule, '2026-11-17', 'attended'));
    expect(again.id).toBe(first.id);
    await logScheduledSession(db, consultationFromSchedule(schedule, '2026-11-10', 'cancelled'));
    await logScheduledSession(db, consultationFromSchedule(schedule, TODAY, { l2: 'absent_unexcused' }));

    const log = await logged();
    expect(log).toHaveLength(3);
    expect(log.every((c) => c.scheduleId === schedule.id)).toBe(true);
    expect(log.find((c) => c.date === TODAY)?.attendees).toEqual([
      { learnerId: 'l1', attendance: 'attended' },
      { learnerId: 'l2', attendance: 'absent_unexcused' },
    ]);
    expect(dueSessions([schedule], log, TODAY)).toEqual({ due: [], overdue: [] });
  });
});
