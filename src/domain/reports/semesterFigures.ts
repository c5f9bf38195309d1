import type { School } from '../organisation';
import type { SupportPlan } from '../plan';
import type { ProgrammeProfile } from '../profile/programmeProfile';
import { defaultProfile } from '../profile/pumpurs2017';
import type { SchoolSemester } from '../rules/calendar';
import {
  consultedLearnerFigures,
  sessionFigures,
  staffFigures,
  type ConsultedLearnerFigures,
  type SessionFigures,
  type StaffFigures,
} from './consultationFigures';
import {
  deliveryFigures,
  isPlanMade,
  outcomeFigures,
  planFigures,
  riskFigures,
  type DeliveryFigures,
  type OutcomeFigures,
  type PlanFigures,
  type RiskFigures,
} from './planFigures';
import { indirectWorkFigures, type IndirectWorkFigures } from './indirectWorkFigures';
import { present, semesterRecords, type ReportInput } from './scope';
import { staffDevelopmentFigures, type StaffDevelopmentFigures } from './staffDevelopmentFigures';
import { compensationFigures, supportFigures, type CompensationFigures, type SupportFigures } from './supportFigures';

/**
 * Every figure of a semester report, defined once: a school's report and a municipality's on the device, the
 * national one on the server, all compute them here (issue 11). The trend over semesters and the learners since the
 * programme began are in trendFigures.ts; small counts for the national level in suppressSmallCounts.ts.
 *
 * Not given here: youth projects (counted since the programme began, in the state's report: nationalFigures.ts).
 * Indirectly involved staff's hours (004: "68 stundas") come from the indirect work staff record per month (a kind
 * of the staffevents collection: indirectWorkFigures.ts, with the staff taking part by group: 004's "20 pedagogi un
 * 2 grāmatveži"), for schools and municipalities.
 * Staff development is counted for schools and municipalities (004's workshops and supervisions); the state's report
 * does not read the events yet.
 */
export interface SemesterFigures {
  semester: SchoolSemester;
  plans: PlanFigures;
  support: SupportFigures;
  compensations: CompensationFigures;
  staff: StaffFigures;
  outcomes: OutcomeFigures;
  risks: RiskFigures;
  consultedLearners: ConsultedLearnerFigures;
  delivery: DeliveryFigures;
  sessions: SessionFigures;
  staffDevelopment: StaffDevelopmentFigures;
  /** Indirect work, and everyone taking part (direct or indirect) by group. */
  indirectWork: IndirectWorkFigures;
}

export interface FigureOptions {
  /** The profile the figures are listed under (risk groups, subjects, categories): the plans' union, profileOfPlans. */
  profile?: ProgrammeProfile;
  /** Each plan's own profile, for its delivered share against its own target; `profile` for all unless told. */
  profileOfPlan?: (plan: SupportPlan) => ProgrammeProfile;
  /** Only records of these schools (a school's own report, one school of a municipality's). */
  schoolIds?: ReadonlySet<string>;
  /** With schoolIds: the municipalities whose own events (no school) count too, for their total. */
  municipalityIds?: ReadonlySet<string>;
}

export function semesterFigures(
  input: ReportInput,
  semester: SchoolSemester,
  { profile = defaultProfile, profileOfPlan, schoolIds, municipalityIds }: FigureOptions = {},
): SemesterFigures {
  const records = semesterRecords(input, semester, schoolIds);
  const plans = planFigures(records.plans);
  const made = records.plans.filter(isPlanMade);
  const support = supportFigures(records.consultations, records.compensations, plans.learnersWithPlans.ids);
  return {
    semester,
    plans,
    support,
    compensations: compensationFigures(records.compensations, profile, records.learners),
    staff: staffFigures(records.consultations, records.users),
    outcomes: outcomeFigures(made),
    risks: riskFigures(made, profile),
    consultedLearners: consultedLearnerFigures(records.consultations, support.learnersSupported.count, profile),
    delivery: deliveryFigures(made, records.allConsultations, records.allCompensations, profile, profileOfPlan),
    sessions: sessionFigures(records.consultations),
    staffDevelopment: staffDevelopmentFigures(
      present(input.staffEvents ?? [], input.refusedIds ?? new Set()),
      semester,
      { schoolIds, municipalityIds },
    ),
    indirectWork: indirectWorkFigures(
      semester,
      records.consultations,
      present(input.indirectWork ?? [], input.refusedIds ?? new Set()).filter(
        (w) => !schoolIds || schoolIds.has(w.schoolId),
      ),
      records.users,
    ),
  };
}

export interface MunicipalityFigures {
  municipalityId: string;
  /** One entry per school of the municipality, in the order of `schools`, with or without activity. */
  schools: { schoolId: string; figures: SemesterFigures }[];
  /**
   * The municipality as one: every count of records (plans, consultations, cents) is the sum of the schools', and
   * every count of people (learners, staff) counts a person once, however many of its schools they were in — a
   * learner who moved, a teacher of two schools — so it may be less than the sum.
   */
  total: SemesterFigures;
}

export function municipalityFigures(
  input: ReportInput,
  semester: SchoolSemester,
  municipalityId: string,
  schools: readonly Pick<School, 'id' | 'municipalityId'>[],
  { profile = defaultProfile, profileOfPlan }: Omit<FigureOptions, 'schoolIds'> = {},
): MunicipalityFigures {
  const own = schools.filter((s) => s.municipalityId === municipalityId);
  const bySchool = partitionBySchool(input);
  const none: ReportInput = { ...input, plans: [], consultations: [], compensations: [] };
  return {
    municipalityId,
    schools: own.map((s) => ({
      schoolId: s.id,
      figures: semesterFigures(bySchool.get(s.id) ?? none, semester, {
        profile,
        ...(profileOfPlan ? { profileOfPlan } : {}),
        schoolIds: new Set([s.id]),
      }),
    })),
    total: semesterFigures(input, semester, {
      profile,
      ...(profileOfPlan ? { profileOfPlan } : {}),
      schoolIds: new Set(own.map((s) => s.id)),
      municipalityIds: new Set([municipalityId]),
    }),
  };
}

/** Each school's records apart, read once: a municipality's report does not scan every record once per school. */
function partitionBySchool(input: ReportInput): Map<string, ReportInput> {
  type Part = {
    plans: ReportInput['plans'][number][];
    consultations: ReportInput['consultations'][number][];
    compensations: ReportInput['compensations'][number][];
  };
  const parts = new Map<string, Part>();
  const part = (schoolId: string): Part => {
    const found = parts.get(schoolId);
    if (found) return found;
    const made: Part = { plans: [], consultations: [], compensations: [] };
    parts.set(schoolId, made);
    return made;
  };
  for (const r of input.plans) part(r.schoolId).plans.push(r);
  for (const r of input.consultations) part(r.schoolId).consultations.push(r);
  for (const r of input.compensations) part(r.schoolId).compensations.push(r);
  return new Map([...parts].map(([schoolId, p]) => [schoolId, { ...input, ...p }]));
}
