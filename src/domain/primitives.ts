import { z } from 'zod';

/** Client-generated identifiers (UUID v4 in practice); bounded because RxDB indexes need a maxLength. */
export const idSchema = z.string().min(1).max(40);
/** An ISO 8601 timestamp with offset, e.g. 2026-11-24T08:00:00.000Z. */
export const timestampSchema = z.iso.datetime({ offset: true });
/** A calendar date, e.g. 2026-11-24 (no time zone: a school day is a local date). */
export const dateSchema = z.iso.date();
/** A wall-clock time, e.g. 14:00. */
export const timeOfDaySchema = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** A school year as written in Latvia, e.g. 2021/2022: the second year follows the first. */
export const schoolYearSchema = z
  .string()
  .max(9)
  .regex(/^\d{4}\/\d{4}$/)
  .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, { message: 'schoolYear.consecutive' });
export const semesterSchema = z.union([z.literal(1), z.literal(2)]);
/** Money is always counted in whole euro cents. */
export const centsSchema = z.number().int().min(0).max(100_000_000);
/** A month, e.g. 2026-11. */
export const monthSchema = z
  .string()
  .max(7)
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * A value changed on two devices at once: which one was kept, and the other, so a person can see and restore it.
 * Values are JSON text, bounded, whatever the field held.
 */
export const syncConflictSchema = z.object({
  id: idSchema,
  at: timestampSchema,
  path: z.string().max(300),
  kept: z.string().max(4000),
  lost: z.string().max(4000),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;
export const MAX_SYNC_CONFLICTS = 20;

/** Fields every stored entity has. `updatedAt` is informational: sync never orders by client clocks. */
export const entityBase = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** The most recent values lost to a conflicting edit elsewhere (see domain/merge). */
  syncConflicts: z.array(syncConflictSchema).max(MAX_SYNC_CONFLICTS).optional(),
};
