import { useTranslation } from 'react-i18next';
import { profileForSchoolYear, pumpurs2017, type StoredProfile } from '../../domain';
import { saveProfile, useDatabase } from '../../db';
import { notify } from '../notifications';
import { profileTitle } from './labels';

/** The school years offered: last year, this one and the next three. */
export function schoolYearsAround(current: string): string[] {
  const start = Number(current.slice(0, 4));
  return [-1, 0, 1, 2, 3].map((d) => `${start + d}/${start + d + 1}`);
}

/**
 * The administrator chooses each school year's profile. A choice is kept in the stored profiles' `schoolYears`: the
 * chosen one claims the year (and the moment it was chosen), the others let it go; the built-in profile is what a
 * year no stored profile claims.
 */
export function SchoolYearChoice({ stored, current }: { stored: readonly StoredProfile[]; current: string }) {
  const { t } = useTranslation('programmeProfiles');
  const db = useDatabase();
  const options = [pumpurs2017, ...stored];

  async function choose(year: string, profileId: string) {
    const now = new Date().toISOString();
    for (const p of stored) {
      const claims = p.schoolYears.includes(year);
      const wants = p.id === profileId;
      if (claims === wants) continue;
      const schoolYears = wants ? [...p.schoolYears, year].sort() : p.schoolYears.filter((y) => y !== year);
      await saveProfile(db, { ...p, schoolYears, ...(wants ? { assignedAt: now } : {}) });
    }
    const chosen = options.find((p) => p.id === profileId);
    if (chosen)
      notify({
        kind: 'success',
        key: 'programmeProfiles:schoolYears.saved',
        values: { year, title: profileTitle(chosen, t) },
      });
  }

  return (
    <section className="profile-years" aria-labelledby="profile-years-title">
      <h2 id="profile-years-title">{t('schoolYears.title')}</h2>
      <p className="page__lead">{t('schoolYears.hint')}</p>
      <table className="profile-years__table">
        <thead>
          <tr>
            <th scope="col">{t('schoolYears.year')}</th>
            <th scope="col">{t('schoolYears.profile')}</th>
          </tr>
        </thead>
        <tbody>
          {schoolYearsAround(current).map((year) => {
            const selectId = `profile-year-${year.replace('/', '-')}`;
            return (
              <tr key={year}>
                <th scope="row">
                  <label htmlFor={selectId}>{year}</label>
                </th>
                <td>
                  <select
                    id={selectId}
                    value={profileForSchoolYear(stored, year).id}
                    onChange={(e) => void choose(year, e.target.value)}
                  >
                    {options.map((p) => (
                      <option key={p.id} value={p.id}>
                        {profileTitle(p, t)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
