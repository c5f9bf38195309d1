import { describe, expect, it } from 'vitest';
import type { Attendance, Consultation } from '../activity';
import type { SupportPlan } from '../plan';
import { scheduleSchema, type Schedule } from '../schedule';
import {
  addDays,
  consultationFromSchedule,
  dueSessions,
  isLogged,
  occurrences,
  skippedSession,
  stoppedSchedule,
  weekdayOf,
} from './schedules';

const AT = '2026-09-01T08:00:00.000Z';
// 2026-11-24 is a Tuesday.
const TODAY = '2026-11-24';

const schedule = (over: Partial<Schedule> = {}): Schedule => ({
  id: 'maths-tue',
  createdAt: AT,
  updatedAt: AT,
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
  startsOn: '2026-09-01',
  active: true,
  ...over,
});

let n = 0;
const consultation = (date: string, over: Partial<Consultation> = {}, attendance: Attendance = 'attended') =>
  ({
    id: `c${++n}`,
    createdAt: AT,
    updatedAt: AT,
    schoolId: 's1',
    staffId: 't1',
    staffRole: 'subject_teacher',
    subject: 'maths',
    planId: '',
    date,
    startTime: '14:00',
    minutes: 40,
    mode: 'in_person',
    attendees: [{ learnerId: 'l1', attendance }],
    notes: '',
    ...over,
  }) as Consultation;

