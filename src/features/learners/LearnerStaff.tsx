import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { learnerStaff, semesterOf, type Consultation, type Learner, type SupportPlan, type User } from '../../domain';

interface LearnerStaffProps {
  learner: Learner;
  plans: readonly SupportPlan[];
  consultations: readonly Consultation[];
  users: readonly User[];
  today: string;
}

/** Who works with the learner this semester: derived from the plan and the consultations, read-only. */
export function LearnerStaff({ learner, plans, consultations, users, today }: LearnerStaffProps) {
  const { t } = useTranslation(['learners', 'profile']);
  const staff = useMemo(
    () => learnerStaff({ learnerId: learner.id, semester: semesterOf(today), plans, consultations, users }),
    [learner.id, today, plans, consultations, users],
  );
  return (
    <section className="plan-section" aria-labelledby="learner-staff">
      <h2 id="learner-staff">{t('staff.title')}</h2>
      <p className="plan-section__hint">{t('staff.hint')}</p>
      {staff.length === 0 ? <p className="empty">{t('staff.none')}</p> : null}
      <ul className="learner-staff">
        {staff.map((s) => {
          const work = [
            ...s.subjects.map((code) => t(`profile:subject.${code}`, { defaultValue: code })),
            ...s.specialistRoles.map((code) => t(`profile:specialistRole.${code}`, { defaultValue: code })),
          ];
          return (
            <li key={s.staffId} className="learner-staff__item">
              <span className="learner-staff__name">{s.name ?? t('staff.unknown')}</span>
              {work.length > 0 ? <span className="learner-staff__work">{work.join(', ')}</span> : null}
              <span className="learner-staff__tags">
                {s.preparer ? <span className="badge plan-status">{t('staff.preparer')}</span> : null}
                {s.onPlan ? <span className="badge plan-status">{t('staff.onPlan')}</span> : null}
                {s.sessions > 0 ? (
                  <span className="learner-staff__sessions">{t('staff.sessions', { count: s.sessions })}</span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
