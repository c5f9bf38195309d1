import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { canWrite, localDate, sameSemester, semesterOf, type Learner, type LearnerFields } from '../../domain';
import {
  addLearner,
  updateLearner,
  useConsultationsOfLearner,
  useDatabase,
  useLearner,
  usePlansOfLearner,
  useUsers,
} from '../../db';
import { useActor } from '../account';
import { notify } from '../notifications';
import { useSelectedSchool } from '../schools';
import { ConflictNotes, RefusalNotice } from '../syncDecisions';
import { emptyLearnerForm, LearnerForm, residenceOf, toLearnerFields, type LearnerFormValues } from './LearnerForm';
import { LearnerConsent } from './LearnerConsent';
import { LearnerConsultations } from './LearnerConsultations';
import { LearnerExitSection } from './LearnerExit';
import { LearnerTransferSection } from './LearnerTransfer';
import { LearnerGuardians } from './LearnerGuardians';
import { LearnerStaff } from './LearnerStaff';
import { LearnerSummary } from './LearnerSummary';
import { LearnerPlans } from '../plans';
import { LearnerCompensations } from '../compensations';
import { LearnerNotes } from '../notes';
import { intlLocale } from '../ui';

function formValuesOf(learner: Learner): LearnerFormValues {
  return {
    firstName: learner.firstName,
    lastName: learner.lastName,
    className: learner.className,
    programme: learner.programme,
    birthDate: learner.birthDate ?? '',
    residence: residenceOf(learner.livesInOtherMunicipality),
  };
}

/**
 * A new learner (no id in the route), or a learner's page: details, the signed application, parents and
 * guardians, who works with them, and their plans, consultations, compensations and notes over time. Everything
 * is read from and saved to this device first; sync carries it on.
 */
export function LearnerEditPage() {
  const { t } = useTranslation(['learners', 'common']);
  const { learnerId } = useParams();
  const navigate = useNavigate();
  const db = useDatabase();
  const actor = useActor();
  const schoolId = useSelectedSchool((s) => s.schoolId);
  const { data: learner, loading } = useLearner(learnerId);
  const isNew = learnerId === undefined;

  async function save(fields: LearnerFields, openedWith: LearnerFormValues) {
    try {
      if (isNew) {
        if (!schoolId) throw new Error('No school selected');
        await addLearner(db, schoolId, fields);
      } else {
        // A stored learner always reads back as valid fields; were it not, every field is written, as typed.
        const opened = toLearnerFields(openedWith);
        await updateLearner(db, learnerId, fields, opened.success ? opened.data : {});
      }
      notify({ kind: 'success', key: 'learners:saved', values: { name: `${fields.firstName} ${fields.lastName}` } });
      void navigate('/learners');
    } catch {
      notify({ kind: 'error', key: 'learners:saveFailed' });
    }
  }

  if (!isNew && loading) return null;
  if (isNew || !learner) {
    return isNew ? (
      <section className="page page--narrow">
        <h1>{t('newTitle')}</h1>
        <LearnerForm initial={emptyLearnerForm} onSubmit={save} onCancel={() => void navigate('/learners')} />
      </section>
    ) : (
      <section className="page">
        <p className="empty">{t('notFound')}</p>
        <Link to="/learners">{t('title')}</Link>
      </section>
    );
  }

  // Until the person's reach is known nobody edits; the server checks every change again anyway.
  const editable = actor !== null && canWrite(actor, 'learners', learner, learner).ok;
  return (
    <section className="page page--narrow learner-page">
      <h1>
        {learner.firstName} {learner.lastName}
      </h1>
      <p className="learner-page__sub">
        <span className="learner-page__class">{learner.className}</span> · {t(`programme.${learner.programme}`)}
      </p>
      <RefusalNotice collection="learners" id={learner.id} />
      <ConflictNotes collection="learners" record={learner} editable={editable} />
      <LearnerOverview learner={learner} staffId={actor?.userId} editable={editable} />
      <section className="plan-section" aria-labelledby="learner-details" id="learner-details-section">
        <h2 id="learner-details">{t('details')}</h2>
        {editable ? (
          <LearnerForm
            key={learner.id}
            initial={formValuesOf(learner)}
            onSubmit={save}
            onCancel={() => void navigate('/learners')}
          />
        ) : (
          <LearnerFacts learner={learner} />
        )}
      </section>
      <LearnerRecord learner={learner} editable={editable} />
    </section>
  );
}

