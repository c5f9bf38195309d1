import { z } from 'zod';
import { entityBase, idSchema, monthSchema, textSchema } from './primitives';

/** Bounds of the record, kept here only (a form reads them from this schema). */
export const INDIRECT_WORK_LIMITS = { minutesPerMonth: 200 * 60, whatLength: 200 } as const;

/**
 * A staff member's indirect work in one month (issue 11, 004: "netieši iesaistītie darbinieki (grāmatveži,
 * koordinatori) … 68 stundas"): the time an accountant or coordinator spent on the programme without giving a
 * consultation — paying compensations, arranging plans. Kept in minutes, as consultations are, so hours add up
 * without rounding each month.
 *
 * Meant as the second record kind of the `staffevents` collection (as youthprojects holds competitions and
 * applications), marked by `kind: 'indirect'`; not wired into the collection yet (see the report of issue 11).
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
