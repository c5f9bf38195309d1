import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  applyTransition,
  monthsOf,
  nextSemester,
  countable,
  planProgress,
  type NoImprovementReason,
  type PlanOutcome,
  type PlanAction,
  type PlanProblem,
  type SupportPlan,
  type WorkflowContext,
  localDate,
  planOffers,
  toggleRisk,
  noteRisk,
  saveMeasure,
  removeMeasure,
  evaluatePlan,
  evaluationOpen,
} from '../../domain';
import {
  createPlan,
  PlanExistsError,
  updatePlan,
  useCompensationsOfLearner,
  useConsultationsOfSchool,
  useDatabase,
  useLearner,
  usePlan,
  usePlanProfile,
  useSchools,
  useUsers,
} from '../../db';
import { useRefusedIds } from '../../sync';
import { ConflictNotes, RefusalNotice } from '../syncDecisions';
import { useActor } from '../account';
import { notify } from '../notifications';
import { measureLabel } from './labels';
import { MeasuresEditor } from './MeasuresEditor';
import { restoreMeasure, restoreRisk } from './undo';
import { PlanActions } from './PlanActions';
import { PlanEvaluation } from './PlanEvaluation';
import { PlanHistory } from './PlanHistory';
import { PlanProgress } from './PlanProgress';
import { RisksEditor } from './RisksEditor';

const newId = () => crypto.randomUUID();

class Refused extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super('refused');
  }
}

