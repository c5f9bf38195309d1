import { z } from 'zod';
import { consultationModes, remoteChannels } from './activity';
import { dateSchema, entityBase, idSchema, textSchema, timeOfDaySchema } from './primitives';

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof weekdays)[number];

/**
 * A recurring consultation: the same staff member, learners, weekday and time every week (e.g. maths every Tuesday at
 * 14:00). It produces due and overdue sessions on the today screen; each one is logged as a consultation carrying the
 * schedule's id. Belongs to its staff member, who alone writes it.
 */
export const scheduleSchema = z
  .object({
    ...entityBase,
    schoolId: idSchema,
    staffId: idSchema,
    /** Profile specialist role code or "subject_teacher", as on a consultation. */
    staffRole: textSchema().min(1).max(40),
    subject: textSchema().max(40).optional(),
    /** '' when not linked to a plan: RxDB can only index fields every document has. */
    planId: textSchema().max(40).default(''),
    learnerIds: z.array(idSchema).min(1).max(60),
    weekday: z.number().int().min(1).max(7),
    startTime: timeOfDaySchema,
    minutes: z.number().int().min(1).max(600),
    mode: z.enum(consultationModes),
    channel: z.enum(remoteChannels).optional(),
    /** The first day a session may fall on. */
    startsOn: dateSchema,
    /** The last day a session may fall on; none while it runs on. */
    endsOn: dateSchema.optional(),
    /** A stopped schedule produces no sessions at all, not even overdue ones. */
    active: z.boolean(),
    /**
     * Days with no session by design (school holidays, a class trip): neither due nor overdue, and not a cancelled
     * consultation either, so cancellation figures stay honest.
     */
    skippedDates: z.array(dateSchema).max(200).optional(),
  })
  .refine((s) => s.mode === 'in_person' || s.channel !== undefined, {
    message: 'consultation.channelRequired',
    path: ['channel'],
  })
  .refine((s) => s.endsOn === undefined || s.endsOn >= s.startsOn, {
    message: 'schedule.endsBeforeStart',
    path: ['endsOn'],
  })
  .refine((s) => new Set(s.learnerIds).size === s.learnerIds.length, {
    message: 'schedule.duplicateLearner',
    path: ['learnerIds'],
  });
export type Schedule = z.infer<typeof scheduleSchema>;
