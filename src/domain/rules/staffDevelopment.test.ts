import { describe, expect, it } from 'vitest';
import { staffEventSchema, type StaffEvent } from '../staffEvent';
import { canRead } from '../access/permissions';
import { reachOf } from '../access/reach';
import { developmentHours, mayTakePart, participantProblem } from './staffDevelopment';

const event = (id: string, date: string, hours: number, participantIds: string[], more: Partial<StaffEvent> = {}) =>
  ({
    id,
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-01T08:00:00.000Z',
    municipalityId: 'cesis',
    schoolId: 'tehnikums',
    kind: 'workshop',
    title: id,
    provider: '',
    date,
    endDate: date,
    hours,
    participantIds,
    otherParticipants: 0,
    ...more,
  }) satisfies StaffEvent;

const events = [
  event('workshop', '2026-10-14', 12, ['anna', 'juris']),
  event('supervision', '2026-11-05', 2, ['anna']),
  event('conference', '2026-12-30', 6, ['juris'], { endDate: '2027-01-02' }),
  event('seminar', '2027-02-10', 4, ['anna', 'juris', 'liga']),
];

describe("a staff member's development hours", () => {
  it.each([
    ['anna, semester 1', 'anna', '2026-09-01', '2026-12-31', 14, ['workshop', 'supervision']],
    ['anna, November', 'anna', '2026-11-01', '2026-11-30', 2, ['supervision']],
    // Counted where it began: the conference that runs into January is December's.
    ['juris, semester 1', 'juris', '2026-09-01', '2026-12-31', 18, ['workshop', 'conference']],
    ['juris, January', 'juris', '2027-01-01', '2027-01-31', 0, []],
    ['līga, the year', 'liga', '2026-09-01', '2027-08-31', 4, ['seminar']],
    ['someone at none', 'peteris', '2026-09-01', '2027-08-31', 0, []],
  ])('%s', (_case, staffId, from, to, hours, titles) => {
    const result = developmentHours(events, staffId, { from, to });
    expect(result.hours).toBe(hours);
    expect(result.events.map((e) => e.title)).toEqual(titles);
  });
});

const schools = new Map([
  ['tehnikums', 'cesis'],
  ['pamatskola', 'cesis'],
  ['liepaja-vsk', 'liepaja'],
]);
const person = (id: string, schoolIds: string[], municipalityId?: string, active = true) => ({
  id,
  schoolIds,
  active,
  ...(municipalityId ? { municipalityId } : {}),
});
const people = new Map(
  [
    person('anna', ['tehnikums']),
    person('juris', ['pamatskola']),
    person('koord', [], 'cesis'),
    person('ilze', ['liepaja-vsk']),
    person('left', ['tehnikums'], undefined, false),
  ].map((p) => [p.id, p]),
);

describe('who may take part', () => {
  const schoolEvent = { municipalityId: 'cesis', schoolId: 'tehnikums' };
  const municipalEvent = { municipalityId: 'cesis' };
  it.each([
    ['a teacher of the school, its event', 'anna', schoolEvent, true],
    ['a teacher of a sibling school, the school’s event', 'juris', schoolEvent, false],
    ['a teacher of a sibling school, the municipality’s event', 'juris', municipalEvent, true],
    ['the municipal coordinator, the municipality’s event', 'koord', municipalEvent, true],
    ['the municipal coordinator, a school’s event', 'koord', schoolEvent, false],
    ['a teacher of another municipality', 'ilze', municipalEvent, false],
  ])('%s', (_case, id, place, allowed) => {
    expect(mayTakePart(people.get(id)!, place, schools)).toBe(allowed);
  });

  const at = (participantIds: string[], schoolId: string | null = 'tehnikums') => ({
    municipalityId: 'cesis',
    ...(schoolId ? { schoolId } : {}),
    participantIds,
  });
  it.each([
    ['new, all of the school', null, at(['anna']), null],
    ['new, with one not in the directory', null, at(['anna', 'ghost']), 'staffEvent.participantUnknown'],
    ['new, with a sibling school’s teacher', null, at(['anna', 'juris']), 'staffEvent.participantOutOfReach'],
    ['new, with a disabled account', null, at(['left']), 'staffEvent.participantUnknown'],
    ['an edit keeps a colleague who left since', at(['anna', 'left']), at(['left', 'anna']), null],
    ['an edit adds a disabled account', at(['anna']), at(['anna', 'left']), 'staffEvent.participantUnknown'],
    ['moved to the municipality: a sibling school’s teacher may come', at(['anna']), at(['anna', 'juris'], null), null],
    [
      'moved to the sibling school: the teachers are judged again',
      at(['anna']),
      at(['anna'], 'pamatskola'),
      'staffEvent.participantOutOfReach',
    ],
  ] as const)('%s', (_case, previous, next, problem) => {
    expect(participantProblem(previous, next, people, schools)).toBe(problem);
  });
});

describe('the record', () => {
  const base = event('x', '2026-10-14', 12, ['anna']);
  it.each([
    ['a one-day event', {}, true],
    ['a three-day event', { endDate: '2026-10-16' }, true],
    ['ending before it begins', { endDate: '2026-10-13' }, false],
    ['listing one person twice', { participantIds: ['anna', 'anna'] }, false],
    ['half an hour', { hours: 0.5 }, true],
    ['no hours', { hours: 0 }, false],
    ['a quarter hour', { hours: 1.25 }, false],
    ['501 hours', { hours: 501 }, false],
    ['a negative count of others', { otherParticipants: -1 }, false],
    ['a blank title', { title: '  ' }, false],
  ])('%s', (_case, change, valid) => {
    expect(staffEventSchema.safeParse({ ...base, ...change }).success).toBe(valid);
  });
});

describe('a participant reads the event on their own device', () => {
  const directory = {
    schools: [...schools].map(([id, municipalityId]) => ({ id, municipalityId })),
    municipalities: [{ id: 'cesis' }, { id: 'liepaja' }],
  };
  const places = [
    { municipalityId: 'cesis', schoolId: 'tehnikums' },
    { municipalityId: 'cesis', schoolId: 'pamatskola' },
    { municipalityId: 'cesis' },
    { municipalityId: 'liepaja', schoolId: 'liepaja-vsk' },
    { municipalityId: 'liepaja' },
  ];
  // Everyone who may be listed at a place reads the events there (the converse need not hold: a teacher reads the
  // municipality's events without attending them).
  it.each([...people.values()].filter((p) => p.active).map((p) => [p.id, p] as const))('%s', (_id, p) => {
    const roles = p.municipalityId ? (['municipal_coordinator'] as const) : (['teacher'] as const);
    const reach = reachOf({ ...p, roles }, directory);
    for (const place of places) {
      if (mayTakePart(p, place, schools))
        expect(canRead(reach, 'staffevents', { ...place }), JSON.stringify(place)).toBe(true);
    }
  });
});
