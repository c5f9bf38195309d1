import type { ProgrammeProfile } from './programmeProfile';
import { profileById, type StoredProfile } from './storedProfile';

const unionOf = <T extends string>(lists: readonly (readonly T[])[]): T[] => [...new Set(lists.flat())];

/**
 * One profile naming everything any of `profiles` names, for a list or a report that spans plans made under
 * different profiles (PuMPuRS 2017 plans and "Skola–kopiena" ones in one school): its risk groups hold every risk
 * any of them places in the group, in first-seen order, so a filter by group or a report's count by risk misses none.
 * Numbers (minutes, target, caps, the grant) are the first profile's: per-plan rules take each plan's own profile.
 */
export function unionOfProfiles(profiles: readonly ProgrammeProfile[]): ProgrammeProfile | undefined {
  const [first, ...rest] = profiles;
  if (!first || rest.length === 0) return first;
  const groups = new Map<string, string[]>();
  for (const p of profiles)
    for (const g of p.riskGroups) groups.set(g.code, unionOf([groups.get(g.code) ?? [], g.items]));
  // Of two caps for one category, the first profile's (its numbers are the ones kept).
  const compensations = new Map<string, ProgrammeProfile['compensations'][number]>();
  for (const c of profiles.flatMap((p) => p.compensations))
    if (!compensations.has(c.code)) compensations.set(c.code, c);
  const riskLabels = profiles.flatMap((p) => (p as Partial<StoredProfile>).riskLabels ?? []);
  return {
    ...first,
    riskGroups: [...groups].map(([code, items]) => ({ code, items })),
    measureKinds: unionOf(profiles.map((p) => p.measureKinds)),
    specialistRoles: unionOf(profiles.map((p) => p.specialistRoles)),
    subjects: unionOf(profiles.map((p) => p.subjects)),
    compensations: [...compensations.values()],
    ...(riskLabels.length > 0 ? { riskLabels } : {}),
  } as ProgrammeProfile;
}

/**
 * The profile a list of plans is shown under: the union of the plans' own profiles (those known on this device),
 * or `fallback` (the school year's profile) when there are no plans or none of their profiles is known.
 * The union's numbers (a report's headline target) are the school year's profile's when any plan is under it, else
 * those of the profile first by id: never the accident of which plan a query returned first.
 */
export function profileOfPlans(
  plans: readonly { profileId?: string | undefined }[],
  stored: readonly StoredProfile[],
  fallback: ProgrammeProfile,
): ProgrammeProfile {
  const byId = new Map<string, ProgrammeProfile>();
  for (const plan of plans) {
    const profile = profileById(stored, plan.profileId);
    if (profile) byId.set(profile.id, profile);
  }
  const known = [...byId.values()].sort(
    (a, b) => Number(b.id === fallback.id) - Number(a.id === fallback.id) || a.id.localeCompare(b.id),
  );
  return unionOfProfiles(known) ?? fallback;
}