describe('calendar arithmetic', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-24', 2],
    ['2026-11-29', 7],
    ['2027-01-01', 5],
    ['2028-02-29', 2],
  ])('%s is weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each([
    ['2026-11-24', 7, '2026-12-01'],
    ['2026-12-28', 7, '2027-01-04'],
    ['2026-03-01', -1, '2026-02-28'],
    // Across the switch to summer time (29 March 2026 in Latvia): still whole days.
    ['2026-03-28', 2, '2026-03-30'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('occurrences', () => {
  it.each<[string, Partial<Schedule>, string, string, string[]]>([
    [
      'every Tuesday in the range',
      {},
      '2026-11-01',
      '2026-11-30',
      ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24'],
    ],
    ['range starting on the weekday', {}, '2026-11-24', '2026-12-01', ['2026-11-24', '2026-12-01']],
    ['not before startsOn', { startsOn: '2026-11-12' }, '2026-11-01', '2026-11-30', ['2026-11-17', '2026-11-24']],
    [
      'not after endsOn',
      { endsOn: '2026-11-17' },
      '2026-11-01',
      '2026-11-30',
      ['2026-11-03', '2026-11-10', '2026-11-17'],
    ],
    ['a Sunday schedule', { weekday: 7 }, '2026-11-23', '2026-12-06', ['2026-11-29', '2026-12-06']],
    ['an empty range', {}, '2026-11-25', '2026-11-30', []],
    ['ends before it is asked about', { endsOn: '2026-10-01' }, '2026-11-01', '2026-11-30', []],
  ])('%s', (_case, over, from, to, expected) => {
    expect(occurrences(schedule(over), from, to)).toEqual(expected);
  });
});

describe('due and overdue sessions', () => {
  const dates = (list: { date: string }[]) => list.map((s) => s.date);

  it.each<[string, Partial<Schedule>, Consultation[], string[], string[]]>([
    ['nothing logged: today due, two weeks back overdue', {}, [], ['2026-11-24'], ['2026-11-10', '2026-11-17']],
    [
      'a holiday week skipped is neither due nor overdue',
      { skippedDates: ['2026-11-17', '2026-11-24'] },
      [],
      [],
      ['2026-11-10'],
    ],
    [
      'logged from the schedule, any attendance, cancelled included',
      {},
      [
        consultation('2026-11-10', { scheduleId: 'maths-tue' }, 'cancelled'),
        consultation('2026-11-24', { scheduleId: 'maths-tue' }, 'absent_unexcused'),
      ],
      [],
      ['2026-11-17'],
    ],
    [
      'logged by hand as the same session (same role, subject, a learner of the schedule)',
      {},
      [consultation('2026-11-17', {})],
      ['2026-11-24'],
      ['2026-11-10'],
    ],
    [
      'a hand-logged session of another subject does not count',
      {},
      [consultation('2026-11-17', { subject: 'latvian' })],
      ['2026-11-24'],
      ['2026-11-10', '2026-11-17'],
    ],
    [
      'a hand-logged session with other learners does not count',
      {},
      [consultation('2026-11-17', { attendees: [{ learnerId: 'l9', attendance: 'attended' }] })],
      ['2026-11-24'],
      ['2026-11-10', '2026-11-17'],
    ],
    [
      'a session logged from another schedule does not count',
      {},
      [consultation('2026-11-17', { scheduleId: 'other' })],
      ['2026-11-24'],
      ['2026-11-10', '2026-11-17'],
    ],
    ['not before startsOn', { startsOn: '2026-11-15' }, [], ['2026-11-24'], ['2026-11-17']],
    ['starts today', { startsOn: TODAY }, [], ['2026-11-24'], []],
    ['starts next week', { startsOn: '2026-11-25' }, [], [], []],
    ['ended last week', { endsOn: '2026-11-17' }, [], [], ['2026-11-10', '2026-11-17']],
    ['stopped', { active: false }, [], [], []],
    ['another weekday: nothing today', { weekday: 3 }, [], [], ['2026-11-11', '2026-11-18']],
  ])('%s', (_case, over, logged, due, overdue) => {
    const result = dueSessions([schedule(over)], logged, TODAY);
    expect(dates(result.due)).toEqual(due);
    expect(dates(result.overdue)).toEqual(overdue);
  });

  it('looks back as far as told, and not at all with 0', () => {
    expect(dates(dueSessions([schedule()], [], TODAY, 7).overdue)).toEqual(['2026-11-17']);
    expect(dates(dueSessions([schedule()], [], TODAY, 0).overdue)).toEqual([]);
    expect(dates(dueSessions([schedule()], [], TODAY, 28).overdue)).toEqual([
      '2026-10-27',
      '2026-11-03',
      '2026-11-10',
      '2026-11-17',
    ]);
  });

  it('orders today’s sessions by time and overdue ones oldest first', () => {
    const early = schedule({ id: 'early', startTime: '08:30' });
    const monday = schedule({ id: 'monday', weekday: 1, startTime: '08:00' });
    const result = dueSessions([schedule(), early, monday], [], TODAY, 7);
    expect(result.due.map((s) => s.schedule.id)).toEqual(['early', 'maths-tue']);
    expect(result.overdue.map((s) => `${s.date} ${s.schedule.id}`)).toEqual([
      '2026-11-17 early',
      '2026-11-17 maths-tue',
      '2026-11-23 monday',
    ]);
  });

  it('a logged session is one of this date only', () => {
    const logged = [consultation('2026-11-17', { scheduleId: 'maths-tue' })];
    expect(isLogged(schedule(), '2026-11-17', logged)).toBe(true);
    expect(isLogged(schedule(), '2026-11-10', logged)).toBe(false);
  });
});

describe('logging a scheduled session', () => {
  const plan = {
    id: 'p1',
    learnerId: 'l1',
    status: 'in_progress',
    measures: [{ id: 'm1', kind: 'subject_consultation', subject: 'maths' }],
  } as unknown as SupportPlan;

  it('as held: every learner attended, the schedule’s time, length and mode, its id', () => {
    expect(consultationFromSchedule(schedule({ mode: 'remote', channel: 'zoom' }), '2026-11-17', 'attended')).toEqual({
      schoolId: 's1',
      staffId: 't1',
      staffRole: 'subject_teacher',
      subject: 'maths',
      planId: '',
      scheduleId: 'maths-tue',
      date: '2026-11-17',
      startTime: '14:00',
      minutes: 40,
      mode: 'remote',
      channel: 'zoom',
      attendees: [
        { learnerId: 'l1', attendance: 'attended' },
        { learnerId: 'l2', attendance: 'attended' },
      ],
      notes: '',
    });
  });

  it('per learner, attended where not said; one learner is tied to the plan measure', () => {
    expect(
      consultationFromSchedule(schedule(), TODAY, { l2: 'absent_unexcused' }).attendees.map((a) => a.attendance),
    ).toEqual(['attended', 'absent_unexcused']);
    expect(consultationFromSchedule(schedule({ learnerIds: ['l1'] }), TODAY, 'cancelled', [plan])).toMatchObject({
      planId: 'p1',
      measureId: 'm1',
      attendees: [{ learnerId: 'l1', attendance: 'cancelled' }],
    });
  });
});

describe('skipping a session', () => {
  it('adds the day once, in order, and leaves the rest of the schedule as it was', () => {
    const once = skippedSession(schedule(), '2026-11-24');
    const twice = skippedSession(skippedSession(once, '2026-11-10'), '2026-11-24');
    expect(twice.skippedDates).toEqual(['2026-11-10', '2026-11-24']);
    expect({ ...twice, skippedDates: undefined }).toEqual({ ...schedule(), skippedDates: undefined });
    expect(occurrences(twice, '2026-11-01', '2026-11-30')).toEqual(['2026-11-03', '2026-11-17']);
    expect(scheduleSchema.safeParse(twice).success).toBe(true);
  });
});

describe('the schedule record', () => {
  const valid = schedule();
  it.each<[string, Partial<Schedule>]>([
    ['no learner', { learnerIds: [] }],
    ['a learner twice', { learnerIds: ['l1', 'l1'] }],
    ['weekday 0', { weekday: 0 }],
    ['weekday 8', { weekday: 8 }],
    ['a time of 24:00', { startTime: '24:00' }],
    ['remote without a channel', { mode: 'remote' }],
    ['ends before it starts', { endsOn: '2026-08-31' }],
  ])('refuses %s', (_case, over) => {
    expect(scheduleSchema.safeParse({ ...valid, ...over }).success).toBe(false);
  });

  it('accepts a whole one', () => {
    expect(scheduleSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['running on', undefined, '2026-11-23'],
    ['ending later', '2026-12-31', '2026-11-23'],
    ['ending earlier', '2026-11-10', '2026-11-10'],
  ])('stopping one %s: inactive, no sessions from today on', (_case, endsOn, expected) => {
    const stopped = stoppedSchedule(schedule(endsOn ? { endsOn } : {}), TODAY);
    expect(stopped).toMatchObject({ active: false, endsOn: expected });
    expect(scheduleSchema.safeParse(stopped).success).toBe(true);
  });

  it('stopping one that has not started yet keeps it valid', () => {
    const stopped = stoppedSchedule(schedule({ startsOn: '2026-12-01' }), TODAY);
    expect(stopped).toMatchObject({ active: false, endsOn: '2026-12-01' });
    expect(scheduleSchema.safeParse(stopped).success).toBe(true);
  });
});
