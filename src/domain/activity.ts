import { z } from 'zod';
import { centsSchema, dateSchema, entityBase, idSchema, monthSchema, textSchema, timeOfDaySchema } from './primitives';

export const attendanceValues = ['attended', 'absent_excused', 'absent_unexcused', 'cancelled'] as const;
export type Attendance = (typeof attendanceValues)[number];
export const consultationModes = ['in_person', 'remote'] as const;
export const remoteChannels = ['e_klase', 'zoom', 'whatsapp', 'phone', 'other'] as const;

export const consultationAttendeeSchema = z.object({
  learnerId: idSchema,
  attendance: z.enum(attendanceValues),
  /** When the learner confirmed the session on the device (replaces the paper "KA" form). */
  confirmedAt: z.iso.datetime({ offset: true }).optional(),
});
export type ConsultationAttendee = z.infer<typeof consultationAttendeeSchema>;

export const consultationSchema = z
  .object({
    ...entityBase,
    schoolId: idSchema,
    staffId: idSchema,
    /** Profile specialist role code or "subject_teacher". */
    staffRole: textSchema().min(1).max(40),
    subject: textSchema().max(40).optional(),
    /** '' when not linked to a plan: RxDB can only index fields every document has. */
    planId: textSchema().max(40).default(''),
    measureId: idSchema.optional(),
    /** The recurring schedule this session was logged from (domain/schedule): it is no longer due or overdue. */
    scheduleId: idSchema.optional(),
    date: dateSchema,
    startTime: z.union([timeOfDaySchema, z.literal('')]).default(''),
    minutes: z.number().int().min(1).max(600),
    mode: z.enum(consultationModes),
    channel: z.enum(remoteChannels).optional(),
    attendees: z.array(consultationAttendeeSchema).min(1).max(60),
    /** What was done. Sensitive: encrypted at rest on the device. */
    notes: textSchema().max(8000).default(''),
  })
  .refine((c) => c.mode === 'in_person' || c.channel !== undefined, {
    message: 'consultation.channelRequired',
    path: ['channel'],
  });
export type Consultation = z.infer<typeof consultationSchema>;

export const compensationStatuses = ['requested', 'approved', 'paid'] as const;
export const compensationSchema = z.object({
  ...entityBase,
  schoolId: idSchema,
  learnerId: idSchema,
  /** '' when not linked to a plan: RxDB can only index fields every document has. */
  planId: textSchema().max(40).default(''),
  /** A compensation category code of the programme profile. */
  category: textSchema().min(1).max(40),
  /** The month paid for; semester-capped categories use the semester's first month. */
  month: monthSchema,
  amountCents: centsSchema,
  status: z.enum(compensationStatuses),
  note: textSchema().max(2000).default(''),
});
export type Compensation = z.infer<typeof compensationSchema>;

/** A psychologist's or social pedagogue's session note: readable by its author, and by the school's support team only if shared. */
export const confidentialNoteSchema = z.object({
  ...entityBase,
  schoolId: idSchema,
  learnerId: idSchema,
  authorId: idSchema,
  sharedWithSupportTeam: z.boolean(),
  date: dateSchema,
  /** Sensitive: encrypted at rest on the device. */
  body: textSchema().max(20000),
});
export type ConfidentialNote = z.infer<typeof confidentialNoteSchema>;

// Youth initiative projects (competitions and their applications) live in youthProject.ts.
export * from './youthProject';

// Staff development events (seminars, supervisions…) live in staffEvent.ts.
export * from './staffEvent';
