import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { canCreateUser, type User } from '../../domain';
import { useMunicipalities, useSchools, useUser } from '../../db';
import { usersApi, type CreateUserInput, type UpdateUserRequest } from '../../sync';
import { notify } from '../notifications';
import { AccountActions } from './AccountActions';
import { RequireUserManager, type UserManager } from './manager';
import { UserForm } from './UserForm';

/** Add (no id in the route) or change a person. Unlike learners, this goes to the server at once: it needs the network. */
export function UserEditPage() {
  return <RequireUserManager>{(manager) => <UserEditor manager={manager} />}</RequireUserManager>;
}

function UserEditor({ manager }: { manager: UserManager }) {
  const { t } = useTranslation(['users', 'common']);
  const { userId } = useParams();
  const navigate = useNavigate();
  const api = useMemo(() => usersApi(), []);
  const { data: stored, loading } = useUser(userId);
  const { data: schools } = useSchools();
  const { data: municipalities } = useMunicipalities();
  // The server's answer until sync brings the same (or a newer) entry to this device.
  const [answered, setAnswered] = useState<User | null>(null);
  const user = answered && stored && answered.updatedAt > stored.updatedAt ? answered : stored;
  const isNew = userId === undefined;

  if (!isNew && loading) return null;
  if (!isNew && !user) {
    return (
      <section className="page">
        <p className="empty">{t('notFound')}</p>
        <Link to="/users">{t('title')}</Link>
      </section>
    );
  }

  const readOnlyReason = !user
    ? null
    : user.id === manager.actor.userId
      ? 'self'
      : canCreateUser(manager.actor, user)
        ? null
        : 'outOfScope';

  async function create(request: CreateUserInput) {
    const created = await api.createUser(request);
    notify({ kind: 'success', key: 'users:created', values: { name: created.displayName } });
    void navigate('/users');
  }

  async function update(changes: UpdateUserRequest | null) {
    if (user && changes) {
      const saved = await api.updateUser(user.id, changes);
      notify({ kind: 'success', key: 'users:saved', values: { name: saved.displayName } });
    }
    void navigate('/users');
  }

  return (
    <section className="page page--narrow">
      <h1>{user ? t('editTitle', { name: user.displayName }) : t('newTitle')}</h1>
      <p className="field__hint page__lead">{t('needsNetwork')}</p>
      {readOnlyReason ? <p className="empty">{t(`readOnly.${readOnlyReason}`)}</p> : null}
      <UserForm
        key={user?.id ?? 'new'}
        user={user}
        grantableRoles={manager.grantable}
        schools={schools}
        municipalities={municipalities}
        readOnly={readOnlyReason !== null}
        onCreate={create}
        onUpdate={update}
        onCancel={() => void navigate('/users')}
      />
      {user && !readOnlyReason ? (
        <AccountActions
          user={user}
          onResetPassword={async (password) => {
            await api.resetPassword(user.id, password);
            notify({ kind: 'success', key: 'users:actions.passwordReset', values: { name: user.displayName } });
          }}
          onSetActive={async (active) => {
            setAnswered(await api.setActive(user.id, active));
            const key = active ? 'users:actions.enabled' : 'users:actions.disabled';
            notify({ kind: 'success', key, values: { name: user.displayName } });
          }}
        />
      ) : null}
    </section>
  );
}
