import {
  canWrite,
  staffEventSchema,
  type Actor,
  type Municipality,
  type School,
  type StaffEvent,
  type StaffEventKind,
} from '../../domain';
import { fieldErrorsFrom, type FieldErrors, type Validated } from '../forms';

/** Where an event is held: a school, or a municipality as a whole. Encoded as `school:<id>` / `municipality:<id>`. */
export interface EventPlace {
  value: string;
  municipalityId: string;
  schoolId?: string;
}

export interface StaffEventFormValues {
  place: string;
  kind: StaffEventKind;
  title: string;
  provider: string;
  date: string;
  endDate: string;
  hours: string;
  /** The chosen directory ids, one per line: the form keeps only text. */
  participantIds: string;
  otherParticipants: string;
}

export type StaffEventFields = Omit<StaffEvent, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'syncConflicts'>;

const placeOf = (schoolId: string | undefined, municipalityId: string) =>
  schoolId ? `school:${schoolId}` : `municipality:${municipalityId}`;

/**
 * The places this person may record an event for, as the permission table decides (canWrite): their schools as
 * director or school coordinator, and their municipality (and its schools) as municipal coordinator.
 */
export function writablePlaces(
  actor: Actor,
  schools: readonly Pick<School, 'id' | 'municipalityId'>[],
  municipalities: readonly Pick<Municipality, 'id'>[],
): EventPlace[] {
  const candidates: EventPlace[] = [
    ...municipalities
      .filter((m) => actor.municipalityIds.includes(m.id))
      .map((m) => ({ value: placeOf(undefined, m.id), municipalityId: m.id })),
    ...schools
      .filter((s) => actor.schoolIds.includes(s.id))
      .map((s) => ({ value: placeOf(s.id, s.municipalityId), municipalityId: s.municipalityId, schoolId: s.id })),
  ];
  return candidates.filter((p) => canWrite(actor, 'staffevents', null, { ...p }).ok);
}

export function formValuesOf(event: StaffEvent): StaffEventFormValues {
  return {
    place: placeOf(event.schoolId, event.municipalityId),
    kind: event.kind,
    title: event.title,
    provider: event.provider,
    date: event.date,
    endDate: event.endDate,
    hours: String(event.hours),
    participantIds: event.participantIds.join('\n'),
    otherParticipants: event.otherParticipants ? String(event.otherParticipants) : '',
  };
}

export function emptyFormValues(place: string, today: string): StaffEventFormValues {
  return {
    place,
    kind: 'seminar',
    title: '',
    provider: '',
    date: today,
    endDate: today,
    hours: '',
    participantIds: '',
    otherParticipants: '',
  };
}

/** "1,5" and "1.5" alike; an empty field stays empty, so the schema says it is required. */
const numberOf = (text: string): number | undefined => {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
};

export const idsOf = (text: string) => text.split('\n').filter((id) => id !== '');

/**
 * What was typed, as the domain's fields: every limit is the schema's (domain/staffEvent.ts), checked by parsing a
 * whole record with placeholder bookkeeping, so the form and the database cannot disagree.
 */
export function toStaffEventFields(
  values: StaffEventFormValues,
  places: readonly EventPlace[],
): Validated<keyof StaffEventFormValues, StaffEventFields> {
  const place = places.find((p) => p.value === values.place);
  if (!place) return { ok: false, errors: { place: { key: 'common:validation.required' } } };
  const parsed = staffEventSchema.safeParse({
    id: 'new',
    createdAt: '2000-01-01T00:00:00.000Z',
    updatedAt: '2000-01-01T00:00:00.000Z',
    municipalityId: place.municipalityId,
    ...(place.schoolId ? { schoolId: place.schoolId } : {}),
    kind: values.kind,
    title: values.title,
    provider: values.provider,
    date: values.date,
    endDate: values.endDate,
    hours: numberOf(values.hours),
    participantIds: idsOf(values.participantIds),
    otherParticipants: numberOf(values.otherParticipants) ?? 0,
  });
  if (!parsed.success) {
    const errors: FieldErrors<keyof StaffEventFormValues> = fieldErrorsFrom(parsed.error);
    // zod tells a missing number from a wrong one only by the input, which it does not report: typed is not missing.
    for (const field of ['hours', 'otherParticipants'] as const) {
      if (errors[field] && values[field].trim() !== '') errors[field] = { key: 'common:validation.invalid' };
    }
    return { ok: false, errors };
  }
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = parsed.data;
  return { ok: true, value: fields };
}
