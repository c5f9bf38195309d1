import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  noImprovementReasons,
  planOutcomes,
  type NoImprovementReason,
  type PlanOutcome,
  type SupportPlan,
} from '../../domain';

interface Props {
  plan: SupportPlan;
  deliveredShare: number | null;
  /** The evaluation form, and the next semester's draft, only for those whose edit the server takes (planOffers). */
  mayEvaluate: boolean;
  mayContinue: boolean;
  onEvaluate(outcome: PlanOutcome, note: string, reasons: readonly NoImprovementReason[]): Promise<void>;
  onContinue(): Promise<void>;
}

/** At the semester's end: the delivered share from the logs, the outcome and a note; "continues" drafts the next plan. */
export function PlanEvaluation({ plan, deliveredShare, mayEvaluate, mayContinue, onEvaluate, onContinue }: Props) {
  const { t, i18n } = useTranslation('plans');
  const ids = { outcome: useId(), note: useId() };
  const [outcome, setOutcome] = useState<PlanOutcome>(plan.evaluation?.outcome ?? 'improved');
  const [note, setNote] = useState(plan.evaluation?.note ?? '');
  const [reasons, setReasons] = useState<readonly NoImprovementReason[]>(plan.evaluation?.reasons ?? []);
  const toggleReason = (reason: NoImprovementReason, on: boolean) =>
    setReasons((now) => (on ? [...now, reason] : now.filter((r) => r !== reason)));
  const [saving, setSaving] = useState(false);
  const percent = (share: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(share);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    try {
      await onEvaluate(outcome, note, reasons);
    } finally {
      setSaving(false);
    }
  }

  const evaluation = plan.evaluation;
  return (
    <section className="plan-section" aria-labelledby="plan-evaluation">
      <h2 id="plan-evaluation">{t('evaluation.title')}</h2>
      {evaluation ? (
        <div className="plan-evaluation__done">
          <p>
            <strong>{t(`evaluation.outcomes.${evaluation.outcome}`)}</strong> ·{' '}
            {t('evaluation.delivered', { share: percent(evaluation.deliveredShare) })}
          </p>
          {evaluation.reasons?.length ? (
            <p>
              {t('evaluation.reasons')}: {evaluation.reasons.map((r) => t(`evaluation.reasonList.${r}`)).join(', ')}
            </p>
          ) : null}
          {evaluation.note ? <p>{evaluation.note}</p> : null}
          {evaluation.outcome === 'continues' && mayContinue ? (
            <button type="button" className="button button--primary" onClick={() => void onContinue()}>
              {t('evaluation.draftNext')}
            </button>
          ) : null}
        </div>
      ) : mayEvaluate ? (
        <form className="form" onSubmit={submit} noValidate>
          <p className="plan-section__hint">
            {deliveredShare === null
              ? t('progress.none')
              : t('evaluation.delivered', { share: percent(deliveredShare) })}
          </p>
          <div className="form__grid">
            <div className="field">
              <label htmlFor={ids.outcome}>{t('evaluation.outcome')}</label>
              <select id={ids.outcome} value={outcome} onChange={(e) => setOutcome(e.target.value as PlanOutcome)}>
                {planOutcomes.map((o) => (
                  <option key={o} value={o}>
                    {t(`evaluation.outcomes.${o}`)}
                  </option>
                ))}
              </select>
            </div>
            {outcome === 'no_improvement' ? (
              <fieldset className="field check-group">
                <legend>{t('evaluation.reasons')}</legend>
                <p className="field__hint">{t('evaluation.reasonsHint')}</p>
                {noImprovementReasons.map((r) => (
                  <label key={r} className="check">
                    <input
                      type="checkbox"
                      checked={reasons.includes(r)}
                      onChange={(e) => toggleReason(r, e.target.checked)}
                    />
                    <span>{t(`evaluation.reasonList.${r}`)}</span>
                  </label>
                ))}
              </fieldset>
            ) : null}
            <div className="field">
              <label htmlFor={ids.note}>{t('evaluation.note')}</label>
              <textarea
                id={ids.note}
                rows={3}
                maxLength={4000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {t('evaluation.save')}
            </button>
          </div>
        </form>
      ) : (
        <p className="empty">{t('evaluation.notYet')}</p>
      )}
    </section>
  );
}
