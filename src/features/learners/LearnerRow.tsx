import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Learner, PlanStatus } from '../../domain';
import { useRejection } from '../../sync';
import { refusalText } from '../syncDecisions';

export function LearnerRow({ learner, planStatus }: { learner: Learner; planStatus?: PlanStatus | undefined }) {
  const { t } = useTranslation(['learners', 'common', 'plans']);
  const rejection = useRejection('learners', learner.id);
  return (
    <li className="learner-row">
      <Link to={`/learners/${learner.id}`} className="learner-row__link">
        <span className="learner-row__avatar" aria-hidden="true">
          {learner.firstName.charAt(0)}
          {learner.lastName.charAt(0)}
        </span>
        <span className="learner-row__main">
          <span className="learner-row__name">
            {learner.lastName} {learner.firstName}
          </span>
          <span className="learner-row__meta">
            {t(`programme.${learner.programme}`)}
            {planStatus ? ` · ${t('plans:title')}: ${t(`plans:status.${planStatus}`)}` : ''}
          </span>
        </span>
        <span className="learner-row__class">{learner.className}</span>
        {rejection ? (
          <span className="learner-row__rejected" role="note">
            {t('common:rejections.label')}: {refusalText(t, rejection)}
          </span>
        ) : null}
        <span className={`badge ${learner.consent ? 'badge--ok' : 'badge--muted'}`}>
          {learner.consent ? t('consent.signed') : t('consent.missing')}
        </span>
      </Link>
    </li>
  );
}
