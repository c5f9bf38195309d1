import { z } from 'zod';
import { centsSchema, dateSchema, entityBase, idSchema, monthSchema, textSchema } from './primitives';

/**
 * Youth initiative projects (issue 12; seeds 000, 002): a municipality announces a competition, organisations apply,
 * a commission scores the applications, and the approved ones run for 3–18 months on exactly the programme's grant.
 *
 * Both a competition and its applications are documents of the one `youthprojects` collection (RxDB allows 13
 * collections and 11 are used), told apart by `kind`. They are not one document holding its applications because
 * the two are read by different people: a call is public in its municipality, an application only to the
 * municipality's coordinators and the competition's commission (issue 12: "commission members see the applications
 * of their competition only"). A separate document per application can carry its readers itself — `commissionIds`,
 * a copy of the competition's commission that the server checks against the stored competition — so the server's
 * read scope (replication/readScope.ts) is one column test and one JSON array test, like the users', with no join,
 * and the departures table can keep that one fact. Each member's scores are an entry of the application's `scores`
 * list keyed by the member's id, so two members scoring offline merge item by item (domain/merge), and the server
 * lets a member change their own entry only.
 *
 * Version 1 of the collection; version 0 held bare projects with no competition (db/migrations.ts youthProjectToVersion1).
 */
export const youthRecordKinds = ['competition', 'application'] as const;
export type YouthRecordKind = (typeof youthRecordKinds)[number];

export const youthApplicationStatuses = ['applied', 'approved', 'rejected', 'running', 'finished'] as const;
export type YouthApplicationStatus = (typeof youthApplicationStatuses)[number];

/** Who may apply (000): a youth organisation, an association or foundation working with youth. */
export const youthApplicantKinds = ['youth_organisation', 'association', 'foundation'] as const;

export const YOUTH_LIMITS = {
  criteria: 20,
  maxScore: 100,
  documents: 20,
  commission: 15,
  partners: 20,
  participants: 10000,
  progressNotes: 100,
  months: 60,
} as const;

const ids = (max: number) => z.array(idSchema).max(max);

export const youthCriterionSchema = z.object({
  id: idSchema,
  title: textSchema().trim().min(1).max(300),
  maxScore: z.number().int().min(1).max(YOUTH_LIMITS.maxScore),
});
export type YouthCriterion = z.infer<typeof youthCriterionSchema>;

export const youthRequiredDocumentSchema = z.object({ id: idSchema, title: textSchema().trim().min(1).max(200) });

export const youthCompetitionSchema = z.object({
  title: textSchema().trim().min(1).max(200),
  /** The programme profile the call is made under: its grant and durations apply to every application. */
  profileId: textSchema().min(1).max(60),
  opens: dateSchema,
  deadline: dateSchema,
  budgetCents: centsSchema,
  criteria: z.array(youthCriterionSchema).min(1).max(YOUTH_LIMITS.criteria),
  requiredDocuments: z.array(youthRequiredDocumentSchema).max(YOUTH_LIMITS.documents),
  /** The evaluation commission's members (directory user ids). Fixed once an application is stored (server). */
  commission: ids(YOUTH_LIMITS.commission),
});
export type YouthCompetition = z.infer<typeof youthCompetitionSchema>;

/** One commission member's scores of one application: `id` is the member's user id. */
export const youthScoreSheetSchema = z.object({
  id: idSchema,
  scores: z
    .array(z.object({ criterionId: idSchema, score: z.number().int().min(0).max(YOUTH_LIMITS.maxScore) }))
    .max(YOUTH_LIMITS.criteria),
});
export type YouthScoreSheet = z.infer<typeof youthScoreSheetSchema>;

export const youthProgressNoteSchema = z.object({
  id: idSchema,
  date: dateSchema,
  text: textSchema().trim().min(1).max(2000),
});

export const youthFinalReportSchema = z.object({
  activities: textSchema().trim().max(4000),
  participants: z.number().int().min(0).max(YOUTH_LIMITS.participants),
  atRiskParticipants: z.number().int().min(0).max(YOUTH_LIMITS.participants),
  /** Absent where it was never reported (projects migrated from version 0). */
  spentCents: centsSchema.optional(),
});
export type YouthFinalReport = z.infer<typeof youthFinalReportSchema>;

export const youthApplicationSchema = z.object({
  /** Absent only for projects of version 0, which were recorded without a competition. */
  competitionId: idSchema.optional(),
  title: textSchema().trim().min(1).max(200),
  organisation: textSchema().trim().min(1).max(200),
  applicantKind: z.enum(youthApplicantKinds).optional(),
  /** Together with a youth initiative group (000). */
  withInitiativeGroup: z.boolean().default(false),
  contact: textSchema().trim().max(300),
  partners: z.array(textSchema().trim().min(1).max(200)).max(YOUTH_LIMITS.partners),
  activities: textSchema().trim().max(4000),
  atRiskParticipants: z.number().int().min(0).max(YOUTH_LIMITS.participants),
  startMonth: monthSchema,
  /** Duration in months; the profile bounds it (3–18 under PuMPuRS, rules/youthProjects.ts). */
  months: z.number().int().min(1).max(YOUTH_LIMITS.months),
  /** Ids of the competition's required documents received. */
  documentsReceived: ids(YOUTH_LIMITS.documents),
  scores: z.array(youthScoreSheetSchema).max(YOUTH_LIMITS.commission),
  status: z.enum(youthApplicationStatuses),
  decisionReason: textSchema().trim().max(1000).default(''),
  /** The grant, set when approved: exactly the profile's amount (rules/youthProjects.ts grantProblem). */
  grantCents: centsSchema.optional(),
  progress: z.array(youthProgressNoteSchema).max(YOUTH_LIMITS.progressNotes),
  report: youthFinalReportSchema.optional(),
});
export type YouthApplication = z.infer<typeof youthApplicationSchema>;

export const youthProjectSchema = z
  .object({
    ...entityBase,
    kind: z.enum(youthRecordKinds),
    municipalityId: idSchema,
    /** An application's readers besides the coordinators: its competition's commission (see above). */
    commissionIds: ids(YOUTH_LIMITS.commission).optional(),
    competition: youthCompetitionSchema.optional(),
    application: youthApplicationSchema.optional(),
  })
  .refine(
    (r) =>
      r.kind === 'competition'
        ? r.competition !== undefined && r.application === undefined && r.commissionIds === undefined
        : r.application !== undefined && r.competition === undefined && r.commissionIds !== undefined,
    { message: 'youthProject.kindMismatch', path: ['kind'] },
  )
  .refine((r) => !r.competition || r.competition.deadline >= r.competition.opens, {
    message: 'youthProject.datesOrder',
    path: ['competition', 'deadline'],
  });
export type YouthProject = z.infer<typeof youthProjectSchema>;
export type YouthCompetitionRecord = YouthProject & { kind: 'competition'; competition: YouthCompetition };
export type YouthApplicationRecord = YouthProject & {
  kind: 'application';
  application: YouthApplication;
  commissionIds: string[];
};
