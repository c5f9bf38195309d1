import {
  consultationSchema,
  measureFor,
  scheduleSchema,
  type Consultation,
  type Schedule,
  type SupportPlan,
} from '../../domain';
import type { NewConsultation, NewSchedule } from '../../db';
import { boundsOf, checkAsRecord, numberFrom, type FieldError, type Validated } from '../forms';

/**
 * The quick log's and the schedule form's checks: what was typed, as the record the database will store, judged by
 * the entity's own schema (its limits, e.g. the length in minutes, and its rules across fields, e.g. a remote session
 * names its channel), each problem named next to its field. The forms restate no limit: a message that names one
 * reads it from the schema.
 */

/** Who logs, where, and the plans a one-learner session is tied to (rules/consultationLinks). */
export interface ConsultationFormContext {
  staffId: string;
  schoolId: string;
  plans: readonly SupportPlan[];
}

/** What both forms hold: text, and the ticked learners. */
interface SessionValues {
  learners: readonly string[];
  role: string;
  subject: string;
  startTime: string;
  minutes: string;
  mode: string;
  channel: string;
}

export interface QuickLogValues extends SessionValues {
  date: string;
}
export type QuickLogField = keyof QuickLogValues;

export interface ScheduleFormValues extends SessionValues {
  weekday: string;
  startsOn: string;
  endsOn: string;
}
export type ScheduleFormField = keyof ScheduleFormValues;

const minutesMessage = (schema: typeof consultationSchema | typeof scheduleSchema): FieldError => ({
  key: 'consultations:errors.minutes',
  values: boundsOf(schema.shape.minutes),
});

/** The role part of both records, and the link a one-learner session has to its plan's measure. */
function roleAndLink(values: SessionValues, plans: readonly SupportPlan[]) {
  const role = { staffRole: values.role, ...(values.role === 'subject_teacher' ? { subject: values.subject } : {}) };
  // A session with one learner is tied to that learner's plan measure; a group one is matched when counted.
  const link = values.learners.length === 1 ? measureFor(plans, values.learners[0] ?? '', role) : null;
  return { role, link };
}

/** A subject teacher names the subject: someone who teaches none (a director, say) is given none (issue 13.7). */
const subjectMissing = (values: SessionValues) => values.role === 'subject_teacher' && !values.subject;

const sharedFields = (values: SessionValues) => ({
  minutes: numberFrom(values.minutes),
  mode: values.mode,
  ...(values.mode === 'remote' && values.channel ? { channel: values.channel } : {}),
});

const formFieldOf =
  <F extends string>(fields: readonly F[], renamed: Record<string, F>) =>
  (recordField: string): F | null =>
    renamed[recordField] ?? (fields.includes(recordField as F) ? (recordField as F) : null);

const QUICK_LOG_FIELDS: readonly QuickLogField[] = [
  'learners',
  'role',
  'subject',
  'date',
  'startTime',
  'minutes',
  'mode',
  'channel',
];

/** The quick log's values as a new consultation: every ticked learner attended, as the quick log records it. */
export function toConsultation(
  values: QuickLogValues,
  { staffId, schoolId, plans }: ConsultationFormContext,
): Validated<QuickLogField, NewConsultation> {
  const { role, link } = roleAndLink(values, plans);
  const checked = checkAsRecord<Consultation, QuickLogField>(
    consultationSchema,
    {
      schoolId,
      staffId,
      ...role,
      planId: link?.planId ?? '',
      ...(link ? { measureId: link.measureId } : {}),
      date: values.date,
      startTime: values.startTime,
      ...sharedFields(values),
      attendees: values.learners.map((learnerId) => ({ learnerId, attendance: 'attended' })),
      notes: '',
    },
    formFieldOf(QUICK_LOG_FIELDS, { attendees: 'learners', staffRole: 'role' }),
    {
      learners: { key: 'consultations:today.chooseLearner' },
      startTime: { key: 'consultations:schedule.errors.time' },
      minutes: minutesMessage(consultationSchema),
    },
  );
  return withSubject(values, checked);
}

const SCHEDULE_FIELDS: readonly ScheduleFormField[] = [
  'learners',
  'role',
  'subject',
  'weekday',
  'startTime',
  'minutes',
  'mode',
  'channel',
  'startsOn',
  'endsOn',
];

/** The schedule form's values as a new weekly schedule, running from its first day. */
export function toSchedule(
  values: ScheduleFormValues,
  { staffId, schoolId, plans }: ConsultationFormContext,
): Validated<ScheduleFormField, NewSchedule> {
  const { role, link } = roleAndLink(values, plans);
  const checked = checkAsRecord<Schedule, ScheduleFormField>(
    scheduleSchema,
    {
      schoolId,
      staffId,
      ...role,
      planId: link?.planId ?? '',
      learnerIds: [...values.learners],
      weekday: numberFrom(values.weekday),
      startTime: values.startTime,
      ...sharedFields(values),
      startsOn: values.startsOn,
      ...(values.endsOn ? { endsOn: values.endsOn } : {}),
      active: true,
    },
    scheduleFieldOf,
    {
      learners: { key: 'consultations:today.chooseLearner' },
      startTime: { key: 'consultations:schedule.errors.time' },
      minutes: minutesMessage(scheduleSchema),
    },
  );
  return withSubject(values, checked);
}

/** Where a schedule record's field is typed in the form (the database's refusal of a save is shown there too). */
export const scheduleFieldOf = formFieldOf(SCHEDULE_FIELDS, { learnerIds: 'learners', staffRole: 'role' });

function withSubject<F extends QuickLogField | ScheduleFormField, R>(
  values: SessionValues,
  checked: Validated<F, R>,
): Validated<F, R> {
  if (!subjectMissing(values)) return checked;
  const errors = checked.ok ? {} : checked.errors;
  return { ok: false, errors: { ...errors, ['subject' as F]: { key: 'consultations:today.chooseSubject' } } };
}
