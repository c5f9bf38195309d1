import { useTranslation } from 'react-i18next';
import type { SupportPlan, User } from '../../domain';

/** Who did what to the plan, when and why; values lost to edits on two devices are shown too. */
export function PlanHistory({ plan, users }: { plan: SupportPlan; users: User[] }) {
  const { t, i18n } = useTranslation('plans');
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const who = (id: string) => users.find((u) => u.id === id)?.displayName ?? t('history.unknownUser');
  const entries = [...plan.history].reverse();
  return (
    <section className="plan-section" aria-labelledby="plan-history">
      <h2 id="plan-history">{t('history.title')}</h2>
      <ol className="plan-history">
        {entries.map((entry) => (
          <li key={entry.id}>
            {t('history.entry', {
              when: when.format(new Date(entry.at)),
              who: who(entry.byUserId),
              action: t(`history.action.${entry.action}`, { defaultValue: entry.action }),
            })}
            {entry.reason ? (
              <span className="plan-history__reason">{t('history.reason', { reason: entry.reason })}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
