import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate, type Learner, type User } from '../../domain';
import { addNote, setNoteShared, useDatabase, useNotesOfLearner, useUsers } from '../../db';
import { useActor } from '../account';
import { notify } from '../notifications';
import { RefusalNotice } from '../syncDecisions';
import { intlLocale } from '../ui';

const AUTHORS = ['psychologist', 'social_pedagogue'] as const;

/**
 * Psychologists' and social pedagogues' session notes about a learner: private to their author unless shared with
 * the school's support team; encrypted on the device; never in reports or exports.
 */
export function LearnerNotes({ learner }: { learner: Learner }) {
  const { t, i18n } = useTranslation('notes');
  const db = useDatabase();
  const actor = useActor();
  const { data: notes } = useNotesOfLearner(learner.id);
  const { data: users } = useUsers();
  const ids = { body: useId(), date: useId() };
  const [body, setBody] = useState('');
  const [date, setDate] = useState(() => localDate(new Date()));
  const [shared, setShared] = useState(false);
  const [error, setError] = useState(false);
  const author = actor !== null && actor.roles.some((r) => (AUTHORS as readonly string[]).includes(r));
  if (!author && notes.length === 0) return null;
  const nameOf = (id: string) => users.find((u: User) => u.id === id)?.displayName ?? '';
  const when = (d: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium' }).format(new Date(`${d}T12:00:00`));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!actor || !body.trim()) return setError(true);
    await addNote(db, {
      schoolId: learner.schoolId,
      learnerId: learner.id,
      authorId: actor.userId,
      date,
      body: body.trim(),
      sharedWithSupportTeam: shared,
    });
    setBody('');
    setShared(false);
    notify({ kind: 'success', key: 'notes:saved' });
  }

  return (
    <section className="plan-section" aria-labelledby="learner-notes">
      <h2 id="learner-notes">{t('title')}</h2>
      <p className="plan-section__hint">{t('hint')}</p>
      <ul className="note-list">
        {notes.map((n) => (
          <li key={n.id} className="note">
            <div className="note__head">
              <strong>{when(n.date)}</strong> · {nameOf(n.authorId)}
              <span className={`badge${n.sharedWithSupportTeam ? ' badge--ok' : ''}`}>
                {n.sharedWithSupportTeam ? t('shared') : t('private')}
              </span>
            </div>
            <p className="note__body">{n.body}</p>
            <RefusalNotice collection="notes" id={n.id} />
            {actor?.userId === n.authorId ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => void setNoteShared(db, n.id, !n.sharedWithSupportTeam)}
              >
                {n.sharedWithSupportTeam ? t('unshare') : t('share')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {author ? (
        <form className="form" onSubmit={submit} noValidate>
          <div className="form__grid">
            <div className="field">
              <label htmlFor={ids.date}>{t('date')}</label>
              <input id={ids.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </div>
          </div>
          <div className={`field${error ? ' field--invalid' : ''}`}>
            <label htmlFor={ids.body}>{t('body')}</label>
            <textarea
              id={ids.body}
              rows={4}
              maxLength={20000}
              value={body}
              aria-invalid={error || undefined}
              onChange={(e) => (setBody(e.target.value), setError(false))}
            />
            {error ? (
              <p className="field__error" role="alert">
                {t('required')}
              </p>
            ) : null}
          </div>
          <label className="check">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
            <span>{t('shareWithTeam')}</span>
          </label>
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {t('add')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
