import { describe, expect, it } from 'vitest';
import type { Attendance, Consultation } from '../activity';
import type { Measure, SupportPlan } from '../plan';
import { learnerStaff, type LearnerStaffMember } from './learnerStaff';

const AT = '2026-09-01T08:00:00.000Z';
const SEMESTER = { schoolYear: '2026/2027', semester: 1 as const };

const measure = (id: string, extra: Partial<Measure>): Measure => ({
  id,
  kind: 'subject_consultation',
  riskIds: ['r'],
  justification: '',
  ...extra,
});
const plan = (id: string, extra: Partial<SupportPlan>): SupportPlan => ({
  id,
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['prep'],
  status: 'in_progress',
  risks: [],
  measures: [],
  history: [],
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});
const consultation = (
  staffId: string,
  date: string,
  attendance: Attendance,
  role: { staffRole: string; subject?: string } = { staffRole: 'subject_teacher', subject: 'maths' },
  learnerId = 'l1',
): Consultation => ({
  id: `${staffId}-${date}-${Math.random()}`,
  schoolId: 's1',
  staffId,
  ...role,
  planId: '',
  date,
  startTime: '',
  minutes: 40,
  mode: 'in_person',
  attendees: [{ learnerId, attendance }],
  notes: '',
  createdAt: AT,
  updatedAt: AT,
});
const users = [
  { id: 'prep', displayName: 'Dace Liepa' },
  { id: 'maths', displayName: 'Ilze Kalniņa' },
  { id: 'psy', displayName: 'Ēriks Čakste' },
  { id: 'lat', displayName: 'Andris Ozols' },
];

const staffOf = (plans: SupportPlan[], consultations: Consultation[] = []) =>
  learnerStaff({ learnerId: 'l1', semester: SEMESTER, plans, consultations, users });
const row = (staffId: string, extra: Partial<LearnerStaffMember> = {}): LearnerStaffMember => ({
  staffId,
  name: users.find((u) => u.id === staffId)?.displayName ?? null,
  subjects: [],
  specialistRoles: [],
  preparer: false,
  onPlan: false,
  sessions: 0,
  ...extra,
});

const mathsMeasure = measure('m1', { subject: 'maths', staffId: 'maths' });
const psyMeasure = measure('m2', { kind: 'specialist_consultation', specialistRole: 'psychologist', staffId: 'psy' });

describe('staff working with a learner', () => {
  it.each<[string, SupportPlan[], Consultation[], LearnerStaffMember[]]>([
    ['nobody without plans or consultations', [], [], []],
    [
      'the preparer and the staff named on measures, by Latvian name order',
      [plan('p1', { measures: [psyMeasure, mathsMeasure] })],
      [],
      [
        row('prep', { preparer: true }),
        row('psy', { specialistRoles: ['psychologist'], onPlan: true }),
        row('maths', { subjects: ['maths'], onPlan: true }),
      ],
    ],
    [
      'not measures without a named person, nor compensations',
      [
        plan('p1', {
          measures: [
            measure('m3', { subject: 'latvian' }),
            measure('m4', { kind: 'compensation', compensationCategory: 'meals', staffId: 'lat' }),
          ],
        }),
      ],
      [],
      [row('prep', { preparer: true })],
    ],
    [
      'not other semesters’ plans, other learners’ plans or inactive ones',
      [
        plan('old', { schoolYear: '2025/2026', semester: 2, measures: [mathsMeasure] }),
        plan('other', { learnerId: 'l2', measures: [mathsMeasure] }),
        plan('gone', { status: 'inactive', measures: [mathsMeasure] }),
      ],
      [],
      [],
    ],
    [
      'counts attended sessions of the semester; a missed one lists the person, a cancelled one does not',
      [plan('p1', { measures: [mathsMeasure] })],
      [
        consultation('maths', '2026-10-01', 'attended'),
        consultation('maths', '2026-10-08', 'attended'),
        consultation('maths', '2026-10-15', 'absent_unexcused'),
        consultation('maths', '2026-06-01', 'attended'),
        consultation('lat', '2026-10-02', 'absent_excused', { staffRole: 'subject_teacher', subject: 'latvian' }),
        consultation('psy', '2026-10-03', 'cancelled', { staffRole: 'psychologist' }),
        consultation('psy', '2026-10-04', 'attended', { staffRole: 'psychologist' }, 'l2'),
      ],
      [
        row('lat', { subjects: ['latvian'] }),
        row('prep', { preparer: true }),
        row('maths', { subjects: ['maths'], onPlan: true, sessions: 2 }),
      ],
    ],
    [
      'a consultation adds the role it was given in; an unknown person comes last',
      [plan('p1', { measures: [mathsMeasure] })],
      [
        consultation('maths', '2026-11-02', 'attended', { staffRole: 'consulting_teacher' }),
        consultation('stranger', '2026-11-03', 'attended', { staffRole: 'social_pedagogue' }),
      ],
      [
        row('prep', { preparer: true }),
        row('maths', { subjects: ['maths'], specialistRoles: ['consulting_teacher'], onPlan: true, sessions: 1 }),
        row('stranger', { specialistRoles: ['social_pedagogue'], sessions: 1 }),
      ],
    ],
  ])('%s', (_case, plans, consultations, expected) => {
    expect(staffOf(plans, consultations)).toEqual(expected);
  });

  it('merges a preparer who also consults into one entry', () => {
    const plans = [plan('p1', { preparerIds: ['maths'], measures: [mathsMeasure] })];
    expect(staffOf(plans, [consultation('maths', '2026-09-10', 'attended')])).toEqual([
      row('maths', { subjects: ['maths'], preparer: true, onPlan: true, sessions: 1 }),
    ]);
  });
});
