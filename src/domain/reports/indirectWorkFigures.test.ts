import { describe, expect, it } from 'vitest';
import type { Consultation } from '../activity';
import type { IndirectWork } from '../indirectWork';
import { indirectWorkFigures } from './indirectWorkFigures';

const base = { createdAt: '2020-09-01T00:00:00Z', updatedAt: '2020-09-01T00:00:00Z' };
const user = (id: string, roles: string[]) =>
  ({
    ...base,
    id,
    roles,
    username: id,
    displayName: id,
    schoolIds: ['s'],
    specialistRoles: [],
    subjects: [],
    active: true,
  }) as never;
const held = (id: string, staffId: string) =>
  ({ id, staffId, attendees: [{ learnerId: 'l', attendance: 'attended' }] }) as unknown as Consultation;
const work = (id: string, staffId: string, month: string, minutes: number) =>
  ({
    ...base,
    id,
    kind: 'indirect',
    municipalityId: 'm',
    schoolId: 's',
    staffId,
    month,
    minutes,
    what: 'x',
  }) as IndirectWork;

describe('indirect work and the staff taking part (004: 68 hours; 20 pedagogues and 2 accountants)', () => {
  it('adds the semester’s months only and counts each person once, by what they did', () => {
    const users = [
      user('t1', ['teacher']),
      user('t2', ['teacher', 'accountant']),
      user('a1', ['accountant']),
      user('c1', ['school_coordinator']),
    ];
    const figures = indirectWorkFigures(
      { schoolYear: '2020/2021', semester: 1 },
      [held('k1', 't1'), held('k2', 't1'), held('k3', 't2')],
      // By hand: 30 + 45 + 60 in September–December; the January entry is the next semester's.
      [
        work('w1', 'a1', '2020-09', 30),
        work('w2', 'a1', '2020-12', 45),
        work('w3', 'c1', '2020-10', 60),
        work('w4', 'c1', '2021-01', 999),
      ],
      users,
    );
    expect(figures.indirectMinutes).toBe(135);
    // t1 and t2 held consultations (t2 is an accountant too, but worked with learners): 2 pedagogues.
    expect(figures.byGroup.pedagogue.ids).toEqual(['t1', 't2']);
    expect(figures.byGroup.accountant.ids).toEqual(['a1']);
    expect(figures.byGroup.coordinator.ids).toEqual(['c1']);
    expect(figures.byGroup.other.count).toBe(0);
    expect(figures.staffTakingPart.count).toBe(4);
  });
});
