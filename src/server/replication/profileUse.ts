import {
  PROFILE_OF_OLDER_PLANS,
  profileInUseProblem,
  profileUseOf,
  type StoredProfile,
  type SupportPlan,
} from '../../domain';
import type { Queryable } from '../store/store';
import type { ValidRow } from './documents';
import type { RuleCheck } from './writeCheck';

/**
 * An administrator's edit of a stored profile keeps what the plans made under it name (domain profileInUse): the
 * plans are read here in the push's transaction, all of them, not only those the administrator's device holds. A
 * plan that a later push moves onto the profile is judged by the plan's own check (planSteps: its profile's rules).
 */
export async function profileUseCheck(tx: Queryable, rows: readonly ValidRow[]): Promise<RuleCheck> {
  const ids = [...new Set(rows.map((r) => (r.next as unknown as StoredProfile).id))].filter(
    (id) => id !== PROFILE_OF_OLDER_PLANS,
  );
  const plans = ids.length
    ? (
        await tx.query<{ data: SupportPlan }>(
          `SELECT data FROM documents WHERE collection = 'plans' AND NOT deleted AND data->>'profileId' = ANY($1::text[])`,
          [ids],
        )
      ).map(({ data }) => data)
    : [];
  return {
    check(_previous, next) {
      const profile = next as unknown as StoredProfile & { _deleted?: boolean };
      const use = profileUseOf(plans.filter((p) => p.profileId === profile.id));
      return profileInUseProblem(profile._deleted ? null : profile, use) ? 'profileInUse' : null;
    },
  };
}
