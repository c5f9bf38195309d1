import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Learner, LearnerFields } from '../../domain';
import { addLearner, updateLearner, useDatabase, useLearner } from '../../db';
import { notify } from '../notifications';
import { useSelectedSchool } from '../schools';
import { emptyLearnerForm, LearnerForm, type LearnerFormValues } from './LearnerForm';
import { LearnerPlans } from '../plans';
import { LearnerCompensations } from '../compensations';
import { LearnerNotes } from '../notes';

function formValuesOf(learner: Learner): LearnerFormValues {
  return {
    firstName: learner.firstName,
    lastName: learner.lastName,
    className: learner.className,
    programme: learner.programme,
    birthDate: learner.birthDate ?? '',
  };
}

/** Add (no id in the route) or edit a learner; saves to this device first, sync carries it on. */
export function LearnerEditPage() {
  const { t } = useTranslation(['learners', 'common']);
  const { learnerId } = useParams();
  const navigate = useNavigate();
  const db = useDatabase();
  const schoolId = useSelectedSchool((s) => s.schoolId);
  const { data: learner, loading } = useLearner(learnerId);
  const isNew = learnerId === undefined;

  async function save(fields: LearnerFields) {
    try {
      if (isNew) {
        if (!schoolId) throw new Error('No school selected');
        await addLearner(db, schoolId, fields);
      } else {
        await updateLearner(db, learnerId, fields);
      }
      notify({ kind: 'success', key: 'learners:saved', values: { name: `${fields.firstName} ${fields.lastName}` } });
      void navigate('/learners');
    } catch {
      notify({ kind: 'error', key: 'learners:saveFailed' });
    }
  }

  if (!isNew && loading) return null;
  if (!isNew && !learner) {
    return (
      <section className="page">
        <p className="empty">{t('notFound')}</p>
        <Link to="/learners">{t('title')}</Link>
      </section>
    );
  }

  return (
    <section className="page page--narrow">
      <h1>{learner ? t('editTitle', { name: `${learner.firstName} ${learner.lastName}` }) : t('newTitle')}</h1>
      <LearnerForm
        key={learner?.id ?? 'new'}
        initial={learner ? formValuesOf(learner) : emptyLearnerForm}
        onSubmit={save}
        onCancel={() => void navigate('/learners')}
      />
      {learner ? <LearnerPlans learner={learner} /> : null}
      {learner ? <LearnerCompensations learner={learner} /> : null}
      {learner ? <LearnerNotes learner={learner} /> : null}
    </section>
  );
}
