import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { semesterOf, type Consultation, type User } from '../../domain';
import { RefusalNotice } from '../syncDecisions';
import { intlLocale, longDateAfterPreposition } from '../ui';

const PAGE = 10;

interface LearnerConsultationsProps {
  learnerId: string;
  /** The learner's consultations, newest first. */
  consultations: readonly Consultation[];
  users: readonly User[];
  /** The first date shown (YYYY-MM-DD). */
  since: string;
}

/** The learner's consultations over time, newest first, by semester: who, what, attendance, confirmation. */
export function LearnerConsultations({ learnerId, consultations, users, since }: LearnerConsultationsProps) {
  const { t, i18n } = useTranslation(['learners', 'consultations', 'profile', 'plans']);
  const [limit, setLimit] = useState(PAGE);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  // The semester heading carries the year: the weekday says more to a teacher.
  const date = new Intl.DateTimeFormat(intlLocale(i18n.language), { weekday: 'short', day: 'numeric', month: 'short' });
  const topic = (c: Consultation) =>
    c.staffRole === 'subject_teacher' && c.subject
      ? t(`profile:subject.${c.subject}`, { defaultValue: c.subject })
      : t(`profile:specialistRole.${c.staffRole}`, { defaultValue: c.staffRole });

  const shown = consultations.slice(0, limit);
  const groups: { label: string; items: Consultation[] }[] = [];
  for (const c of shown) {
    const label = t('plans:semester', { ...semesterOf(c.date) });
    const last = groups.at(-1);
    if (last?.label === label) last.items.push(c);
    else groups.push({ label, items: [c] });
  }

  return (
    <section className="plan-section" aria-labelledby="learner-history">
      <h2 id="learner-history">{t('history.title')}</h2>
      <p className="field__hint">
        {t('history.since', {
          date: longDateAfterPreposition(i18n.language, since),
        })}
      </p>
      {consultations.length === 0 ? <p className="empty">{t('history.none')}</p> : null}
      {groups.map((group) => (
        <div key={group.label} className="learner-history">
          <h3 className="learner-history__semester">{group.label}</h3>
          <ul className="learner-history__list">
            {group.items.map((c) => {
              const attendee = c.attendees.find((a) => a.learnerId === learnerId);
              const attended = attendee?.attendance === 'attended';
              return (
                <li key={c.id} className="learner-history__item">
                  <span className="learner-history__when">
                    <time dateTime={c.date}>{date.format(new Date(`${c.date}T12:00:00`))}</time>
                    {c.startTime ? <span className="learner-history__time"> {c.startTime}</span> : null}
                  </span>
                  <span className="learner-history__what">
                    <strong>{topic(c)}</strong> · {names.get(c.staffId) ?? t('staff.unknown')}
                    <span className="learner-history__meta">
                      {t('history.minutes', { minutes: c.minutes })} · {t(`consultations:mode.${c.mode}`)}
                    </span>
                  </span>
                  <RefusalNotice collection="consultations" id={c.id} counted />
                  <span className="learner-history__status">
                    {attendee ? (
                      <span className={`badge${attended ? ' badge--ok' : ' badge--muted'}`}>
                        {t(`consultations:attendance.${attendee.attendance}`)}
                      </span>
                    ) : null}
                    {attended ? (
                      <span className={`badge${attendee?.confirmedAt ? ' badge--ok' : ' badge--muted'}`}>
                        {attendee?.confirmedAt ? t('history.confirmed') : t('history.unconfirmed')}
                      </span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {consultations.length > shown.length ? (
        <div className="form__actions form__actions--start learner-history__more">
          <span className="plan-section__hint">
            {t('history.shown', { shown: shown.length, total: consultations.length })}
          </span>
          <button type="button" className="button" onClick={() => setLimit((l) => l + PAGE)}>
            {t('history.showMore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
