import { describe, expect, it } from 'vitest';
import type { StaffEvent } from '../staffEvent';
import { staffDevelopmentFigures } from './staffDevelopmentFigures';

let n = 0;
const event = (more: Partial<StaffEvent> & Pick<StaffEvent, 'kind' | 'date' | 'hours'>): StaffEvent => ({
  id: `e${++n}`,
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  municipalityId: 'cesis',
  title: 'T',
  provider: '',
  endDate: more.date,
  participantIds: [],
  otherParticipants: 0,
  ...more,
});

// 004, 2020/2021 semester 1 at the technical school: workshops of 12 hours for 19 of its teachers (here 4 with
// accounts and 15 without), a remote supervision for 7 teachers; and the municipality's own seminar.
const events = [
  event({
    kind: 'workshop',
    date: '2020-10-06',
    hours: 8,
    schoolId: 'tehnikums',
    participantIds: ['a', 'b', 'c', 'd'],
    otherParticipants: 15,
  }),
  event({
    kind: 'workshop',
    date: '2020-11-17',
    hours: 4,
    schoolId: 'tehnikums',
    participantIds: ['a', 'b'],
    otherParticipants: 15,
  }),
  event({
    kind: 'supervision',
    date: '2020-12-09',
    hours: 2,
    schoolId: 'tehnikums',
    participantIds: ['a', 'e', 'f', 'g', 'h', 'i', 'j'],
  }),
  event({ kind: 'seminar', date: '2020-11-03', hours: 6, participantIds: ['k'], otherParticipants: 30 }),
  event({ kind: 'conference', date: '2020-11-20', hours: 5, schoolId: 'pamatskola', participantIds: ['k'] }),
  // The next semester's: counted in none of these.
  event({ kind: 'workshop', date: '2021-01-12', hours: 3, schoolId: 'tehnikums', participantIds: ['z'] }),
];
const s1 = { schoolYear: '2020/2021', semester: 1 } as const;

describe('staff development in the semester report', () => {
  it.each([
    [
      'the technical school',
      { schoolIds: new Set(['tehnikums']) },
      {
        events: 3,
        workshop: 2,
        supervision: 1,
        seminar: 0,
        conference: 0,
        hours: 14,
        personHours: 8 * 19 + 4 * 17 + 2 * 7,
        staff: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
        others: 30,
      },
    ],
    [
      'the primary school',
      { schoolIds: new Set(['pamatskola']) },
      {
        events: 1,
        workshop: 0,
        supervision: 0,
        seminar: 0,
        conference: 1,
        hours: 5,
        personHours: 5,
        staff: ['k'],
        others: 0,
      },
    ],
    [
      'the municipality: its own seminar and its schools’ events',
      { schoolIds: new Set(['tehnikums', 'pamatskola']), municipalityIds: new Set(['cesis']) },
      {
        events: 5,
        workshop: 2,
        supervision: 1,
        seminar: 1,
        conference: 1,
        hours: 25,
        personHours: 152 + 68 + 14 + 6 * 31 + 5,
        staff: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'],
        others: 60,
      },
    ],
  ])('%s', (_case, scope, expected) => {
    const figures = staffDevelopmentFigures(events, s1, scope);
    expect({
      events: figures.events,
      workshop: figures.byKind.workshop,
      supervision: figures.byKind.supervision,
      seminar: figures.byKind.seminar,
      conference: figures.byKind.conference,
      hours: figures.hours,
      personHours: figures.personHours,
      staff: figures.staffReached.ids,
      others: figures.otherParticipants,
    }).toEqual(expected);
    expect(figures.staffReached.count).toBe(expected.staff.length);
  });

  it('leaves out another municipality’s own events, and counts every event when no scope is given', () => {
    const elsewhere = event({
      kind: 'seminar',
      date: '2020-11-10',
      hours: 3,
      municipalityId: 'liepaja',
      otherParticipants: 4,
    });
    const scoped = staffDevelopmentFigures([...events, elsewhere], s1, {
      schoolIds: new Set(['tehnikums']),
      municipalityIds: new Set(['cesis']),
    });
    expect([scoped.events, scoped.hours]).toEqual([4, 20]);
    expect(staffDevelopmentFigures([...events, elsewhere], s1).events).toBe(6);
  });

  it('counts nothing in a semester without events', () => {
    const figures = staffDevelopmentFigures(events, { schoolYear: '2021/2022', semester: 2 });
    expect([figures.events, figures.hours, figures.staffReached.count, figures.otherParticipants]).toEqual([
      0, 0, 0, 0,
    ]);
  });
});
