import { z } from 'zod';
import type { UserRole } from '../organisation';
import { entityBase, schoolYearSchema, textSchema, timestampSchema } from '../primitives';
import { programmeProfileSchema, type ProgrammeProfile } from './programmeProfile';
import { pumpurs2017 } from './pumpurs2017';

/**
 * A programme profile an administrator made: an edited copy of another (the built-in PuMPuRS 2017 one, or a copy),
 * e.g. the successor "Skola–kopiena" (2024–2029), and the school years it is chosen for. Stored in the `profiles`
 * collection (db/schemas/collections.ts says why a collection of its own), read by everyone, written by the
 * administrator only (access/permissions.ts). The built-in profile is never stored: it lives in code.
 */
const labelSchema = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_.]*$/)
    .max(60),
  text: textSchema().trim().min(1).max(200),
});

export const storedProfileSchema = z
  .object({
    ...programmeProfileSchema.shape,
    ...entityBase,
    title: textSchema().trim().min(1).max(120),
    /** The profile this one was copied from (a built-in code or another stored profile's id). */
    basedOn: textSchema().max(40).optional(),
    /** The school years whose new plans are made under this profile (profileForSchoolYear). */
    schoolYears: z.array(schoolYearSchema).max(40),
    /** Names of the risks added in this copy, which the locale files do not know (in the language typed). */
    riskLabels: z.array(labelSchema).max(200).default([]),
    /** When the school years were last chosen: of two profiles claiming a year, the later choice wins. */
    assignedAt: timestampSchema.optional(),
  })
  .superRefine((p, ctx) => {
    // Each problem as a domain message code (common:domainMessages.profile.*), spelt out for the messages test's scan.
    const problems = profileProblems(p);
    if (problems.includes('riskOutsideGroup')) ctx.addIssue({ code: 'custom', message: 'profile.riskOutsideGroup' });
    if (problems.includes('duplicateCode')) ctx.addIssue({ code: 'custom', message: 'profile.duplicateCode' });
    if (problems.includes('months')) ctx.addIssue({ code: 'custom', message: 'profile.months' });
  });
export type StoredProfile = z.infer<typeof storedProfileSchema>;

/** The profiles in code. PuMPuRS 2017 is the one a plan without a `profileId` (made before profiles were kept) has. */
export const builtInProfiles: readonly ProgrammeProfile[] = [pumpurs2017];
export const PROFILE_OF_OLDER_PLANS = pumpurs2017.id;

export type ProfileProblem = 'riskOutsideGroup' | 'duplicateCode' | 'months';

/** What a profile's numbers and codes must satisfy beyond their shapes (the form and the server both ask). */
export function profileProblems(p: Pick<ProgrammeProfile, 'riskGroups' | 'compensations' | 'youthProject'>) {
  const problems: ProfileProblem[] = [];
  if (p.riskGroups.some((g) => g.items.some((i) => !i.startsWith(`${g.code}.`)))) problems.push('riskOutsideGroup');
  const codes = [
    ...p.riskGroups.map((g) => `g:${g.code}`),
    ...p.riskGroups.flatMap((g) => g.items),
    ...p.compensations.map((c) => `c:${c.code}`),
  ];
  if (new Set(codes).size !== codes.length) problems.push('duplicateCode');
  if (p.youthProject.minMonths > p.youthProject.maxMonths) problems.push('months');
  return problems;
}

const isLive = (p: StoredProfile) => !(p as { _deleted?: boolean })._deleted;

/**
 * The profile a new plan of this school year is made under: the stored profile chosen for the year (of two that
 * claim it, the later choice: `assignedAt`, then `updatedAt`, then the greater id), else the built-in PuMPuRS 2017
 * profile, whatever the year (the administrator chooses a successor explicitly; nothing changes by the calendar).
 */
export function profileForSchoolYear(stored: readonly StoredProfile[], schoolYear: string): ProgrammeProfile {
  const claiming = stored.filter((p) => isLive(p) && p.schoolYears.includes(schoolYear));
  const rank = (p: StoredProfile) => `${p.assignedAt ?? p.updatedAt}|${p.updatedAt}|${p.id}`;
  const chosen = claiming.reduce<StoredProfile | null>(
    (best, p) => (best === null || rank(p) > rank(best) ? p : best),
    null,
  );
  return chosen ?? pumpurs2017;
}

/**
 * A plan's own profile by its `profileId` (absent: PuMPuRS 2017, the profile of every plan made before). Undefined
 * when the id names no profile known here (a device that has not pulled it yet; the server refuses such a plan).
 */
export function profileById(stored: readonly StoredProfile[], id: string | undefined): ProgrammeProfile | undefined {
  const wanted = id ?? PROFILE_OF_OLDER_PLANS;
  return builtInProfiles.find((p) => p.id === wanted) ?? stored.find((p) => p.id === wanted && isLive(p));
}

/** The name an edited copy gave a risk it added (the locale files name the rest); undefined for the others. */
export function addedRiskLabel(profile: ProgrammeProfile, code: string): string | undefined {
  const labels = (profile as Partial<StoredProfile>).riskLabels ?? [];
  return labels.find((l) => l.code === code)?.text;
}

/** The next free code for a risk added to a group of a copy: group.added_1, group.added_2, … */
export function nextRiskCode(profile: Pick<ProgrammeProfile, 'riskGroups'>, groupCode: string): string {
  const taken = new Set(profile.riskGroups.flatMap((g) => g.items));
  let n = 1;
  while (taken.has(`${groupCode}.added_${n}`)) n += 1;
  return `${groupCode}.added_${n}`;
}

/** The start of an edited copy of `source`: same rules, a new id and title, no school years chosen yet. */
export function copyOfProfile(
  source: ProgrammeProfile & Partial<Pick<StoredProfile, 'riskLabels'>>,
  copy: { id: string; title: string; now: string; by: string },
): StoredProfile {
  return {
    id: copy.id,
    createdAt: copy.now,
    updatedAt: copy.now,
    updatedBy: copy.by,
    title: copy.title,
    basedOn: source.id,
    years: { ...source.years },
    riskGroups: source.riskGroups.map((g) => ({ code: g.code, items: [...g.items] })),
    measureKinds: [...source.measureKinds],
    specialistRoles: [...source.specialistRoles],
    subjects: [...source.subjects],
    compensations: source.compensations.map((c) => ({ ...c })),
    defaultConsultationMinutes: source.defaultConsultationMinutes,
    deliveredTarget: source.deliveredTarget,
    youthProject: { ...source.youthProject },
    schoolYears: [],
    riskLabels: (source.riskLabels ?? []).map((l) => ({ ...l })),
  };
}

/** Who sees the programme profiles screen: coordinators, directors and the administrator (issue 12). */
const PROFILE_VIEWERS: readonly UserRole[] = [
  'director',
  'school_coordinator',
  'municipal_coordinator',
  'national_coordinator',
  'administrator',
];
export const viewsProgrammeProfiles = (roles: readonly UserRole[]) => roles.some((r) => PROFILE_VIEWERS.includes(r));
/** Who makes edited copies and chooses each school year's profile: the administrator (access/permissions.ts). */
export const editsProgrammeProfiles = (roles: readonly UserRole[]) => roles.includes('administrator');
