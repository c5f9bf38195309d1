/**
 * The state's report on the wire (issue 11): the national coordinator's device asks the server for a semester and
 * gets published figures only (domain/reports/publishedFigures.ts: counts, no ids, small counts suppressed). The
 * response schema is strict, so a device refuses (and never keeps) a response carrying anything more.
 */
import { z } from 'zod';
import {
  idSchema,
  planOutcomes,
  schoolYearSchema,
  staffEventKinds,
  staffGroups,
  type NationalFigures,
  type PlanOutcome,
  type PublishedFigures,
  type StaffEventKind,
  type StaffGroup,
} from '../../domain';

export const NATIONAL_REPORT_PATH = '/api/reports/national';

/** `?schoolYear=2020/2021&semester=1`: both as text, as a query string carries them. */
export const nationalReportQuerySchema = z.strictObject({
  schoolYear: schoolYearSchema,
  semester: z.enum(['1', '2']).transform((s) => (s === '1' ? 1 : 2) as 1 | 2),
});
export type NationalReportQuery = z.input<typeof nationalReportQuerySchema>;

const publishedCount = z.union([
  z.number().int().min(0),
  z.string().regex(/^<\d+$/) as unknown as z.ZodType<`<${number}`>,
  z.literal('withheld'),
]);
const share = z.number().min(0).max(1).nullable();
const publishedShare = z.strictObject({ count: publishedCount, share });
const cents = z.number().int().min(0);
const publishedMoney = z.strictObject({
  requestedCents: cents,
  approvedCents: cents,
  paidCents: cents,
  stillOwedCents: cents,
  learners: publishedCount,
  fromOtherMunicipalities: publishedCount,
});
const code = z.string().max(60);

const publishedFiguresSchema: z.ZodType<PublishedFigures> = z.strictObject({
  plansMade: publishedCount,
  learnersWithPlans: publishedCount,
  learnersSupported: publishedCount,
  consultationsOnly: publishedShare,
  economicOnly: publishedShare,
  both: publishedShare,
  compensations: z.record(code, publishedMoney),
  compensationsTotal: publishedMoney,
  staffTakingPart: z.number().int().min(0),
  directMinutes: z.number().int().min(0),
  // Optional: a report kept on a device from before indirect work was counted has none (keptNationalReports.ts).
  indirectMinutes: z.number().int().min(0).optional(),
  staffAll: z.number().int().min(0).optional(),
  staffByGroup: z
    .strictObject(
      Object.fromEntries(staffGroups.map((g) => [g, z.number().int().min(0)])) as Record<StaffGroup, z.ZodNumber>,
    )
    .optional(),
  evaluated: publishedCount,
  outcomes: z.strictObject(
    Object.fromEntries(planOutcomes.map((o) => [o, publishedShare])) as Record<PlanOutcome, typeof publishedShare>,
  ),
  riskGroups: z.record(code, publishedShare),
  deliveryTarget: z.number().min(0).max(1),
  deliveryMeasured: publishedCount,
  meetsTarget: publishedShare,
  belowTarget: publishedShare,
  consultationsHeld: z.number().int().min(0),
  consultationsCancelled: z.number().int().min(0),
  heldInPerson: z.number().int().min(0),
  heldRemote: z.number().int().min(0),
  noShowRate: share,
  staffDevelopment: z.strictObject({
    events: z.number().int().min(0),
    byKind: z.strictObject(
      Object.fromEntries(staffEventKinds.map((k) => [k, z.number().int().min(0)])) as Record<
        StaffEventKind,
        z.ZodNumber
      >,
    ),
    hours: z.number().min(0),
    personHours: z.number().min(0),
    staffReached: z.number().int().min(0),
    otherParticipants: z.number().int().min(0),
  }),
});

export interface NationalReportResponse extends NationalFigures {
  /** When the server computed it (ISO): a device shows it beside a kept copy ("Dati no 01.12.2026. 10:15"). */
  generatedAt: string;
}

export const nationalReportResponseSchema: z.ZodType<NationalReportResponse> = z.strictObject({
  generatedAt: z.iso.datetime(),
  semester: z.strictObject({ schoolYear: schoolYearSchema, semester: z.union([z.literal(1), z.literal(2)]) }),
  threshold: z.number().int().min(1),
  municipalities: z.array(
    z.strictObject({
      municipalityId: idSchema,
      name: z.string().max(120),
      schools: z.number().int().min(0),
      figures: publishedFiguresSchema,
    }),
  ),
  total: publishedFiguresSchema,
  youthProjects: z.strictObject({ projects: z.number().int().min(0), municipalities: z.number().int().min(0) }),
});
