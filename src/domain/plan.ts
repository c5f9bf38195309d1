import { z } from 'zod';
import {
  centsSchema,
  dateSchema,
  entityBase,
  idSchema,
  schoolYearSchema,
  semesterSchema,
  textSchema,
  timestampSchema,
} from './primitives';

export const planStatuses = [
  'draft',
  'in_approval',
  'approved',
  'in_progress',
  'suspended',
  'under_revision',
  'inactive',
] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const measureKinds = ['subject_consultation', 'specialist_consultation', 'compensation'] as const;
export type MeasureKind = (typeof measureKinds)[number];

export const planOutcomes = ['improved', 'no_improvement', 'support_stopped', 'no_longer_needed', 'continues'] as const;
/**
 * Why a plan brought no improvement, as the programme's reports count them (002: lack of motivation, unwillingness,
 * unexcused absences, negative peer influence, parents' indifference), so they can be added up, not only read.
 */
export const noImprovementReasons = [
  'lack_of_motivation',
  'unwillingness',
  'unexcused_absence',
  'negative_peer_influence',
  'parents_indifference',
  'other',
] as const;
export type NoImprovementReason = (typeof noImprovementReasons)[number];
export type PlanOutcome = (typeof planOutcomes)[number];

/** A risk found for the learner; `code` is an item of the programme profile's risk grid. */
export const planRiskSchema = z.object({
  id: idSchema,
  code: textSchema().min(1).max(60),
  note: textSchema().max(2000).default(''),
});
export type PlanRisk = z.infer<typeof planRiskSchema>;

export const measureSchema = z.object({
  id: idSchema,
  kind: z.enum(measureKinds),
  /** Ids of the plan's risks this measure answers; at least one before the plan can be sent for approval. */
  riskIds: z.array(idSchema),
  /** Sensitive: encrypted at rest on the device. */
  justification: textSchema().max(4000).default(''),
  subject: textSchema().max(40).optional(),
  specialistRole: textSchema().max(40).optional(),
  staffId: idSchema.optional(),
  plannedSessions: z.number().int().min(0).max(500).optional(),
  plannedHoursPerMonth: z.number().min(0).max(200).optional(),
  compensationCategory: textSchema().max(40).optional(),
  plannedMonthlyCents: centsSchema.optional(),
});
export type Measure = z.infer<typeof measureSchema>;

export const planHistoryEntrySchema = z.object({
  id: idSchema,
  at: timestampSchema,
  byUserId: idSchema,
  action: textSchema().min(1).max(60),
  fromStatus: z.enum(planStatuses).optional(),
  toStatus: z.enum(planStatuses).optional(),
  reason: textSchema().max(2000).optional(),
  /** For a field changed on two devices: which value was kept and which lost. */
  detail: textSchema().max(4000).optional(),
});
export type PlanHistoryEntry = z.infer<typeof planHistoryEntrySchema>;

/**
 * What part of a plan one content edit changed, in words the history can say (rules/planEditLog): which parts, never
 * their values, so the log holds nothing sensitive and needs no encryption at rest.
 */
export const planEditParts = [
  'learner',
  'semester',
  'preparers',
  'applicationSignedOn',
  'risks',
  'measuresAdded',
  'measuresChanged',
  'measuresRemoved',
  'evaluation',
] as const;
export type PlanEditPart = (typeof planEditParts)[number];

/** One content edit of a plan (or a person's run of edits within a few minutes): who, when, which parts. */
export const planEditEntrySchema = z.object({
  id: idSchema,
  /** When the first edit of the run was made, and the last. */
  firstAt: timestampSchema,
  at: timestampSchema,
  byUserId: idSchema,
  parts: z.array(z.enum(planEditParts)).min(1).max(planEditParts.length),
});
export type PlanEditEntry = z.infer<typeof planEditEntrySchema>;
/** The most edit entries a plan keeps; later edits still save, unlogged (edits of a run share one entry). */
export const MAX_PLAN_EDITS = 500;

export const planEvaluationSchema = z.object({
  deliveredShare: z.number().min(0).max(10),
  outcome: z.enum(planOutcomes),
  /** With outcome no_improvement only (evaluatePlan keeps them for no other); optional: plans evaluated before had none. */
  reasons: z.array(z.enum(noImprovementReasons)).max(noImprovementReasons.length).optional(),
  note: textSchema().max(4000).default(''),
  evaluatedAt: timestampSchema,
  evaluatedBy: idSchema,
});
export type PlanEvaluation = z.infer<typeof planEvaluationSchema>;

export const supportPlanSchema = z.object({
  ...entityBase,
  learnerId: idSchema,
  schoolId: idSchema,
  schoolYear: schoolYearSchema,
  semester: semesterSchema,
  preparerIds: z.array(idSchema).min(1),
  status: z.enum(planStatuses),
  statusReason: textSchema().max(2000).optional(),
  applicationSignedOn: dateSchema.optional(),
  risks: z.array(planRiskSchema).max(60),
  measures: z.array(measureSchema).max(100),
  history: z.array(planHistoryEntrySchema),
  /** Content edits, append-only but for the pusher's own last run (rules/planEditLog); absent on older plans. */
  edits: z.array(planEditEntrySchema).max(MAX_PLAN_EDITS).optional(),
  evaluation: planEvaluationSchema.optional(),
  /**
   * The programme profile the plan was made under (profile/storedProfile profileForSchoolYear), kept for good: its
   * caps, risk grid and measure kinds judge the plan and its compensations. Absent on plans made before profiles
   * were kept, which are PuMPuRS 2017 plans (plans version 2 migration).
   */
  profileId: textSchema().min(1).max(40).optional(),
});
export type SupportPlan = z.infer<typeof supportPlanSchema>;