/** The learner's details for someone who may read but not change them. */
function LearnerFacts({ learner }: { learner: Learner }) {
  const { t, i18n } = useTranslation('learners');
  return (
    <div className="learner-card">
      <dl className="learner-facts">
        <div>
          <dt>{t('fields.className')}</dt>
          <dd>{learner.className}</dd>
        </div>
        <div>
          <dt>{t('fields.programme')}</dt>
          <dd>{t(`programme.${learner.programme}`)}</dd>
        </div>
        {learner.birthDate ? (
          <div>
            <dt>{t('fields.birthDate')}</dt>
            <dd>
              {new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'long' }).format(
                new Date(`${learner.birthDate}T12:00:00`),
              )}
            </dd>
          </div>
        ) : null}
        {learner.livesInOtherMunicipality !== undefined ? (
          <div>
            <dt>{t('fields.livesInOtherMunicipality')}</dt>
            <dd>{t(`residence.${residenceOf(learner.livesInOtherMunicipality)}`)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="learner-card__note">{t('readOnly')}</p>
    </div>
  );
}

/**
 * The summary first (issue 13.2): what the page is opened for, with editing one tap away ("Labot datus" brings
 * the details form into view and focus).
 */
function LearnerOverview({
  learner,
  staffId,
  editable,
}: {
  learner: Learner;
  staffId: string | undefined;
  editable: boolean;
}) {
  const { t } = useTranslation('learners');
  const { data: plans } = usePlansOfLearner(learner.id);
  const today = localDate(new Date());
  const { data: consultations } = useConsultationsOfLearner(learner, sinceOf(today));
  const { data: users } = useUsers();
  return (
    <>
      <LearnerSummary
        learner={learner}
        plans={plans}
        consultations={consultations}
        users={users}
        today={today}
        staffId={staffId}
      />
      {editable ? (
        <div className="form__actions form__actions--start learner-summary__edit">
          <button
            type="button"
            className="button"
            onClick={() => {
              const section = document.getElementById('learner-details-section');
              section?.scrollIntoView({ block: 'start' });
              section?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
            }}
          >
            {t('summary.edit')}
          </button>
        </div>
      ) : null}
    </>
  );
}

/** This school year and the one before: older sessions are in the plans' evaluations and the reports. */
function sinceOf(today: string): string {
  return `${Number(semesterOf(today).schoolYear.slice(0, 4)) - 1}-09-01`;
}

/** Everything about an existing learner below their details. */
function LearnerRecord({ learner, editable }: { learner: Learner; editable: boolean }) {
  const { data: plans } = usePlansOfLearner(learner.id);
  const today = localDate(new Date());
  const current = semesterOf(today);
  const since = sinceOf(today);
  const { data: consultations } = useConsultationsOfLearner(learner, since);
  const { data: users } = useUsers();
  const hasCurrentPlan = plans.some((p) => sameSemester(p, current) && p.status !== 'inactive');
  return (
    <>
      <LearnerConsent learner={learner} editable={editable} hasCurrentPlan={hasCurrentPlan} today={today} />
      <LearnerGuardians learner={learner} editable={editable} />
      <LearnerStaff learner={learner} plans={plans} consultations={consultations} users={users} today={today} />
      <LearnerPlans learner={learner} />
      <LearnerConsultations learnerId={learner.id} consultations={consultations} users={users} since={since} />
      <LearnerCompensations learner={learner} />
      <LearnerNotes learner={learner} />
      <LearnerExitSection learner={learner} editable={editable} today={today} />
      <LearnerTransferSection learner={learner} today={today} />
    </>
  );
}
