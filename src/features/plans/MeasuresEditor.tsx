import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Learner, Measure, PlanRisk, ProgrammeProfile } from '../../domain';
import { measureLabel } from './labels';
import { MeasureForm } from './MeasureForm';
import { formatEuros } from './money';

interface Props {
  measures: Measure[];
  risks: PlanRisk[];
  profile: ProgrammeProfile;
  programme: Learner['programme'];
  editable: boolean;
  newId: () => string;
  onSave(measure: Measure): void;
  onRemove(measureId: string): void;
}

/** The plan's measures, each with its amount, its risks and its justification; one is edited at a time. */
export function MeasuresEditor({ measures, risks, profile, programme, editable, newId, onSave, onRemove }: Props) {
  const { t, i18n } = useTranslation(['plans', 'profile']);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const riskLabel = (id: string) => {
    const risk = risks.find((r) => r.id === id);
    return risk ? t(`profile:risk.${risk.code}`) : null;
  };
  const amount = (m: Measure) => {
    if (m.kind !== 'compensation') return t('measures.sessions', { count: m.plannedSessions ?? 0 });
    const period = profile.compensations.find((c) => c.code === m.compensationCategory)?.period;
    const euros = formatEuros(m.plannedMonthlyCents ?? 0, i18n.language);
    return period === 'semester'
      ? t('measures.perSemester', { amount: euros })
      : t('measures.perMonth', { amount: euros });
  };
  const form = (measure?: Measure) => (
    <MeasureForm
      {...(measure ? { measure } : {})}
      risks={risks}
      profile={profile}
      programme={programme}
      newId={newId}
      onSave={(m) => {
        onSave(m);
        setEditing(null);
      }}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <section className="plan-section" aria-labelledby="plan-measures">
      <h2 id="plan-measures">{t('measures.title')}</h2>
      {measures.length === 0 ? <p className="empty">{t('measures.none')}</p> : null}
      <ul className="measure-list">
        {measures.map((m) =>
          editing === m.id ? (
            <li key={m.id}>{form(m)}</li>
          ) : (
            <li key={m.id} className="measure">
              <div className="measure__head">
                <strong>{measureLabel(m, t)}</strong>
                <span className="measure__amount">{amount(m)}</span>
              </div>
              <p className="measure__risks">
                {m.riskIds
                  .map(riskLabel)
                  .filter((label): label is string => label !== null)
                  .join(' · ') || '—'}
              </p>
              {m.justification ? <p className="measure__why">{m.justification}</p> : null}
              {editable ? (
                <div className="measure__actions">
                  <button type="button" className="button button--small" onClick={() => setEditing(m.id)}>
                    {t('measures.edit')}
                  </button>
                  <button type="button" className="button button--small" onClick={() => onRemove(m.id)}>
                    {t('measures.remove')}
                  </button>
                </div>
              ) : null}
            </li>
          ),
        )}
      </ul>
      {editable && editing === 'new' ? form() : null}
      {editable && editing === null ? (
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('measures.add')}
        </button>
      ) : null}
    </section>
  );
}
