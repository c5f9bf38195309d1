import { z } from 'zod';
import { entityBase, idSchema, monthSchema, textSchema } from './primitives';
import { staffEventSchema, type StaffEvent } from './staffEvent';

/** Bounds of the record, kept here only (a form reads them from this schema). */
export const INDIRECT_WORK_LIMITS = { minutesPerMonth: 200 * 60, whatLength: 200 } as const;

/**
 * A staff member's indirect work in one month (issue 11, 004: "netieši iesaistītie darbinieki (grāmatveži,
 * koordinatori) … 68 stundas"): the time an accountant or coordinator spent on the programme without giving a
 * consultation — paying compensations, arranging plans. Kept in minutes, as consultations are, so hours add up
 * without rounding each month.
 *
 * The second record kind of the `staffevents` collection (RxDB allows 13 collections and 11 are used), marked by
 * `kind: 'indirect'` beside the events' own kinds (seminar, supervision…), so the events stored before keep their
 * shape and need no data migration (staffRecordSchema below; the collection's version 2).
 */
export const indirectWorkSchema = z.object({
  ...entityBase,
  kind: z.literal('indirect'),
  municipalityId: idSchema,
  schoolId: idSchema,
  staffId: idSchema,
  month: monthSchema,
  minutes: z.number().int().min(1).max(INDIRECT_WORK_LIMITS.minutesPerMonth),
  what: textSchema().trim().min(1).max(INDIRECT_WORK_LIMITS.whatLength),
});
export type IndirectWork = z.infer<typeof indirectWorkSchema>;

/**
 * A document of the `staffevents` collection: a staff development event or a month's indirect work, told apart by
 * `kind`. A discriminated union rather than one object of optional parts (as youthprojects has): the two share no
 * field but their place, and each keeps its own type and bounds; toRxSchema merges the union into one RxDB schema.
 */
export const staffRecordSchema = z.discriminatedUnion('kind', [staffEventSchema, indirectWorkSchema]);
export type StaffRecord = z.infer<typeof staffRecordSchema>;

export const isIndirectWork = <T extends { kind: string }>(record: T): record is T & IndirectWork =>
  record.kind === 'indirect';
export const isStaffEvent = <T extends { kind: string }>(record: T): record is T & StaffEvent =>
  record.kind !== 'indirect';
