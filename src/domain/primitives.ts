import { z } from 'zod';

/** A UTF-16 code unit of a surrogate pair without its partner: not Unicode text, cannot be written as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The message of the issue a malformed text raises; forms show it as "invisible or broken characters". */
export const TEXT_MALFORMED = 'text.malformed';

/**
 * Text that can be stored and sent everywhere: no NUL character (PostgreSQL cannot keep it in text or jsonb) and no
 * lone surrogate (not a character at all). Either can arrive by paste or from a class list file; refusing them here
 * gives the person a clear message on the device instead of a record the server can never store.
 */
export const isStorableText = (value: string): boolean => !value.includes('\u0000') && !LONE_SURROGATE.test(value);

/**
 * Every string of every entity: a zod string that refuses what isStorableText refuses. A refinement, not a regex,
 * so the JSON schema the local database is derived from (and its fingerprint) stays the same.
 */
export const textSchema = () => z.string().refine(isStorableText, { message: TEXT_MALFORMED });

/** Client-generated identifiers (UUID v4 in practice); bounded because RxDB indexes need a maxLength. */
export const idSchema = textSchema().min(1).max(40);
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
  path: textSchema().max(300),
  kept: textSchema().max(4000),
  lost: textSchema().max(4000),
  /** Who saved the kept value and who the lost one (their `updatedBy`), when known: "Marta's change was replaced". */
  keptBy: idSchema.optional(),
  lostBy: idSchema.optional(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;
export const MAX_SYNC_CONFLICTS = 20;

/** Fields every stored entity has. `updatedAt` is informational: sync never orders by client clocks. */
export const entityBase = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /**
   * Who saved this version: stamped by the device on every local write (db/createDatabase), checked by the server
   * against the pusher (rules/authorship). Absent on records written before it was kept.
   */
  updatedBy: idSchema.optional(),
  /** The most recent values lost to a conflicting edit elsewhere (see domain/merge). */
  syncConflicts: z.array(syncConflictSchema).max(MAX_SYNC_CONFLICTS).optional(),
};
