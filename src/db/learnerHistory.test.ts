import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom, skip } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attendance } from '../domain';
import { addConsultation, setAttendance } from './consultations';
import { createDatabase, type AtbalstsDatabase } from './createDatabase';
import { consultationsOfLearner$ } from './learnerHistory';

let db: AtbalstsDatabase;

beforeEach(async () => {
  db = await createDatabase({
    name: `history${crypto.randomUUID().slice(0, 8)}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
    collections: ['consultations'],
  });
});
afterEach(async () => {
  await db.close();
});

const log = (date: string, startTime: string, learners: [string, Attendance][], schoolId = 's1') =>
  addConsultation(db, {
    schoolId,
    staffId: 'teacher',
    staffRole: 'subject_teacher',
    subject: 'maths',
    planId: '',
    date,
    startTime,
    minutes: 40,
    mode: 'in_person',
    attendees: learners.map(([learnerId, attendance]) => ({ learnerId, attendance })),
    notes: '',
  });

describe('a learner’s consultation history', () => {
  it('holds the learner’s own and group sessions of their school, newest first, and follows changes', async () => {
    await log('2026-10-01', '10:00', [['l1', 'attended']]);
    await log('2026-10-08', '09:00', [
      ['l2', 'attended'],
      ['l1', 'absent_excused'],
    ]);
    await log('2026-10-08', '14:00', [['l1', 'attended']]);
    await log('2026-10-09', '', [['l2', 'attended']]);
    await log('2026-10-10', '', [['l1', 'attended']], 's2');

    const learner = { id: 'l1', schoolId: 's1' };
    const history = await firstValueFrom(consultationsOfLearner$(db, learner));
    expect(history.map((c) => `${c.date} ${c.startTime}`)).toEqual([
      '2026-10-08 14:00',
      '2026-10-08 09:00',
      '2026-10-01 10:00',
    ]);

    const next = firstValueFrom(consultationsOfLearner$(db, learner).pipe(skip(1)));
    const first = history[2];
    if (!first) throw new Error('no consultation');
    await setAttendance(db, first.id, 'l1', 'cancelled');
    expect((await next).find((c) => c.id === first.id)?.attendees[0]?.attendance).toBe('cancelled');
  });

  it('reads only from the date it is given', async () => {
    await log('2025-05-02', '', [['l1', 'attended']]);
    await log('2025-09-01', '', [['l1', 'attended']]);
    await log('2026-10-01', '', [['l1', 'attended']]);
    const history = await firstValueFrom(consultationsOfLearner$(db, { id: 'l1', schoolId: 's1' }, '2025-09-01'));
    expect(history.map((c) => c.date)).toEqual(['2026-10-01', '2025-09-01']);
  });
});
