import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { compareUsers, matchesUserQuery, userRoles, type User } from '../../domain';
import { useMunicipalities, useSchools, useUsers } from '../../db';
import { RequireUserManager } from './manager';

export function UserListPage() {
  return <RequireUserManager>{() => <UserList />}</RequireUserManager>;
}

function UserList() {
  const { t } = useTranslation(['users', 'common']);
  const searchId = useId();
  const { data: users, loading } = useUsers();
  const { data: schools } = useSchools();
  const { data: municipalities } = useMunicipalities();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);

  const places = useMemo(
    () => new Map([...schools, ...municipalities].map((p) => [p.id, p.name] as const)),
    [schools, municipalities],
  );
  const visible = useMemo(
    () => users.filter((u) => matchesUserQuery(u, deferredQuery)).sort(compareUsers),
    [users, deferredQuery],
  );

  return (
    <section className="page" aria-labelledby="users-title">
      <header className="page__header">
        <h1 id="users-title">{t('title')}</h1>
        <Link className="button button--primary" to="/users/new">
          {t('add')}
        </Link>
      </header>
      <div className="toolbar toolbar--single">
        <div className="toolbar__field">
          <label htmlFor={searchId}>{t('search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            enterKeyHint="search"
          />
        </div>
      </div>
      <p className="page__count" aria-live="polite">
        {loading ? '' : t('count', { count: visible.length })}
      </p>
      {!loading && users.length === 0 ? <p className="empty">{t('empty')}</p> : null}
      {!loading && users.length > 0 && visible.length === 0 ? <p className="empty">{t('noMatches')}</p> : null}
      <ul className="user-list">
        {visible.map((user) => (
          <UserRow key={user.id} user={user} places={places} />
        ))}
      </ul>
    </section>
  );
}

function UserRow({ user, places }: { user: User; places: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('users');
  const roles = userRoles.filter((r) => user.roles.includes(r)).map((r) => t(`roles.${r}`));
  const where = [...user.schoolIds, ...(user.municipalityId ? [user.municipalityId] : [])].map(
    (id) => places.get(id) ?? t('unknownPlace', { id }),
  );
  return (
    <li>
      <Link to={`/users/${user.id}`} className="user-row">
        <span className="user-row__main">
          <span className="user-row__name">{user.displayName}</span>
          <span className="user-row__meta">{user.username}</span>
        </span>
        <span className="user-row__roles">{roles.join(', ')}</span>
        <span className="user-row__meta user-row__places">{where.length ? where.join(', ') : t('noPlace')}</span>
        <span className={`badge ${user.active ? 'badge--ok' : 'badge--muted'}`}>
          {user.active ? t('status.active') : t('status.disabled')}
        </span>
      </Link>
    </li>
  );
}
