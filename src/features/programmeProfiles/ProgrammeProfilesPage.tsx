import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  editsProgrammeProfiles,
  localDate,
  profileForSchoolYear,
  pumpurs2017,
  semesterOf,
  viewsProgrammeProfiles,
  type StoredProfile,
} from '../../domain';
import { useStoredProfiles } from '../../db';
import { useActor } from '../account';
import { profileTitle } from './labels';
import { ProfileView } from './ProfileView';
import { SchoolYearChoice } from './SchoolYearChoice';
import './programmeProfiles.css';

/**
 * /programme-profiles: the profile this school year's new plans are made under, and any other to look at, in the
 * reader's language; the administrator makes edited copies and chooses each school year's profile.
 */
export function ProgrammeProfilesPage() {
  const { t } = useTranslation('programmeProfiles');
  const chooserId = useId();
  const actor = useActor();
  const { data: stored } = useStoredProfiles();
  const current = semesterOf(localDate(new Date())).schoolYear;
  const active = profileForSchoolYear(stored, current);
  const [chosen, setChosen] = useState<string | null>(null);
  const all = [pumpurs2017, ...stored];
  const shown = all.find((p) => p.id === (chosen ?? active.id)) ?? active;
  const basedOn = (shown as Partial<StoredProfile>).basedOn;
  const source = basedOn ? all.find((p) => p.id === basedOn) : undefined;

  if (!actor || !viewsProgrammeProfiles(actor.roles)) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        <p className="empty">{t('notAllowed')}</p>
      </section>
    );
  }
  const admin = editsProgrammeProfiles(actor.roles);
  const isStored = stored.some((p) => p.id === shown.id);

  return (
    <section className="page programme-profiles" aria-labelledby="programme-profiles-title">
      <header className="page__header">
        <h1 id="programme-profiles-title">{t('title')}</h1>
      </header>
      <p className="page__lead">{t('intro')}</p>
      <p className="programme-profiles__active">{t('activeIn', { year: current, title: profileTitle(active, t) })}</p>
      <div className="toolbar">
        <div className="toolbar__field programme-profiles__chooser">
          <label htmlFor={chooserId}>{t('show')}</label>
          <select id={chooserId} value={shown.id} onChange={(e) => setChosen(e.target.value)}>
            {all.map((p) => (
              <option key={p.id} value={p.id}>
                {profileTitle(p, t)}
                {p === pumpurs2017 ? ` (${t('builtIn')})` : ''}
              </option>
            ))}
          </select>
        </div>
        {admin ? (
          <div className="page__actions">
            <Link className="button" to={`/programme-profiles/new?from=${encodeURIComponent(shown.id)}`}>
              {t('copy')}
            </Link>
            {isStored ? (
              <Link className="button button--primary" to={`/programme-profiles/${encodeURIComponent(shown.id)}/edit`}>
                {t('edit')}
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
      <h2 className="programme-profiles__title">{profileTitle(shown, t)}</h2>
      {source ? <p className="programme-profiles__based">{t('basedOn', { title: profileTitle(source, t) })}</p> : null}
      <ProfileView profile={shown} />
      {admin ? <SchoolYearChoice stored={stored} current={current} /> : null}
    </section>
  );
}
