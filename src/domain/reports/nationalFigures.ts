import type { YouthProject } from '../activity';
import type { Municipality, School } from '../organisation';
import { nationalYouthCounts } from '../rules/youthProjects';
import type { SchoolSemester } from '../rules/calendar';
import { publishedFigures, PUBLISHED_THRESHOLD, type PublishedFigures } from './publishedFigures';
import type { ReportInput } from './scope';
import { semesterFigures, type FigureOptions } from './semesterFigures';

/**
 * The state's semester report (issue 11): each municipality as one, and the country as one, as published figures
 * (publishedFigures.ts: counts only, small counts suppressed). Computed by the server over every school; a
 * municipality's row is exactly the total of that municipality's report on its coordinator's device
 * (municipalityFigures), its own staff development events included, and the country's counts a learner or a
 * teacher once however many municipalities they were in, as a municipality's total does for its schools.
 */
export interface NationalMunicipality {
  municipalityId: string;
  name: string;
  /** Schools of the municipality on record, with or without activity in the semester. */
  schools: number;
  figures: PublishedFigures;
}

export interface NationalFigures {
  semester: SchoolSemester;
  /** Counts of learners below this are shown as "<threshold>" (suppressSmallCounts.ts). */
  threshold: number;
  /** In the order of the municipalities given (the server sorts them by name). */
  municipalities: NationalMunicipality[];
  total: PublishedFigures;
  /**
   * Youth initiative projects since the programme began (000: "78 projects in 36 municipalities"): the approved,
   * running and finished ones, and the municipalities that have one (rules/youthProjects nationalYouthCounts).
   */
  youthProjects: { projects: number; municipalities: number };
}

export function nationalFigures(
  input: ReportInput,
  semester: SchoolSemester,
  municipalities: readonly Pick<Municipality, 'id' | 'name'>[],
  schools: readonly Pick<School, 'id' | 'municipalityId'>[],
  { profile, profileOfPlan }: Pick<FigureOptions, 'profile' | 'profileOfPlan'> = {},
  youthProjects: readonly YouthProject[] = [],
): NationalFigures {
  const options = { ...(profile ? { profile } : {}), ...(profileOfPlan ? { profileOfPlan } : {}) };
  const parts = partitionByMunicipality(input, schools);
  const none: ReportInput = { ...input, plans: [], consultations: [], compensations: [] };
  return {
    semester,
    threshold: PUBLISHED_THRESHOLD,
    municipalities: municipalities.map((m) => {
      const own = new Set(schools.filter((s) => s.municipalityId === m.id).map((s) => s.id));
      const figures = semesterFigures(parts.get(m.id) ?? none, semester, {
        ...options,
        schoolIds: own,
        municipalityIds: new Set([m.id]),
      });
      return { municipalityId: m.id, name: m.name, schools: own.size, figures: publishedFigures(figures) };
    }),
    youthProjects: nationalYouthCounts(youthProjects),
    total: publishedFigures(
      semesterFigures(input, semester, {
        ...options,
        schoolIds: new Set(schools.map((s) => s.id)),
        municipalityIds: new Set(municipalities.map((m) => m.id)),
      }),
    ),
  };
}

type Part = {
  plans: ReportInput['plans'][number][];
  consultations: ReportInput['consultations'][number][];
  compensations: ReportInput['compensations'][number][];
};

/** Each municipality's records apart, read once: the report does not scan every record once per municipality. */
function partitionByMunicipality(
  input: ReportInput,
  schools: readonly Pick<School, 'id' | 'municipalityId'>[],
): Map<string, ReportInput> {
  const municipalityOf = new Map(schools.map((s) => [s.id, s.municipalityId]));
  const parts = new Map<string, Part>();
  const part = (schoolId: string): Part | undefined => {
    const m = municipalityOf.get(schoolId);
    if (m === undefined) return undefined;
    const found = parts.get(m);
    if (found) return found;
    const made: Part = { plans: [], consultations: [], compensations: [] };
    parts.set(m, made);
    return made;
  };
  for (const r of input.plans) part(r.schoolId)?.plans.push(r);
  for (const r of input.consultations) part(r.schoolId)?.consultations.push(r);
  for (const r of input.compensations) part(r.schoolId)?.compensations.push(r);
  return new Map([...parts].map(([m, p]) => [m, { ...input, ...p }]));
}
