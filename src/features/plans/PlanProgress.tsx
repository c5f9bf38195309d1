import { useTranslation } from 'react-i18next';
import type { PlanProgress as Progress, SupportPlan } from '../../domain';
import { measureLabel } from './labels';
import { formatEuros } from './money';

/** Planned against delivered so far, per measure and for the plan, against its own profile's target. */
export function PlanProgress({ plan, progress, target }: { plan: SupportPlan; progress: Progress; target: number }) {
  const { t, i18n } = useTranslation(['plans', 'profile']);
  const percent = (share: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  return (
    <section className="plan-section" aria-labelledby="plan-progress">
      <h2 id="plan-progress">{t('progress.title')}</h2>
      {progress.share === null ? (
        <p className="empty">{t('progress.none')}</p>
      ) : (
        <p className={`plan-progress__total${progress.meetsTarget ? ' plan-progress__total--ok' : ''}`}>
          {t('progress.share', { share: percent(progress.share), target: percent(target) })}
        </p>
      )}
      <ul className="plan-progress">
        {progress.measures.map((m) => {
          const measure = plan.measures.find((x) => x.id === m.measureId);
          if (!measure) return null;
          const amount = (n: number) => (m.kind === 'compensation' ? formatEuros(n, i18n.language) : String(n));
          return (
            <li key={m.measureId}>
              <span>{measureLabel(measure, t)}</span>
              <span className="plan-progress__numbers">
                {t('progress.measure', { delivered: amount(m.delivered), planned: amount(m.planned) })}
              </span>
              <progress
                value={Math.min(m.delivered, m.planned)}
                max={Math.max(m.planned, 1)}
                aria-label={measureLabel(measure, t)}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
