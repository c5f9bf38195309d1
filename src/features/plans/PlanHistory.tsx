import { useTranslation } from 'react-i18next';
import { conflictField, type SupportPlan, type User } from '../../domain';
import { valueInWords } from '../syncDecisions';
import { intlLocale } from '../ui';

type Line = { id: string; at: string; text: string; reason?: string | undefined; kind?: 'edit' };

/**
 * Who did what to the plan, when and why: its workflow steps, each content edit (the plan's edit log: who, when,
 * which parts — risks, measures added, changed or removed, the evaluation; rules/planEditLog), and values replaced
 * by edits on two devices. A plan saved before edits were logged shows its last content change with who saved it
 * (the plan's signer, `updatedBy`), when no logged edit or step accounts for it.
 */
export function PlanHistory({ plan, users }: { plan: SupportPlan; users: User[] }) {
  const { t, i18n } = useTranslation(['plans', 'sync']);
  const when = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  const at = (iso: string) => when.format(new Date(iso));
  const who = (id: string) => users.find((u) => u.id === id)?.displayName ?? t('history.unknownUser');
  const empty = t('sync:conflicts.empty');
  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
  const edits = plan.edits ?? [];
  const lines: Line[] = [
    ...edits.map((edit) => ({
      id: edit.id,
      at: edit.at,
      text: t('history.edited', {
        when: at(edit.at),
        who: who(edit.byUserId),
        parts: list.format(edit.parts.map((part) => t(`history.part.${part}`))),
      }),
      kind: 'edit' as const,
    })),
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
  const lastStep = [...plan.history, ...edits].reduce((latest, e) => (e.at > latest ? e.at : latest), '');
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
          <li key={line.id} data-testid={line.kind === 'edit' ? 'plan-edit' : undefined}>
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
