import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  consultationModes,
  dateSchema,
  measureFor,
  semesterOf,
  remoteChannels,
  timeOfDaySchema,
  weekdayOf,
  weekdays,
  type Learner,
  type SupportPlan,
  type User,
} from '../../domain';
import { addSchedule, useDatabase, useProfileOfSchoolYear } from '../../db';
import { fieldErrorsOfFailure } from '../forms';
import { notify } from '../notifications';
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

const FIELDS = ['learners', 'startTime', 'minutes', 'channel', 'startsOn', 'endsOn'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

const isDate = (text: string) => dateSchema.safeParse(text).success;
const isTime = (text: string) => timeOfDaySchema.safeParse(text).success;

/**
 * A recurring consultation: the learners, the weekday and time, the length; the role and subject come from the
 * person, as in the quick log. Each field says what is wrong with it; nothing typed is cleared until it is saved.
 */
export function ScheduleForm({ me, schoolId, today, mine, everyone, plans, onSaved }: Props) {
  const { t } = useTranslation(['consultations', 'profile']);
  const db = useDatabase();
  const ids = {
    role: useId(),
    subject: useId(),
    weekday: useId(),
    start: useId(),
    minutes: useId(),
    mode: useId(),
    channel: useId(),
    startsOn: useId(),
    endsOn: useId(),
  };
  // Subjects and the usual length as the school year's profile has them (a successor programme's, once chosen).
  const profile = useProfileOfSchoolYear(semesterOf(today).schoolYear);
  const roles = roleChoices(me);
  const [chosen, setChosen] = useState<string[]>([]);
  const [role, setRole] = useState(roles[0] ?? 'subject_teacher');
  const [subject, setSubject] = useState(me.subjects[0] ?? profile.subjects[0] ?? '');
  const [weekday, setWeekday] = useState(String(weekdayOf(today)));
  const [startTime, setStartTime] = useState('');
  const [minutes, setMinutes] = useState(String(profile.defaultConsultationMinutes));
  const [mode, setMode] = useState<(typeof consultationModes)[number]>('in_person');
  const [channel, setChannel] = useState<(typeof remoteChannels)[number] | ''>('');
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const clear = (field: Field) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  const toggle = (id: string) => {
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
    clear('learners');
  };

  function validate(): Errors {
    const found: Errors = {};
    const length = Number(minutes);
    if (chosen.length === 0) found.learners = 'today.chooseLearner';
    if (!isTime(startTime)) found.startTime = 'schedule.errors.time';
    if (!/^\d{1,3}$/.test(minutes) || length < 1 || length > 600) found.minutes = 'errors.minutes';
    if (mode === 'remote' && !channel) found.channel = 'errors.channel';
    if (!isDate(startsOn)) found.startsOn = 'errors.date';
    if (endsOn && !isDate(endsOn)) found.endsOn = 'errors.date';
    else if (endsOn && isDate(startsOn) && endsOn < startsOn) found.endsOn = 'schedule.errors.endsBeforeStart';
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const staffRole = { staffRole: role, ...(role === 'subject_teacher' ? { subject } : {}) };
    const link = chosen.length === 1 ? measureFor(plans, chosen[0] ?? '', staffRole) : null;
    setSaving(true);
    try {
      await addSchedule(db, {
        schoolId,
        staffId: me.id,
        ...staffRole,
        planId: link?.planId ?? '',
        learnerIds: chosen,
        weekday: Number(weekday),
        startTime,
        minutes: Number(minutes),
        mode,
        ...(mode === 'remote' && channel ? { channel } : {}),
        startsOn,
        ...(endsOn ? { endsOn } : {}),
        active: true,
      });
      notify({
        kind: 'success',
        key: 'consultations:schedule.saved',
        values: { when: t(`schedule.every.${weekday}`), time: startTime },
      });
      setChosen([]);
      setStartTime('');
      setEndsOn('');
      onSaved?.();
    } catch (failure) {
      // Refused by the schema (the database parses what it stores): its own message goes under the field it names.
      const found = Object.entries(fieldErrorsOfFailure(failure) ?? {}).flatMap(([name, problem]) => {
        const field = name === 'learnerIds' ? 'learners' : name;
        return FIELDS.includes(field as Field) && problem ? [[field, problem.key] as const] : [];
      });
      if (found.length > 0) setErrors(Object.fromEntries(found));
      else notify({ kind: 'error', key: 'consultations:schedule.errors.notSaved' });
    } finally {
      setSaving(false);
    }
  }

  /** A field with its message right under it, announced and tied to the control. */
  const field = (name: Field | null, id: string, label: ReactNode, control: ReactNode) => {
    const error = name ? errors[name] : undefined;
    return (
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {control}
        {error ? (
          <p id={`${id}-error`} className="field__error" role="alert">
            {t(error)}
          </p>
        ) : null}
      </div>
    );
  };
  const described = (name: Field, id: string) =>
    errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

  return (
    <form className="form schedule-form" onSubmit={submit} noValidate aria-label={t('schedule.form.title')}>
      <LearnerPicker mine={mine} everyone={everyone} chosen={chosen} onToggle={toggle} error={errors.learners} />
      <div className="form__grid schedule-form__grid">
        {field(
          null,
          ids.weekday,
          t('schedule.fields.weekday'),
          <select id={ids.weekday} value={weekday} onChange={(e) => setWeekday(e.target.value)}>
            {weekdays.map((d) => (
              <option key={d} value={d}>
                {t(`schedule.weekday.${d}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'startTime',
          ids.start,
          t('fields.startTime'),
          <input
            id={ids.start}
            type="time"
            value={startTime}
            onChange={(e) => (setStartTime(e.target.value), clear('startTime'))}
            {...described('startTime', ids.start)}
          />,
        )}
        {field(
          'minutes',
          ids.minutes,
          t('fields.minutes'),
          <input
            id={ids.minutes}
            inputMode="numeric"
            value={minutes}
            onChange={(e) => (setMinutes(e.target.value), clear('minutes'))}
            {...described('minutes', ids.minutes)}
          />,
        )}
        {roles.length > 1
          ? field(
              null,
              ids.role,
              t('fields.role'),
              <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value)}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {r === 'subject_teacher' ? t('roles.subject_teacher') : t(`profile:specialistRole.${r}`)}
                  </option>
                ))}
              </select>,
            )
          : null}
        {role === 'subject_teacher'
          ? field(
              null,
              ids.subject,
              t('fields.subject'),
              <select id={ids.subject} value={subject} onChange={(e) => setSubject(e.target.value)}>
                {profile.subjects.map((s) => (
                  <option key={s} value={s}>
                    {t(`profile:subject.${s}`)}
                  </option>
                ))}
              </select>,
            )
          : null}
        {field(
          null,
          ids.mode,
          t('fields.mode'),
          <select
            id={ids.mode}
            value={mode}
            onChange={(e) => (setMode(e.target.value as typeof mode), clear('channel'))}
          >
            {consultationModes.map((m) => (
              <option key={m} value={m}>
                {t(`mode.${m}`)}
              </option>
            ))}
          </select>,
        )}
        {mode === 'remote'
          ? field(
              'channel',
              ids.channel,
              t('fields.channel'),
              <select
                id={ids.channel}
                value={channel}
                onChange={(e) => (setChannel(e.target.value as typeof channel), clear('channel'))}
                {...described('channel', ids.channel)}
              >
                <option value="" />
                {remoteChannels.map((c) => (
                  <option key={c} value={c}>
                    {t(`channel.${c}`)}
                  </option>
                ))}
              </select>,
            )
          : null}
        {field(
          'startsOn',
          ids.startsOn,
          t('schedule.fields.startsOn'),
          <input
            id={ids.startsOn}
            type="date"
            value={startsOn}
            onChange={(e) => (setStartsOn(e.target.value), clear('startsOn'), clear('endsOn'))}
            {...described('startsOn', ids.startsOn)}
          />,
        )}
        {field(
          'endsOn',
          ids.endsOn,
          <>
            {t('schedule.fields.endsOn')} <span className="field__optional">({t('schedule.optional')})</span>
          </>,
          <input
            id={ids.endsOn}
            type="date"
            value={endsOn}
            min={startsOn || undefined}
            onChange={(e) => (setEndsOn(e.target.value), clear('endsOn'))}
            {...described('endsOn', ids.endsOn)}
          />,
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('schedule.form.save')}
        </button>
      </div>
    </form>
  );
}
