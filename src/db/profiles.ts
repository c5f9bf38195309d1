import { useMemo } from 'react';
import { map, of } from 'rxjs';
import {
  profileById,
  profileForSchoolYear,
  pumpurs2017,
  storedProfileSchema,
  type ProgrammeProfile,
  type StoredProfile,
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