/** One plan: its risks and measures (editable as a draft or under revision), its workflow and its history. */
export function PlanPage() {
  const { t } = useTranslation(['plans', 'common', 'profile']);
  const { planId } = useParams();
  const db = useDatabase();
  const { data: plan, loading } = usePlan(planId);
  const { data: learner } = useLearner(plan?.learnerId);
  // The plan's own profile, which it keeps: its grid, kinds and caps, whatever the school year uses now.
  const profile = usePlanProfile(plan);
  const { data: schools } = useSchools();
  const { data: users } = useUsers();
  const actor = useActor();
  const navigate = useNavigate();
  const months = plan ? monthsOf(plan) : [];
  const { data: consultations } = useConsultationsOfSchool(
    plan?.schoolId,
    `${months[0] ?? '0000-00'}-01`,
    `${months[months.length - 1] ?? '0000-00'}-31`,
  );
  const { data: compensations } = useCompensationsOfLearner(plan?.learnerId);
  const refusedConsultations = useRefusedIds('consultations');
  const refusedCompensations = useRefusedIds('compensations');

  if (loading) return null;
  if (!plan) {
    return (
      <section className="page">
        <p className="empty">{t('notFound')}</p>
        <Link to="/learners">{t('common:nav.learners')}</Link>
      </section>
    );
  }
  const school = schools.find((s) => s.id === plan.schoolId);
  const context: WorkflowContext | null =
    actor && school && learner ? { actor, school, learner, profile, today: localDate(new Date()) } : null;
  // Every "may" below is the server's own test of the edit (domain/rules/planEdits): the screen offers what it takes.
  const offers = planOffers(plan, context);
  const editable = offers.editContent;
  const id = plan.id;
  // The delivered share counts only what the server accepted (a refused record is not delivered support).
  const progress = planProgress(
    plan,
    countable(consultations, refusedConsultations),
    countable(compensations, refusedCompensations),
    profile,
  );

  /**
   * Applies a domain edit to the plan as stored at this moment, judged again there: a colleague's step that just
   * arrived (the plan sent for approval, say) closes it, and the edit is not made rather than refused by the server.
   */
  const change = (offer: 'editContent' | 'evaluate', edit: (p: SupportPlan, now: string) => SupportPlan) =>
    updatePlan(db, id, (current, now) => {
      if (!planOffers(current, context)[offer]) throw new Refused([]);
      return edit(current, now);
    }).then(
      () => true,
      (error: unknown) => {
        notify({ kind: 'error', key: error instanceof Refused ? 'plans:closedMeanwhile' : 'learners:saveFailed' });
        return false;
      },
    );
  const content = (edit: (p: SupportPlan) => SupportPlan) => void change('editContent', edit);

  async function evaluate(outcome: PlanOutcome, note: string, reasons: readonly NoImprovementReason[]) {
    if (!actor) return;
    const byUserId = actor.userId;
    const entryId = newId();
    const done = await change('evaluate', (p, at) =>
      evaluatePlan(p, { outcome, reasons, note, deliveredShare: progress.share, byUserId, at, entryId }),
    );
    if (done) notify({ kind: 'success', key: 'plans:evaluation.saved' });
  }

  const current = plan;
  async function continueNextSemester() {
    if (!actor) return;
    try {
      const next = await createPlan(db, {
        learnerId: current.learnerId,
        schoolId: current.schoolId,
        semester: nextSemester(current),
        preparerId: actor.userId,
        from: current,
      });
      await navigate(`/plans/${next.id}`);
    } catch (error) {
      if (!(error instanceof PlanExistsError)) throw error;
      await navigate(`/plans/${error.planId}`);
    }
  }
  async function act(action: PlanAction, reason: string): Promise<PlanProblem[]> {
    if (!context) return [{ code: 'roleNotAllowed' }];
    try {
      // Applied to the plan as stored at this moment, so a colleague's edit that just arrived is judged too.
      const next = await updatePlan(db, id, (current, now) => {
        const result = applyTransition(current, action, context, { reason, entryId: newId(), at: now });
        if (!result.ok) throw new Refused(result.problems);
        return result.plan;
      });
      notify({ kind: 'success', key: 'plans:actions.done', values: { status: t(`status.${next.status}`) } });
      return [];
    } catch (error) {
      if (error instanceof Refused) return error.problems;
      notify({ kind: 'error', key: 'learners:saveFailed' });
      return [];
    }
  }

  return (
    <section className="page plan-page">
      <div className="page__header">
        <div>
          <h1>{t('title')}</h1>
          <p className="plan-page__who">
            {learner ? (
              <Link to={`/learners/${learner.id}`}>
                {t('forLearner', { name: `${learner.firstName} ${learner.lastName}`, className: learner.className })}
              </Link>
            ) : null}{' '}
            · {t('semester', { schoolYear: plan.schoolYear, semester: plan.semester })}
          </p>
        </div>
        <span className={`badge plan-status plan-status--${plan.status}`}>{t(`status.${plan.status}`)}</span>
      </div>
      <RefusalNotice collection="plans" id={plan.id} />
      <ConflictNotes collection="plans" record={plan} editable={editable} />
      {!editable ? <p className="plan-section__hint">{t('readOnly')}</p> : null}
      <RisksEditor
        risks={plan.risks}
        profile={profile}
        editable={editable}
        onToggle={(code, checked) => {
          const riskId = newId(); // one id however often the edit is re-applied on a clash
          content((p) => toggleRisk(p, code, checked, riskId));
          // Unticking drops the risk's note and its links to measures: the notification can put them back.
          const risk = plan.risks.find((r) => r.code === code);
          if (!checked && risk) {
            const before = plan;
            notify({
              kind: 'info',
              key: 'plans:undo.riskRemoved',
              values: { name: t(`profile:risk.${code}`) },
              undo: () => content((p) => restoreRisk(p, before, risk.id)),
            });
          }
        }}
        onNote={(riskId, note) => content((p) => noteRisk(p, riskId, note))}
      />
      <MeasuresEditor
        measures={plan.measures}
        risks={plan.risks}
        profile={profile}
        programme={learner?.programme ?? 'general'}
        editable={editable}
        newId={newId}
        onSave={(measure) => content((p) => saveMeasure(p, measure))}
        onRemove={(measureId) => {
          const measure = plan.measures.find((m) => m.id === measureId);
          if (!measure) return;
          const index = plan.measures.indexOf(measure);
          content((p) => removeMeasure(p, measureId));
          // One tap deletes, so one tap brings it back, with its typed justification (issue 13.6).
          notify({
            kind: 'info',
            key: 'plans:undo.measureRemoved',
            values: { name: measureLabel(measure, t) },
            undo: () => content((p) => restoreMeasure(p, measure, index)),
          });
        }}
      />
      {plan.status === 'draft' || plan.status === 'in_approval' ? null : (
        <PlanProgress plan={plan} progress={progress} target={profile.deliveredTarget} />
      )}
      {context ? <PlanActions plan={plan} context={context} onAction={act} /> : null}
      {evaluationOpen(plan) || plan.evaluation ? (
        <PlanEvaluation
          plan={plan}
          deliveredShare={progress.share}
          mayEvaluate={offers.evaluate}
          mayContinue={offers.continueNext}
          onEvaluate={evaluate}
          onContinue={continueNextSemester}
        />
      ) : null}
      <PlanHistory plan={plan} users={users} />
    </section>
  );
}
