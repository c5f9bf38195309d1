import { useMemo } from 'react';
import { reachOf, type Actor } from '../../domain';
import { useMunicipalities, useSchools, useUser } from '../../db';
import { useSession } from '../../sync';

/**
 * The person working, as the domain rules need them: their reach computed as the server computes it (reachOf) from
 * their synced directory entry (roles and schools change) over the schools and municipalities this device holds.
 * Until that entry has synced, the device knows only the roles of their last sign-in, and what it holds is what the
 * server found in their reach. The server checks again on every push.
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
    const person = self ?? { id: userId, roles: signInRoles, schoolIds: schools.map((s) => s.id) };
    return reachOf(person, { schools, municipalities });
  }, [userId, signInRoles, self, schools, municipalities]);
}
