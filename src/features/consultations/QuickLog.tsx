import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  consultationModes,
  measureFor,
  semesterOf,
  remoteChannels,
  type Learner,
  type SupportPlan,
  type User,
} from '../../domain';
import { addConsultation, useDatabase, useProfileOfSchoolYear } from '../../db';
import { fieldErrorsOfFailure, type FieldError } from '../forms';
import { notify } from '../notifications';
import { LearnerPicker } from './LearnerPicker';
import { intlLocale } from '../ui';

interface Props {
  me: User;
  schoolId: string;
  today: string;
  /** Learners of the staff member's plans, offered first. */
  mine: Learner[];
  everyone: Learner[];
  plans: SupportPlan[];
  /** Unexcused absences this semester per learner: repeated ones stand out. */
  noShows?: Map<string, number>;
}

/** The roles a staff member consults in: subject teacher if they teach a subject, then their specialist roles. */
export const roleChoices = (me: User) => [
  ...(me.subjects.length > 0 ? ['subject_teacher'] : []),
  ...me.specialistRoles,
];

/**
 * Logging in three taps: the person's learners are listed with their subject, today, the default length and
 * "in person" already set, so ticking a learner and pressing the button is enough; anything else can be changed.
 */
export function QuickLog({ me, schoolId, today, mine, everyone, plans, noShows }: Props) {
  const { t, i18n } = useTranslation(['consultations', 'profile']);
  const db = useDatabase();
  const ids = {
    role: useId(),
    subject: useId(),
    date: useId(),
    start: useId(),
    minutes: useId(),
    mode: useId(),
    channel: useId(),
  };
  // Subjects and the usual length as the school year's profile has them (a successor programme's, once chosen).
  const profile = useProfileOfSchoolYear(semesterOf(today).schoolYear);
  const roles = roleChoices(me);
  const [chosen, setChosen] = useState<string[]>([]);
  const [role, setRole] = useState(roles[0] ?? 'subject_teacher');
  // Someone who teaches no subject (a director, say) is not given one he does not teach (issue 13.7): he chooses.
  const [subject, setSubject] = useState(me.subjects[0] ?? '');
  const details = useRef<HTMLDetailsElement>(null);
  const [date, setDate] = useState(today);
  const [startTime, setStartTime] = useState('');
  const [minutes, setMinutes] = useState(String(profile.defaultConsultationMinutes));
  const [mode, setMode] = useState<(typeof consultationModes)[number]>('in_person');
  const [channel, setChannel] = useState<(typeof remoteChannels)[number] | ''>('');
  // A key of this namespace (or another, prefixed) with its values: a refused save names what the schema found.
  const [error, setErrorValue] = useState<FieldError | null>(null);
  const setError = (key: string | null) => setErrorValue(key ? { key } : null);
  const [saving, setSaving] = useState(false);

  const toggle = (id: string) => {
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
    setError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const length = Number(minutes);
    if (chosen.length === 0) return setError('today.chooseLearner');
    if (!/^\d{1,3}$/.test(minutes) || length < 1 || length > 600) return setError('errors.minutes');
    if (mode === 'remote' && !channel) return setError('errors.channel');
    if (!date) return setError('errors.date');
    if (role === 'subject_teacher' && !subject) {
      if (details.current) details.current.open = true;
      return setError('today.chooseSubject');
    }
    const consultationRole = { staffRole: role, ...(role === 'subject_teacher' ? { subject } : {}) };
    // A consultation with one learner is tied to that learner's plan measure; a group one is matched when counted.
    const link = chosen.length === 1 ? measureFor(plans, chosen[0] ?? '', consultationRole) : null;
    setError(null);
    setSaving(true);
    try {
      await addConsultation(db, {
        schoolId,
        staffId: me.id,
        ...consultationRole,
        planId: link?.planId ?? '',
        ...(link ? { measureId: link.measureId } : {}),
        date,
        startTime,
        minutes: length,
        mode,
        ...(mode === 'remote' && channel ? { channel } : {}),
        attendees: chosen.map((learnerId) => ({ learnerId, attendance: 'attended' as const })),
        notes: '',
      });
      notify({ kind: 'success', key: 'consultations:today.logged', values: { count: chosen.length } });
      setChosen([]);
    } catch (failure) {
      // Nothing typed is cleared: the person tries again, or corrects what the schema named.
      const found = Object.values(fieldErrorsOfFailure(failure) ?? {})[0];
      setErrorValue(found ?? { key: 'errors.notSaved' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form quick-log" onSubmit={submit} noValidate>
      <LearnerPicker
        mine={mine}
        everyone={everyone}
        chosen={chosen}
        onToggle={toggle}
        noShows={noShows}
        error={error?.key === 'today.chooseLearner' ? error.key : null}
      />
      <details className="quick-log__details" ref={details}>
        <summary>
          {t('today.details')}:{' '}
          {role !== 'subject_teacher'
            ? t(`profile:specialistRole.${role}`)
            : subject
              ? t(`profile:subject.${subject}`)
              : t('today.noSubject')}
          {' · '}
          {date === today
            ? t('hours.today')
            : new Intl.DateTimeFormat(intlLocale(i18n.language), { day: 'numeric', month: 'short' }).format(
                new Date(`${date}T12:00:00`),
              )}
          {' · '}
          {t('today.minutes', { minutes })} · {t(`mode.${mode}`)}
        </summary>
        <div className="form__grid">
          {roles.length > 1 ? (
            <div className="field">
              <label htmlFor={ids.role}>{t('fields.role')}</label>
              <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value)}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {r === 'subject_teacher' ? t('roles.subject_teacher') : t(`profile:specialistRole.${r}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {role === 'subject_teacher' ? (
            <div className="field">
              <label htmlFor={ids.subject}>{t('fields.subject')}</label>
              <select id={ids.subject} value={subject} onChange={(e) => setSubject(e.target.value)}>
                {subject ? null : <option value="">{t('today.noSubject')}</option>}
                {profile.subjects.map((s) => (
                  <option key={s} value={s}>
                    {t(`profile:subject.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={ids.date}>{t('fields.date')}</label>
            <input id={ids.date} type="date" value={date} max={today} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.start}>{t('fields.startTime')}</label>
            <input id={ids.start} type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.minutes}>{t('fields.minutes')}</label>
            <input id={ids.minutes} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.mode}>{t('fields.mode')}</label>
            <select id={ids.mode} value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
              {consultationModes.map((m) => (
                <option key={m} value={m}>
                  {t(`mode.${m}`)}
                </option>
              ))}
            </select>
          </div>
          {mode === 'remote' ? (
            <div className="field">
              <label htmlFor={ids.channel}>{t('fields.channel')}</label>
              <select id={ids.channel} value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
                <option value="" />
                {remoteChannels.map((c) => (
                  <option key={c} value={c}>
                    {t(`channel.${c}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
      </details>
      {error && error.key !== 'today.chooseLearner' ? (
        <p className="field__error" role="alert">
          {t(error.key, error.values)}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary button--wide" disabled={saving}>
          {t('today.log')}
        </button>
      </div>
    </form>
  );
}
