import { describe, expect, it } from 'vitest';
import { translationsIn } from '../../../test/fixtures/renderWithI18n';
import type { SupportPlan } from '../../domain';
import { toConsultation, toSchedule, type QuickLogValues, type ScheduleFormValues } from './consultationForms';

const AT = '2026-09-01T08:00:00.000Z';
const plan: SupportPlan = {
  id: 'p1',
  createdAt: AT,
  updatedAt: AT,
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['t1'],
  status: 'in_progress',
  risks: [{ id: 'r1', code: 'learning.low_achievement', note: '' }],
  measures: [
    {
      id: 'm1',
      kind: 'subject_consultation',
      subject: 'maths',
      plannedSessions: 8,
      riskIds: ['r1'],
      justification: 'x',
    },
  ],
  history: [],
};
const context = { staffId: 't1', schoolId: 's1', plans: [plan] };
const log: QuickLogValues = {
  learners: ['l1'],
  role: 'subject_teacher',
  subject: 'maths',
  date: '2026-11-25',
  startTime: '',
  minutes: '40',
  mode: 'in_person',
  channel: '',
};
const schedule: ScheduleFormValues = {
  learners: ['l1', 'l2'],
  role: 'subject_teacher',
  subject: 'maths',
  weekday: '2',
  startTime: '14:00',
  minutes: '40',
  mode: 'in_person',
  channel: '',
  startsOn: '2026-11-24',
  endsOn: '',
};
const MINUTES = { key: 'consultations:errors.minutes', values: { min: 1, max: 600 } };

describe('the quick log’s check (the consultation schema’s own limits and rules)', () => {
  it('turns what was typed into the consultation, tied to the one learner’s plan measure', () => {
    expect(toConsultation(log, context)).toEqual({
      ok: true,
      value: {
        schoolId: 's1',
        staffId: 't1',
        staffRole: 'subject_teacher',
        subject: 'maths',
        planId: 'p1',
        measureId: 'm1',
        date: '2026-11-25',
        startTime: '',
        minutes: 40,
        mode: 'in_person',
        attendees: [{ learnerId: 'l1', attendance: 'attended' }],
        notes: '',
      },
    });
  });

  it.each([
    ['600 minutes, the most', { minutes: '600' }, null],
    ['1 minute, the least', { minutes: '1' }, null],
    ['601 minutes', { minutes: '601' }, { minutes: MINUTES }],
    ['0 minutes', { minutes: '0' }, { minutes: MINUTES }],
    ['nothing for the length', { minutes: '' }, { minutes: MINUTES }],
    ['a length in words', { minutes: 'daudz' }, { minutes: MINUTES }],
    ['half a minute too many', { minutes: '40.5' }, { minutes: MINUTES }],
    ['no learner', { learners: [] }, { learners: { key: 'consultations:today.chooseLearner' } }],
    [
      'a remote session without its channel',
      { mode: 'remote' },
      { channel: { key: 'common:domainMessages.consultation.channelRequired' } },
    ],
    ['a remote session on Zoom', { mode: 'remote', channel: 'zoom' }, null],
    ['no subject for a subject teacher', { subject: '' }, { subject: { key: 'consultations:today.chooseSubject' } }],
    ['a psychologist names no subject', { role: 'psychologist', subject: '' }, null],
    ['no date', { date: '' }, { date: { key: 'common:validation.date' } }],
    ['a start at 25:00', { startTime: '25:00' }, { startTime: { key: 'consultations:schedule.errors.time' } }],
  ] as const)('%s', (_, change, errors) => {
    const checked = toConsultation({ ...log, ...change }, context);
    expect(checked.ok ? null : checked.errors).toEqual(errors);
  });

  it('names every problem at once: no learner and too long', () => {
    const checked = toConsultation({ ...log, learners: [], minutes: '700' }, context);
    expect(checked.ok ? null : checked.errors).toEqual({
      learners: { key: 'consultations:today.chooseLearner' },
      minutes: MINUTES,
    });
  });
});

describe('the schedule form’s check (the schedule schema’s own limits and rules)', () => {
  it('turns what was typed into a running weekly schedule, a group tied to no plan', () => {
    expect(toSchedule({ ...schedule, endsOn: '2027-01-31' }, context)).toEqual({
      ok: true,
      value: {
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
        startsOn: '2026-11-24',
        endsOn: '2027-01-31',
        active: true,
      },
    });
  });

  it.each([
    ['no start time', { startTime: '' }, { startTime: { key: 'consultations:schedule.errors.time' } }],
    ['601 minutes', { minutes: '601' }, { minutes: MINUTES }],
    [
      'an end before the start',
      { endsOn: '2026-11-23' },
      { endsOn: { key: 'common:domainMessages.schedule.endsBeforeStart' } },
    ],
    ['an end on the first day', { endsOn: '2026-11-24' }, null],
    [
      'one learner twice',
      { learners: ['l1', 'l1'] },
      { learners: { key: 'common:domainMessages.schedule.duplicateLearner' } },
    ],
    ['no learner', { learners: [] }, { learners: { key: 'consultations:today.chooseLearner' } }],
    ['no first day', { startsOn: '' }, { startsOn: { key: 'common:validation.date' } }],
  ] as const)('%s', (_, change, errors) => {
    const checked = toSchedule({ ...schedule, ...change }, context);
    expect(checked.ok ? null : checked.errors).toEqual(errors);
  });
});

describe('the length message', () => {
  it.each([
    ['lv', 'Ievadiet ilgumu minūtēs (1–600).'],
    ['en', 'Enter the length in minutes (1–600).'],
    ['ru', 'Введите длительность в минутах (1–600).'],
  ] as const)('names the schema’s range in %s', (language, text) => {
    const i18n = translationsIn(language);
    expect(i18n.t(MINUTES.key, MINUTES.values)).toBe(text);
  });
});
