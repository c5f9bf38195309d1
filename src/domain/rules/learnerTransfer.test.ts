import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/permissions';
import type { Learner } from '../learner';
import type { Schedule } from '../schedule';
import {
  movesWithLearners,
  scheduleAfterTransfer,
  transferProblem,
  transferredLearner,
  type TransferProblem,
} from './learnerTransfer';

const learner = (id: string, schoolId: string, archived = false): Learner => ({
  id,
  schoolId,
  archived,
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  firstName: 'A',
  lastName: id,
  className: '7.a',
  programme: 'general',
  guardians: [],
});
const actor = (roles: Actor['roles'], schoolIds: string[]): Actor => ({
  userId: 'u1',
  roles,
  schoolIds,
  municipalityIds: ['m1'],
});
const coordinator = actor(['municipal_coordinator'], ['s1', 's2']);
const stored = [learner('l1', 's1'), learner('l2', 's1'), learner('gone', 's1', true), learner('other', 's3')];
const TODAY = '2026-12-02';

describe('transferProblem', () => {
  it.each<[string, Actor, string[], string, string, TransferProblem | null]>([
    ['the municipal coordinator, within the municipality', coordinator, ['l1', 'l2'], 's2', TODAY, null],
    ['an administrator', actor(['administrator'], ['s1', 's2', 's3']), ['l1'], 's3', '2026-11-30', null],
    ['a director of both schools', actor(['director'], ['s1', 's2']), ['l1'], 's2', TODAY, 'roleNotAllowed'],
    ['a teacher', actor(['teacher'], ['s1', 's2']), ['l1'], 's2', TODAY, 'roleNotAllowed'],
    ['to a school out of reach', coordinator, ['l1'], 's3', TODAY, 'outOfScope'],
    ['a learner of a school out of reach', coordinator, ['other'], 's2', TODAY, 'learnerNotFound'],
    ['a learner the server does not have', coordinator, ['nobody'], 's2', TODAY, 'learnerNotFound'],
    ['to the school they are in', coordinator, ['l1'], 's1', TODAY, 'sameSchool'],
    ['a learner who has left school', coordinator, ['gone'], 's2', TODAY, 'learnerLeft'],
    ['dated tomorrow', coordinator, ['l1'], 's2', '2026-12-03', 'transferInFuture'],
  ])('%s', (_name, who, ids, to, on, expected) => {
    expect(transferProblem(who, ids, stored, to, on, TODAY)).toBe(expected);
  });
});

describe('movesWithLearners', () => {
  const moving = new Set(['l1', 'l2']);
  it.each<[string, Parameters<typeof movesWithLearners>[0], Record<string, unknown>, boolean]>([
    ['a plan of a moving learner', 'plans', { learnerId: 'l1' }, true],
    ['a plan of one who stays', 'plans', { learnerId: 'l9' }, false],
    ['a note', 'notes', { learnerId: 'l2' }, true],
    ['a compensation', 'compensations', { learnerId: 'l9' }, false],
    [
      'a session of two moving learners',
      'consultations',
      { attendees: [{ learnerId: 'l1' }, { learnerId: 'l2' }] },
      true,
    ],
    [
      'a group session with one who stays',
      'consultations',
      { attendees: [{ learnerId: 'l1' }, { learnerId: 'l9' }] },
      false,
    ],
    ['a record about nobody', 'consultations', { attendees: [] }, false],
  ])('%s', (_name, collection, doc, expected) => {
    expect(movesWithLearners(collection, doc, moving)).toBe(expected);
  });
});

describe('transferredLearner', () => {
  it('moves the learner and appends the old school to the trail', () => {
    const once = transferredLearner(learner('l1', 's1'), { toSchoolId: 's2', on: '2026-11-02', byId: 'u1', at: 'T1' });
    const twice = transferredLearner(once, { toSchoolId: 's3', on: '2026-12-01', byId: 'u2', at: 'T2' });
    expect(twice.schoolId).toBe('s3');
    expect(twice.transfers).toEqual([
      { fromSchoolId: 's1', toSchoolId: 's2', on: '2026-11-02', byId: 'u1' },
      { fromSchoolId: 's2', toSchoolId: 's3', on: '2026-12-01', byId: 'u2' },
    ]);
    expect([twice.updatedAt, twice.updatedBy]).toEqual(['T2', 'u2']);
  });
});

describe('scheduleAfterTransfer', () => {
  const schedule = (learnerIds: string[], startsOn: string, endsOn?: string): Schedule => ({
    id: 'sch',
    schoolId: 's1',
    staffId: 't1',
    staffRole: 'subject_teacher',
    planId: '',
    learnerIds,
    weekday: 2,
    startTime: '14:00',
    minutes: 40,
    mode: 'in_person',
    startsOn,
    ...(endsOn ? { endsOn } : {}),
    active: true,
    createdAt: 'T0',
    updatedAt: 'T0',
  });
  const move = { on: '2026-11-16', byId: 'u1', at: 'T1' };
  const moving = new Set(['l1']);
  it.each<[string, Schedule, Partial<Schedule> | null]>([
    ['names none of them', schedule(['l9'], '2026-09-01'), null],
    ['a group keeps those who stay', schedule(['l1', 'l9'], '2026-09-01'), { learnerIds: ['l9'], active: true }],
    ['theirs alone ends the day before', schedule(['l1'], '2026-09-01'), { endsOn: '2026-11-15', active: true }],
    ['already ending earlier keeps its end', schedule(['l1'], '2026-09-01', '2026-10-31'), { endsOn: '2026-10-31' }],
    ['ending later ends the day before', schedule(['l1'], '2026-09-01', '2027-05-31'), { endsOn: '2026-11-15' }],
    ['not begun yet is stopped', schedule(['l1'], '2026-11-16'), { active: false, endsOn: '2026-11-16' }],
  ])('%s', (_name, before, expected) => {
    const after = scheduleAfterTransfer(before, moving, move);
    if (expected === null) return expect(after).toBeNull();
    expect(after).toMatchObject({ ...expected, updatedBy: 'u1', updatedAt: 'T1' });
  });
});
