import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  approvalStage,
  availableActions,
  transitionProblems,
  type PlanAction,
  type PlanProblem,
  type SupportPlan,
  type WorkflowContext,
} from '../../domain';
import { problemText } from './labels';

const NEEDS_REASON: ReadonlySet<PlanAction> = new Set(['return', 'suspend', 'revise', 'deactivate']);

interface Props {
  plan: SupportPlan;
  context: WorkflowContext;
  /** Resolves to the problems that stopped the action (none when it was done). */
  onAction(action: PlanAction, reason: string): Promise<PlanProblem[]>;
}

/** The steps this person may take now; a step that needs a reason asks for it; a refusal says what is missing. */
export function PlanActions({ plan, context, onAction }: Props) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const [asking, setAsking] = useState<PlanAction | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<PlanProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const actions = availableActions(plan, context);
  const stage = approvalStage(plan);
  // The approve button is missing because the plan is this person's own: say so, rather than leave them guessing.
  const ownPlan = transitionProblems(plan, 'approve', context).some((p) => p.code === 'ownPlan');

  async function run(action: PlanAction, why: string) {
    setBusy(true);
    const refused = await onAction(action, why);
    setBusy(false);
    setProblems(refused);
    if (refused.length === 0) {
      setAsking(null);
      setReason('');
    }
  }

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (asking) void run(asking, reason);
  }

  return (
    <section className="plan-section plan-actions" aria-labelledby="plan-actions">
      <h2 id="plan-actions">{t('actions.title')}</h2>
      {stage ? <p className="plan-section__hint">{t(`stage.${stage}`)}</p> : null}
      {ownPlan ? <p className="plan-section__hint">{t('problems.ownPlan')}</p> : null}
      {actions.length === 0 ? <p className="empty">{t('actions.none')}</p> : null}
      {asking ? (
        <form className="form" onSubmit={confirm} noValidate>
          <div className={`field${problems.some((p) => p.code === 'reasonRequired') ? ' field--invalid' : ''}`}>
            <label htmlFor={reasonId}>
              {t(`actions.${asking}`)} — {t('actions.reason')}
            </label>
            <textarea
              id={reasonId}
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={`${reasonId}-hint`}
            />
            <p id={`${reasonId}-hint`} className="field__hint">
              {t('actions.reasonHint')}
            </p>
          </div>
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setAsking(null)}>
              {t('actions.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('actions.confirm')}
            </button>
          </div>
        </form>
      ) : (
        <div className="plan-actions__buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`button${action === 'submit' || action === 'approve' || action === 'start' ? ' button--primary' : ''}`}
              disabled={busy}
              onClick={() => {
                setProblems([]);
                if (NEEDS_REASON.has(action)) setAsking(action);
                else void run(action, '');
              }}
            >
              {t(`actions.${action}`)}
            </button>
          ))}
        </div>
      )}
      {problems.length > 0 ? (
        <div className="plan-problems" role="alert">
          <p>{t('problems.title')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{problemText(p, plan, t, i18n.language)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
