import { z } from 'zod';
import { dateSchema, entityBase, idSchema, textSchema } from './primitives';

/**
 * Staff development (001, 004): seminars, supervisions, workshops, conferences, and methodological materials the
 * staff worked on. "Methodological material" is a kind of its own because 001 lists it beside the events; its hours
 * are the time spent on it.
 */
export const staffEventKinds = ['seminar', 'supervision', 'workshop', 'conference', 'material'] as const;
export type StaffEventKind = (typeof staffEventKinds)[number];

/** Bounds of the record, kept here only (the form reads them from this schema). */
export const STAFF_EVENT_LIMITS = { hours: 500, participants: 300, others: 10000 } as const;

/**
 * One event for a school (schoolId) or for a municipality (no schoolId). `date` is its first day and `endDate` its
 * last (the same for a one-day event). The staff who took part are directory users (participantIds); people who are
 * not in the directory (another school's teachers, 004's "19 tehnikuma pedagogi" when they have no account) are a
 * count, `otherParticipants`. Every participant is credited the event's `hours`.
 *
 * Version 1 of the collection: version 0 had a single `date` and a `participants` count, which migrates to
 * `otherParticipants` (db/schemas/collections.ts, and the server's SQL migration for stored documents).
 */
export const staffEventSchema = z
  .object({
    ...entityBase,
    municipalityId: idSchema,
    schoolId: idSchema.optional(),
    kind: z.enum(staffEventKinds),
    title: textSchema().trim().min(1).max(200),
    provider: textSchema().trim().max(200),
    date: dateSchema,
    endDate: dateSchema,
    hours: z.number().min(0.5).max(STAFF_EVENT_LIMITS.hours).multipleOf(0.5),
    participantIds: z.array(idSchema).max(STAFF_EVENT_LIMITS.participants),
    otherParticipants: z.number().int().min(0).max(STAFF_EVENT_LIMITS.others),
  })
  .refine((e) => e.endDate >= e.date, { message: 'staffEvent.datesOrder', path: ['endDate'] })
  .refine((e) => new Set(e.participantIds).size === e.participantIds.length, {
    message: 'staffEvent.participantTwice',
    path: ['participantIds'],
  });
export type StaffEvent = z.infer<typeof staffEventSchema>;
