import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { grantableRoles, managesUsers, type Actor, type UserRole } from '../../domain';
import { useMunicipalities, useSchools, useUser } from '../../db';
import { useSession } from '../../sync';

export interface UserManager {
  /** The manager's reach as this device knows it; the server checks again on every request. */
  actor: Actor;
  grantable: UserRole[];
}

/** The person's roles: their directory entry once synced (roles may change), else those of their last sign-in. */
function useOwnRoles(): { userId: string; roles: readonly UserRole[] } | null {
  const session = useSession();
  const userId = session.status === 'unlocked' ? session.account.userId : undefined;
  const { data: self } = useUser(userId);
  if (session.status !== 'unlocked' || !userId) return null;
  return { userId, roles: self?.roles ?? session.account.roles };
}

/** For the navigation: does this person manage users at all? */
export function useManagesUsers(): boolean {
  const own = useOwnRoles();
  return own !== null && managesUsers(own.roles);
}

export function useUserManager(): UserManager | null {
  const own = useOwnRoles();
  const userId = own?.userId;
  const roles = own?.roles;
  const { data: schools } = useSchools();
  const { data: municipalities } = useMunicipalities();
  return useMemo(() => {
    if (!userId || !roles || !managesUsers(roles)) return null;
    // The device holds exactly the schools and municipalities the person reaches.
    const actor: Actor = {
      userId,
      roles,
      schoolIds: schools.map((s) => s.id),
      municipalityIds: municipalities.map((m) => m.id),
    };
    return { actor, grantable: grantableRoles(actor) };
  }, [userId, roles, schools, municipalities]);
}

/** Shows the screen to managers only; everyone else learns who manages users, rather than a blank page. */
export function RequireUserManager({ children }: { children: (manager: UserManager) => ReactNode }) {
  const { t } = useTranslation('users');
  const manager = useUserManager();
  if (!manager) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        <p className="empty">{t('noAccess')}</p>
      </section>
    );
  }
  return children(manager);
}
