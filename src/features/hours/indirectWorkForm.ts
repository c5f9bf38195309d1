import { canWrite, indirectWorkSchema, type Actor, type IndirectWork, type User } from '../../domain';
import { fieldErrorsFrom, type FieldErrors, type Validated } from '../forms';

/** What the form shows: text only, the time as hours and minutes as a person reckons it. */
export interface IndirectWorkFormValues {
  staffId: string;
  month: string;
  hours: string;
  minutes: string;
  what: string;
}

export type IndirectWorkFields = Omit<IndirectWork, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'syncConflicts'>;

/** Where the record is kept: the school selected on the device, and its municipality. */
export interface IndirectWorkPlace {
  schoolId: string;
  municipalityId: string;
}

export function emptyIndirectValues(staffId: string, month: string): IndirectWorkFormValues {
  return { staffId, month, hours: '', minutes: '', what: '' };
}

export function indirectValuesOf(work: IndirectWork): IndirectWorkFormValues {
  return {
    staffId: work.staffId,
    month: work.month,
    hours: String(Math.floor(work.minutes / 60)),
    minutes: work.minutes % 60 ? String(work.minutes % 60) : '',
    what: work.what,
  };
}

/** A whole number typed, or undefined for an empty field, or NaN for anything else ("1,5" is not a count of hours). */
const wholeOf = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};

const minutesSchema = indirectWorkSchema.shape.minutes;

/** Why the schema refused the time: none given, too little, or more than a month's bound (in hours, as typed). */
function timeError(total: number | undefined) {
  if (total === undefined) return { key: 'common:validation.required' };
  const max = minutesSchema.maxValue ?? Number.POSITIVE_INFINITY;
  if (total > max) return { key: 'hours:indirect.form.tooMuch', values: { max: max / 60 } };
  if (total < (minutesSchema.minValue ?? 0)) return { key: 'hours:indirect.form.tooLittle' };
  return { key: 'common:validation.invalid' };
}

/**
 * What was typed, as the domain's fields. The time is hours and minutes on screen and minutes in the record; every
 * bound is the schema's (domain/indirectWork.ts: at least a minute, at most the month's limit), checked by parsing a
 * whole record with placeholder bookkeeping, so the form and the database cannot disagree. A slip in the time is
 * named next to the hours, or next to the minutes when only they are wrong.
 */
export function toIndirectWorkFields(
  values: IndirectWorkFormValues,
  place: IndirectWorkPlace | null,
): Validated<keyof IndirectWorkFormValues, IndirectWorkFields> {
  if (!place) return { ok: false, errors: { staffId: { key: 'common:validation.required' } } };
  const hours = wholeOf(values.hours);
  const minutes = wholeOf(values.minutes);
  const errors: FieldErrors<keyof IndirectWorkFormValues> = {};
  if (Number.isNaN(hours)) errors.hours = { key: 'common:validation.invalid' };
  if (Number.isNaN(minutes)) errors.minutes = { key: 'common:validation.invalid' };
  const total = hours === undefined && minutes === undefined ? undefined : (hours ?? 0) * 60 + (minutes ?? 0);
  const parsed = indirectWorkSchema.safeParse({
    id: 'new',
    createdAt: '2000-01-01T00:00:00.000Z',
    updatedAt: '2000-01-01T00:00:00.000Z',
    kind: 'indirect',
    municipalityId: place.municipalityId,
    schoolId: place.schoolId,
    staffId: values.staffId,
    month: values.month,
    minutes: total,
    what: values.what,
  });
  if (!parsed.success) {
    const found = fieldErrorsFrom(parsed.error);
    if (found.staffId) errors.staffId = found.staffId;
    if (found.month) errors.month = found.month;
    if (found.what) errors.what = found.what;
    if (found.minutes && !errors.hours && !errors.minutes) errors.hours = timeError(total);
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = parsed.data;
  return { ok: true, value: fields };
}

/**
 * For whom this person may record indirect work at the school, as the permission table decides: themselves, and
 * for a school coordinator the school's active staff too (canWrite, the rule the server applies).
 */
export function recordableStaff(
  actor: Actor,
  place: IndirectWorkPlace | null,
  users: readonly Pick<User, 'id' | 'schoolIds' | 'active'>[],
): string[] {
  if (!place) return [];
  const mayRecord = (staffId: string) =>
    canWrite(actor, 'staffevents', null, { kind: 'indirect', ...place, staffId }).ok;
  const others = users
    .filter((u) => u.active && u.id !== actor.userId && u.schoolIds.includes(place.schoolId))
    .map((u) => u.id)
    .filter(mayRecord);
  return [...(mayRecord(actor.userId) ? [actor.userId] : []), ...others];
}
