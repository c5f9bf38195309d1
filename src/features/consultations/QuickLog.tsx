import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { semesterOf, type Learner, type SupportPlan, type User } from '../../domain';
import { addConsultation, useDatabase, useProfileOfSchoolYear } from '../../db';
import { fieldErrorsOfFailure, SelectField, TextField, useValidatedForm } from '../forms';
import { ModeFields } from './ModeFields';
import { notify } from '../notifications';
import { toConsultation, type QuickLogValues } from './consultationForms';
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
  // Subjects and the usual length as the school year's profile has them (a successor programme's, once chosen).
  const profile = useProfileOfSchoolYear(semesterOf(today).schoolYear);
  const roles = roleChoices(me);
  const details = useRef<HTMLDetailsElement>(null);
  const initial: QuickLogValues = {
    learners: [],
    role: roles[0] ?? 'subject_teacher',
    // Someone who teaches no subject (a director, say) is not given one he does not teach (issue 13.7): he chooses.
    subject: me.subjects[0] ?? '',
    date: today,
    startTime: '',
    minutes: String(profile.defaultConsultationMinutes),
    mode: 'in_person',
    channel: '',
  };
  const { values, errors, problem, saving, set, field, reset, submit } = useValidatedForm(
    initial,
    (typed) => {
      const checked = toConsultation(typed, { staffId: me.id, schoolId, plans });
      // A problem with anything but the learners sits under "More details": it is opened, so the message is seen.
      if (!checked.ok && Object.keys(checked.errors).some((f) => f !== 'learners') && details.current)
        details.current.open = true;
      return checked;
    },
    async (consultation) => {
      await addConsultation(db, consultation);
      notify({ kind: 'success', key: 'consultations:today.logged', values: { count: consultation.attendees.length } });
      reset({ learners: [] });
    },
    {
      // Nothing typed is cleared: the person tries again, or corrects what the schema named.
      failure: (error) => ({
        problem: Object.values(fieldErrorsOfFailure(error) ?? {})[0] ?? { key: 'consultations:errors.notSaved' },
      }),
    },
  );
  const toggle = (id: string) =>
    set('learners')(values.learners.includes(id) ? values.learners.filter((x) => x !== id) : [...values.learners, id]);
  const { role, subject, date, minutes, mode } = values;

  return (
    <form className="form quick-log" onSubmit={(e) => void submit(e)} noValidate>
      <LearnerPicker
        mine={mine}
        everyone={everyone}
        chosen={values.learners}
        onToggle={toggle}
        noShows={noShows}
        error={errors.learners?.key ?? null}
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
            <SelectField
              label={t('fields.role')}
              value={role}
              onChange={(e) => set('role')(e.target.value)}
              error={errors.role}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r === 'subject_teacher' ? t('roles.subject_teacher') : t(`profile:specialistRole.${r}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
          {role === 'subject_teacher' ? (
            <SelectField
              label={t('fields.subject')}
              value={subject}
              onChange={(e) => set('subject')(e.target.value)}
              error={errors.subject}
            >
              {subject ? null : <option value="">{t('today.noSubject')}</option>}
              {profile.subjects.map((s) => (
                <option key={s} value={s}>
                  {t(`profile:subject.${s}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <TextField
            label={t('fields.date')}
            type="date"
            value={date}
            max={today}
            onChange={(e) => set('date')(e.target.value)}
            error={errors.date}
          />
          <TextField label={t('fields.startTime')} type="time" {...field('startTime')} />
          <TextField
            label={t('fields.minutes')}
            inputMode="numeric"
            value={minutes}
            onChange={(e) => set('minutes')(e.target.value)}
            error={errors.minutes}
          />
          <ModeFields
            mode={mode}
            channel={values.channel}
            errors={errors}
            onMode={set('mode')}
            onChannel={set('channel')}
          />
        </div>
      </details>
      {problem ? (
        <p className="field__error" role="alert">
          {t(problem.key, problem.values)}
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
