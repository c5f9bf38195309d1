import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { grantableRoles, managesUsers, type Actor, type UserRole } from '../../domain';
import { useActor } from '../account';

export interface UserManager {
  /** The manager's reach as this device knows it; the server checks again on every request. */
  actor: Actor;
  grantable: UserRole[];
}

/** For the navigation: does this person manage users at all? */
export function useManagesUsers(): boolean {
  const actor = useActor();
  return actor !== null && managesUsers(actor.roles);
}

export function useUserManager(): UserManager | null {
  const actor = useActor();
  return useMemo(
    () => (actor && managesUsers(actor.roles) ? { actor, grantable: grantableRoles(actor) } : null),
    [actor],
  );
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
