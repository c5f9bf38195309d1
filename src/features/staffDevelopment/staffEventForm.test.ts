import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain';
import { emptyFormValues, toStaffEventFields, writablePlaces } from './staffEventForm';

const schools = [
  { id: 'tehnikums', municipalityId: 'cesis' },
  { id: 'pamatskola', municipalityId: 'cesis' },
];
const municipalities = [{ id: 'cesis' }];
const actor = (roles: Actor['roles'], schoolIds: string[]): Actor => ({
  userId: 'u',
  roles,
  schoolIds,
  municipalityIds: ['cesis'],
});

describe('the places one may record an event for', () => {
  it.each([
    ['a director', actor(['director'], ['tehnikums']), ['school:tehnikums']],
    ['a teacher', actor(['teacher'], ['tehnikums']), []],
    [
      'the municipal coordinator',
      actor(['municipal_coordinator'], ['tehnikums', 'pamatskola']),
      ['municipality:cesis', 'school:tehnikums', 'school:pamatskola'],
    ],
  ])('%s', (_who, a, places) => {
    expect(writablePlaces(a, schools, municipalities).map((p) => p.value)).toEqual(places);
  });
});

describe('what the form turns into', () => {
  const places = writablePlaces(actor(['municipal_coordinator'], ['tehnikums']), schools, municipalities);
  const typed = {
    ...emptyFormValues('school:tehnikums', '2026-10-06'),
    kind: 'workshop' as const,
    title: ' Darbnīca ',
    hours: '1,5',
    participantIds: 'anna\njuris',
  };
  it('a school’s workshop, hours with a decimal comma, no others given', () => {
    expect(toStaffEventFields(typed, places)).toEqual({
      ok: true,
      value: {
        municipalityId: 'cesis',
        schoolId: 'tehnikums',
        kind: 'workshop',
        title: 'Darbnīca',
        provider: '',
        date: '2026-10-06',
        endDate: '2026-10-06',
        hours: 1.5,
        participantIds: ['anna', 'juris'],
        otherParticipants: 0,
      },
    });
  });
  it.each([
    ['no hours', { hours: '' }, 'hours', 'common:validation.required'],
    ['hours as words', { hours: 'daudz' }, 'hours', 'common:validation.invalid'],
    ['the end before the start', { endDate: '2026-10-05' }, 'endDate', 'common:domainMessages.staffEvent.datesOrder'],
    ['no title', { title: '' }, 'title', 'common:validation.required'],
    ['a place out of reach', { place: 'school:elsewhere' }, 'place', 'common:validation.required'],
  ])('%s', (_case, change, field, key) => {
    const result = toStaffEventFields({ ...typed, ...change }, places);
    expect(result.ok ? null : result.errors[field as keyof typeof result.errors]?.key).toBe(key);
  });
});
