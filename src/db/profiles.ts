import { useMemo } from 'react';
import { map, of } from 'rxjs';
import {
  profileById,
  profileOfPlans,
  profileUseOf,
  profileForSchoolYear,
  pumpurs2017,
  storedProfileSchema,
  type ProfileUse,
  type ProgrammeProfile,
  type StoredProfile,
  type SupportPlan,
} from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { nowIso } from './ids';
import { plainJson } from './json';

const NONE: StoredProfile[] = [];

/** The programme profiles administrators made (everyone's device holds them all: a handful), oldest first. */
export function useStoredProfiles() {
  return useLiveQuery(
    (db) =>
      // A database opened without the collection (a test's, with only what it needs) holds none.
      !(db as Partial<AtbalstsDatabase>).profiles
        ? of(NONE)
        : db.profiles
            .find()
            .$.pipe(
              map((docs) =>
                docs
                  .map((d) => d.toMutableJSON() as StoredProfile)
                  .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
              ),
            ),
    NONE,
    [],
  );
}

/**
 * A plan's own profile (its `profileId`; none: PuMPuRS 2017). Until a profile this device has not pulled yet
 * arrives, the built-in one is shown: the server judges the plan by its own either way.
 */
export function usePlanProfile(plan: { profileId?: string | undefined } | null | undefined): ProgrammeProfile {
  const { data: stored } = useStoredProfiles();
  const profileId = plan?.profileId;
  return useMemo(() => profileById(stored, profileId) ?? pumpurs2017, [stored, profileId]);
}

/** The profile a school year's new plans are made under (domain profileForSchoolYear). */
export function useProfileOfSchoolYear(schoolYear: string): ProgrammeProfile {
  const { data: stored } = useStoredProfiles();
  return useMemo(() => profileForSchoolYear(stored, schoolYear), [stored, schoolYear]);
}

/** Stores a new or edited profile (validated again: the database keeps only whole, valid profiles). */
export async function saveProfile(db: AtbalstsDatabase, profile: StoredProfile): Promise<StoredProfile> {
  const next = plainJson(storedProfileSchema.parse({ ...profile, updatedAt: nowIso() }));
  await db.profiles.upsert(next);
  return next;
}

/**
 * The profile a list of plans is shown under (a learner list's risk filter, a report's risk groups): the union of
 * the plans' own profiles, or the school year's when there are none (domain profileOfPlans).
 */
export function useProfileOfPlans(
  plans: readonly { profileId?: string | undefined }[],
  schoolYear: string,
): ProgrammeProfile {
  const { data: stored } = useStoredProfiles();
  return useMemo(
    () => profileOfPlans(plans, stored, profileForSchoolYear(stored, schoolYear)),
    [plans, stored, schoolYear],
  );
}

/**
 * What the plans this device holds that were made under a profile name of it (domain profileUseOf): an edit that
 * removes any of it is refused before it is sent. The server asks again with every plan.
 */
export async function profileUseOnDevice(db: AtbalstsDatabase, profileId: string): Promise<ProfileUse> {
  // A database opened without plans (an administrator's device may hold none) knows of no use.
  if (!(db as Partial<AtbalstsDatabase>).plans) return profileUseOf([]);
  const docs = await db.plans.find({ selector: { profileId } }).exec();
  return profileUseOf(docs.map((d) => d.toJSON() as SupportPlan));
}
