import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canWrite, countable, durationParts, localDate, type IndirectWork } from '../../domain';
import {
  addIndirectWork,
  removeIndirectWork,
  restoreIndirectWork,
  updateIndirectWork,
  useDatabase,
  useIndirectWork,
  useSchools,
  useUsers,
} from '../../db';
import { useRefusedIds } from '../../sync';
import { useActor } from '../account';
import { notify } from '../notifications';
import { SchoolPicker, useSelectedSchool } from '../schools';
import { monthInWords } from '../ui';
import { IndirectWorkForm } from './IndirectWorkForm';
import {
  emptyIndirectValues,
  indirectValuesOf,
  recordableStaff,
  type IndirectWorkFields,
  type IndirectWorkPlace,
} from './indirectWorkForm';
import './indirectWork.css';

const collator = new Intl.Collator('lv');

/**
 * /hours/indirect: a staff member's indirect work by month (004: accountants and coordinators, "68 stundas") — the
 * time spent on the programme without a learner, paying compensations or arranging plans — recorded, edited and
 * deleted (with undo) at the selected school; a school coordinator records it for the school's staff too. It shows
 * on the person's timesheet and in the semester reports.
 */
export function IndirectWorkPage() {
  const { t, i18n } = useTranslation(['hours', 'consultations', 'common']);
  const db = useDatabase();
  const actor = useActor();
  const schoolId = useSelectedSchool((s) => s.schoolId);
  const { data: schools } = useSchools();
  const { data: users } = useUsers();
  const { data: records, loading } = useIndirectWork();
  const refused = useRefusedIds('staffevents');
  const [editing, setEditing] = useState<IndirectWork | null>(null);
  const [formKey, setFormKey] = useState(0);
  const school = schools.find((s) => s.id === schoolId);
  const place = useMemo<IndirectWorkPlace | null>(
    () => (school ? { schoolId: school.id, municipalityId: school.municipalityId } : null),
    [school],
  );
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.displayName])), [users]);
  const staff = useMemo(
    () =>
      actor
        ? recordableStaff(actor, place, users)
            .map((id) => ({ id, name: names.get(id) ?? t('unknownPerson') }))
            // Oneself first, then the colleagues by name.
            .sort(
              (a, b) =>
                Number(b.id === actor.userId) - Number(a.id === actor.userId) || collator.compare(a.name, b.name),
            )
        : [],
    [actor, place, users, names, t],
  );
  const shown = records.filter((r) => r.schoolId === schoolId && actor && canWrite(actor, 'staffevents', r, r).ok);
  const counted = countable(shown, refused);

  if (!actor || staff.length === 0) {
    return (
      <section className="page">
        <h1>{t('indirect.title')}</h1>
        <SchoolPicker />
        <p className="empty">{t('indirect.notAllowed')}</p>
      </section>
    );
  }

  const language = i18n.language;
  const duration = (minutes: number) => t('consultations:hours.duration', durationParts(minutes));
  const thisMonth = localDate(new Date()).slice(0, 7);
  const initial = editing ? indirectValuesOf(editing) : emptyIndirectValues(actor.userId, thisMonth);
  const resetForm = () => {
    setEditing(null);
    setFormKey((k) => k + 1);
  };

  async function save(fields: IndirectWorkFields) {
    try {
      if (editing) await updateIndirectWork(db, editing.id, (current) => ({ ...current, ...fields }));
      else await addIndirectWork(db, fields);
      notify({ kind: 'success', key: 'hours:indirect.saved' });
      resetForm();
    } catch {
      notify({ kind: 'error', key: 'hours:indirect.saveFailed' });
    }
  }

  async function remove(work: IndirectWork) {
    const removed = await removeIndirectWork(db, work.id);
    if (!removed) return;
    if (editing?.id === work.id) resetForm();
    notify({
      kind: 'success',
      key: 'hours:indirect.deleted',
      values: { month: monthInWords(language, work.month) },
      undo: () => void restoreIndirectWork(db, removed),
    });
  }

  const byMonth = new Map<string, IndirectWork[]>();
  for (const r of shown) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r]);
  const monthTotal = (month: string) => counted.filter((r) => r.month === month).reduce((sum, r) => sum + r.minutes, 0);

  return (
    <section className="page indirect-work" aria-labelledby="indirect-title">
      <header className="page__header">
        <h1 id="indirect-title">{t('indirect.title')}</h1>
        <div className="page__actions">
          <Link className="button" to={`/hours/${actor.userId}/${thisMonth}`}>
            {t('timesheet.linkOwn')}
          </Link>
        </div>
      </header>
      <p className="page__lead">{t('indirect.lead')}</p>
      <div className="toolbar">
        <SchoolPicker />
      </div>
      <IndirectWorkForm
        key={`${editing?.id ?? 'new'}-${formKey}`}
        initial={initial}
        place={place}
        staff={staff}
        editing={editing !== null}
        onSubmit={save}
        {...(editing ? { onCancel: resetForm } : {})}
      />
      <h2 className="indirect-work__list-title">{t('indirect.listTitle')}</h2>
      {!loading && shown.length === 0 ? <p className="empty">{t('indirect.none')}</p> : null}
      {[...byMonth].map(([month, items]) => (
        <section key={month} className="indirect-month" aria-labelledby={`indirect-${month}`}>
          <h3 id={`indirect-${month}`} className="indirect-month__title">
            <span>{monthInWords(language, month)}</span>
            <span className="indirect-month__total">{duration(monthTotal(month))}</span>
          </h3>
          <ul className="indirect-list">
            {items.map((r) => {
              const label = `${monthInWords(language, r.month)}: ${r.what}`;
              return (
                <li key={r.id} className="indirect-item">
                  <div className="indirect-item__main">
                    <p className="indirect-item__what">{r.what}</p>
                    <p className="indirect-item__meta">
                      <span className="indirect-item__time">{duration(r.minutes)}</span>
                      {r.staffId !== actor.userId ? <span>{names.get(r.staffId) ?? t('unknownPerson')}</span> : null}
                      {refused.has(r.id) ? <span>{t('indirect.refused')}</span> : null}
                    </p>
                  </div>
                  <div className="indirect-item__actions">
                    <button
                      type="button"
                      className="button"
                      aria-label={t('indirect.editLabel', { label })}
                      onClick={() => setEditing(r)}
                    >
                      {t('indirect.edit')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={t('indirect.deleteLabel', { label })}
                      onClick={() => void remove(r)}
                    >
                      {t('indirect.delete')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
