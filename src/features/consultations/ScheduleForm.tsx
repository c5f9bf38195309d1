import { useTranslation } from 'react-i18next';
import { semesterOf, weekdayOf, weekdays, type Learner, type SupportPlan, type User } from '../../domain';
import { addSchedule, useDatabase, useProfileOfSchoolYear } from '../../db';
import { formErrorsOfFailure, SelectField, TextField, useValidatedForm } from '../forms';
import { ModeFields } from './ModeFields';
import { notify } from '../notifications';
import { scheduleFieldOf, toSchedule, type ScheduleFormValues } from './consultationForms';
import { LearnerPicker } from './LearnerPicker';
import { roleChoices } from './QuickLog';

interface Props {
  me: User;
  schoolId: string;
  today: string;
  mine: Learner[];
  everyone: Learner[];
  plans: SupportPlan[];
  /** After a schedule was saved (and the form emptied). */
  onSaved?(): void;
}

/**
 * A recurring consultation: the learners, the weekday and time, the length; the role and subject come from the
 * person, as in the quick log. Each field says what is wrong with it; nothing typed is cleared until it is saved.
 */
export function ScheduleForm({ me, schoolId, today, mine, everyone, plans, onSaved }: Props) {
  const { t } = useTranslation(['consultations', 'profile']);
  const db = useDatabase();
  // Subjects and the usual length as the school year's profile has them (a successor programme's, once chosen).
  const profile = useProfileOfSchoolYear(semesterOf(today).schoolYear);
  const roles = roleChoices(me);
  const initial: ScheduleFormValues = {
    learners: [],
    role: roles[0] ?? 'subject_teacher',
    subject: me.subjects[0] ?? profile.subjects[0] ?? '',
    weekday: String(weekdayOf(today)),
    startTime: '',
    minutes: String(profile.defaultConsultationMinutes),
    mode: 'in_person',
    channel: '',
    startsOn: today,
    endsOn: '',
  };
  const { values, errors, problem, saving, set, field, reset, submit } = useValidatedForm(
    initial,
    (typed) => toSchedule(typed, { staffId: me.id, schoolId, plans }),
    async (schedule) => {
      await addSchedule(db, schedule);
      notify({
        kind: 'success',
        key: 'consultations:schedule.saved',
        values: { when: t(`schedule.every.${schedule.weekday}`), time: schedule.startTime },
      });
      reset({ learners: [], startTime: '', endsOn: '' });
      onSaved?.();
    },
    {
      // Refused by the schema (the database parses what it stores): its own message goes under the field it names.
      failure: (error) => {
        const found = formErrorsOfFailure(error, scheduleFieldOf);
        return Object.keys(found).length > 0
          ? { errors: found }
          : { problem: { key: 'consultations:schedule.errors.notSaved' } };
      },
    },
  );
  const toggle = (id: string) =>
    set('learners')(values.learners.includes(id) ? values.learners.filter((x) => x !== id) : [...values.learners, id]);
  const changeStart = (value: string) => {
    set('startsOn')(value);
    // The end is judged against the start: a new start may settle it.
    if (errors.endsOn) set('endsOn')(values.endsOn);
  };

  return (
    <form
      className="form schedule-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('schedule.form.title')}
    >
      <LearnerPicker
        mine={mine}
        everyone={everyone}
        chosen={values.learners}
        onToggle={toggle}
        error={errors.learners?.key}
      />
      <div className="form__grid schedule-form__grid">
        <SelectField label={t('schedule.fields.weekday')} {...field('weekday')}>
          {weekdays.map((d) => (
            <option key={d} value={d}>
              {t(`schedule.weekday.${d}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('fields.startTime')} type="time" {...field('startTime')} />
        <TextField label={t('fields.minutes')} inputMode="numeric" {...field('minutes')} />
        {roles.length > 1 ? (
          <SelectField label={t('fields.role')} {...field('role')}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r === 'subject_teacher' ? t('roles.subject_teacher') : t(`profile:specialistRole.${r}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {values.role === 'subject_teacher' ? (
          <SelectField label={t('fields.subject')} {...field('subject')}>
            {values.subject ? null : <option value="">{t('today.noSubject')}</option>}
            {profile.subjects.map((s) => (
              <option key={s} value={s}>
                {t(`profile:subject.${s}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <ModeFields
          mode={values.mode}
          channel={values.channel}
          errors={errors}
          onMode={set('mode')}
          onChannel={set('channel')}
        />
        <TextField
          label={t('schedule.fields.startsOn')}
          type="date"
          value={values.startsOn}
          onChange={(e) => changeStart(e.target.value)}
          error={errors.startsOn}
        />
        <TextField
          label={
            <>
              {t('schedule.fields.endsOn')} <span className="field__optional">({t('schedule.optional')})</span>
            </>
          }
          type="date"
          value={values.endsOn}
          min={values.startsOn || undefined}
          onChange={(e) => set('endsOn')(e.target.value)}
          error={errors.endsOn}
        />
      </div>
      {problem ? (
        <p className="field__error" role="alert">
          {t(problem.key, problem.values)}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('schedule.form.save')}
        </button>
      </div>
    </form>
  );
}
