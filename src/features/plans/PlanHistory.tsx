import { useTranslation } from 'react-i18next';
import { conflictField, type SupportPlan, type User } from '../../domain';
import { valueInWords } from '../syncDecisions';
import { intlLocale } from '../ui';

type Line = { id: string; at: string; text: string; reason?: string | undefined };

/**
 * Who did what to the plan, when and why; values replaced by edits on two devices are listed among them, and the
 * last change of the plan's content with who saved it (the plan's signer, `updatedBy`). Earlier content edits are
 * not kept on the plan (only workflow steps are): listing each would need the server's audit of plan writes (who,
 * when) with the changed fields, delivered to readers of the plan.
 */
export function PlanHistory({ plan, users }: { plan: SupportPlan; users: User[] }) {
  const { t, i18n } = useTranslation(['plans', 'sync']);
  const when = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  const at = (iso: string) => when.format(new Date(iso));
  const who = (id: string) => users.find((u) => u.id === id)?.displayName ?? t('history.unknownUser');
  const empty = t('sync:conflicts.empty');
  const lines: Line[] = [
    ...plan.history.map((entry) => ({
      id: entry.id,
      at: entry.at,
      text: t('history.entry', {
        when: at(entry.at),
        who: who(entry.byUserId),
        action: t(`history.action.${entry.action}`, { defaultValue: entry.action }),
      }),
      reason: entry.reason,
    })),
    ...(plan.syncConflicts ?? []).map((c) => {
      const field = conflictField(c.path);
      return {
        id: c.id,
        at: c.at,
        text: t('sync:history.conflict', {
          when: at(c.at),
          field: t(`sync:fields.${field}`, { defaultValue: t('sync:fields.other', { field: c.path }) }),
          kept: valueInWords(c.kept, empty, i18n.language),
          lost: valueInWords(c.lost, empty, i18n.language),
        }),
      };
    }),
  ];
  const lastStep = plan.history.reduce((latest, e) => (e.at > latest ? e.at : latest), '');
  if (plan.updatedAt > lastStep && plan.updatedAt !== plan.createdAt) {
    lines.push({
      id: 'last-change',
      at: plan.updatedAt,
      text: plan.updatedBy
        ? t('sync:history.lastChangedBy', { when: at(plan.updatedAt), who: who(plan.updatedBy) })
        : t('sync:history.lastChanged', { when: at(plan.updatedAt) }),
    });
  }
  lines.sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section className="plan-section" aria-labelledby="plan-history">
      <h2 id="plan-history">{t('history.title')}</h2>
      <ol className="plan-history">
        {lines.map((line) => (
          <li key={line.id}>
            {line.text}
            {line.reason ? (
              <span className="plan-history__reason">{t('history.reason', { reason: line.reason })}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
