import { useTranslation } from 'react-i18next';
import type { ProgrammeProfile } from '../../domain';
import { formatEuros, riskName } from './labels';

/** Everything a profile sets, in the reader's language: the risk grid, measures, people, subjects and numbers. */
export function ProfileView({ profile }: { profile: ProgrammeProfile }) {
  const { t, i18n } = useTranslation(['programmeProfiles', 'profile', 'plans']);
  const euros = (cents: number) => formatEuros(cents, i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <div className="profile-view">
      <ul className="profile-view__numbers">
        <li>{t('years', { from: profile.years.from, to: profile.years.to })}</li>
        <li>{t('deliveredTarget', { share: percent.format(profile.deliveredTarget) })}</li>
        <li>{t('consultationMinutes', { minutes: profile.defaultConsultationMinutes })}</li>
        <li>
          {t('youthGrant', {
            amount: euros(profile.youthProject.grantCents),
            min: profile.youthProject.minMonths,
            max: profile.youthProject.maxMonths,
          })}
        </li>
      </ul>
      <section className="profile-view__section" aria-labelledby="profile-risks">
        <h2 id="profile-risks">{t('riskGrid')}</h2>
        <div className="profile-view__groups">
          {profile.riskGroups.map((g) => (
            <div key={g.code} className="profile-view__group">
              <h3>{t(`profile:riskGroup.${g.code}`, { defaultValue: g.code })}</h3>
              <ul>
                {g.items.map((code) => (
                  <li key={code}>{riskName(profile, code, t)}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
      <section className="profile-view__section" aria-labelledby="profile-caps">
        <h2 id="profile-caps">{t('caps.title')}</h2>
        <table className="profile-view__caps">
          <thead>
            <tr>
              <th scope="col">{t('caps.category')}</th>
              <th scope="col">{t('caps.cap')}</th>
            </tr>
          </thead>
          <tbody>
            {profile.compensations.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  {t(`profile:compensation.${c.code}`, { defaultValue: c.code })}
                  {c.vocationalOnly ? <span className="profile-view__note">{t('caps.vocationalOnly')}</span> : null}
                </th>
                <td>
                  {c.capCents === undefined ? t('caps.none') : t(`caps.${c.period}`, { amount: euros(c.capCents) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="profile-view__lists">
        <section className="profile-view__section" aria-labelledby="profile-kinds">
          <h2 id="profile-kinds">{t('measureKinds')}</h2>
          <ul>
            {profile.measureKinds.map((k) => (
              <li key={k}>{t(`plans:measures.kinds.${k}`)}</li>
            ))}
          </ul>
        </section>
        <section className="profile-view__section" aria-labelledby="profile-roles">
          <h2 id="profile-roles">{t('specialistRoles')}</h2>
          <ul>
            {profile.specialistRoles.map((r) => (
              <li key={r}>{t(`profile:specialistRole.${r}`, { defaultValue: r })}</li>
            ))}
          </ul>
        </section>
        <section className="profile-view__section" aria-labelledby="profile-subjects">
          <h2 id="profile-subjects">{t('subjects')}</h2>
          <ul>
            {profile.subjects.map((s) => (
              <li key={s}>{t(`profile:subject.${s}`, { defaultValue: s })}</li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
