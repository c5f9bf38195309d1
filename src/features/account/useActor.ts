import { useMemo } from 'react';
import type { Actor } from '../../domain';
import { useMunicipalities, useSchools, useUser } from '../../db';
import { useSession } from '../../sync';

/**
 * The person working, as the domain rules need them: roles from their synced directory entry (roles change) or
 * else from their last sign-in, and their reach as this device holds it — the device receives exactly the schools
 * and municipalities the person reaches. The server checks again on every push.
 */
export function useActor(): Actor | null {
  const session = useSession();
  const userId = session.status === 'unlocked' ? session.account.userId : undefined;
  const signInRoles = session.status === 'unlocked' ? session.account.roles : undefined;
  const { data: self } = useUser(userId);
  const { data: schools } = useSchools();
  const { data: municipalities } = useMunicipalities();
  return useMemo(() => {
    if (!userId || !signInRoles) return null;
    return {
      userId,
      roles: self?.roles ?? signInRoles,
      schoolIds: schools.map((s) => s.id),
      municipalityIds: municipalities.map((m) => m.id),
    };
  }, [userId, signInRoles, self, schools, municipalities]);
}
