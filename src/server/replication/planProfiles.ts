import {
  PROFILE_OF_OLDER_PLANS,
  profileById,
  profileForSchoolYear,
  type ProgrammeProfile,
  type StoredProfile,
  type SupportPlan,
} from '../../domain';
import type { Queryable } from '../store/store';

/**
 * The programme profiles a push is judged by, read in its transaction: the stored ones (a handful), share-locked so
 * an administrator's edit of a profile cannot commit between this read and the push's own commit; the built-in
 * PuMPuRS 2017 profile is in code. A plan is judged by its own profile (`profileId`), never a default.
 */
export interface PushProfiles {
  /** A plan's own profile; undefined when its id names no profile the server knows. */
  ofPlan(plan: Pick<SupportPlan, 'profileId'> | undefined): ProgrammeProfile | undefined;
  /** The profile of a school year's new plans (for a compensation tied to no plan). */
  ofSchoolYear(schoolYear: string): ProgrammeProfile;
  /** The profiles administrators made, live or not (a competition names its own: youthProjects.ts). */
  stored: readonly StoredProfile[];
}

export async function readPushProfiles(tx: Queryable): Promise<PushProfiles> {
  const stored = (
    await tx.query<{ data: StoredProfile }>(
      `SELECT data FROM documents WHERE collection = 'profiles' AND NOT deleted ORDER BY id FOR SHARE`,
    )
  ).map(({ data }) => data);
  return {
    ofPlan: (plan) => profileById(stored, plan?.profileId),
    stored,
    ofSchoolYear: (schoolYear) => profileForSchoolYear(stored, schoolYear),
  };
}

/** Was the profile a plan was made under changed by this push? (Absent is PuMPuRS 2017 on both sides.) */
export function profileChanged(previous: Pick<SupportPlan, 'profileId'> | null, next: Pick<SupportPlan, 'profileId'>) {
  if (previous === null) return false;
  return (previous.profileId ?? PROFILE_OF_OLDER_PLANS) !== (next.profileId ?? PROFILE_OF_OLDER_PLANS);
}

/** The school year a month belongs to: September to August (2025-09 … 2026-08 are 2025/2026). */
export function schoolYearOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const start = Number(month.slice(5, 7)) >= 9 ? year : year - 1;
  return `${start}/${start + 1}`;
}
