import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attendanceValues,
  consultationFromSchedule,
  skippedSession,
  type Attendance,
  type Learner,
  type ScheduledSession,
  type SupportPlan,
} from '../../domain';
import { logScheduledSession, updateSchedule, useDatabase } from '../../db';
import { notify } from '../notifications';
import { intlLocale } from '../ui';

interface Props {
  /** Today's sessions first, then the overdue ones. */
  due: ScheduledSession[];
  overdue: ScheduledSession[];
  learners: Map<string, Learner>;
  plans: SupportPlan[];
}

/** Sessions of the person's weekly schedules that are due today or were not logged: each is logged with one tap. */
export function DueSessions({ due, overdue, learners, plans }: Props) {
  const { t } = useTranslation('consultations');
  if (due.length === 0 && overdue.length === 0) return <p className="empty">{t('schedule.due.none')}</p>;
  return (
    <ul className="due-list">
      {[...due, ...overdue].map((session) => (
        <DueSession
          key={`${session.schedule.id}/${session.date}`}
          session={session}
          overdue={overdue.includes(session)}
          learners={learners}
          plans={plans}
        />
      ))}
    </ul>
  );
}

function DueSession({
  session,
  overdue,
  learners,
  plans,
}: {
  session: ScheduledSession;
  overdue: boolean;
  learners: Map<string, Learner>;
  plans: SupportPlan[];
}) {
  const { t, i18n } = useTranslation(['consultations', 'profile']);
  const db = useDatabase();
  const headingId = useId();
  const { schedule, date } = session;
  const [picking, setPicking] = useState(false);
  const [attendance, setAttendance] = useState<Record<string, Attendance>>({});
  const [saving, setSaving] = useState(false);

  const topic = schedule.subject
    ? t(`profile:subject.${schedule.subject}`)
    : t(`profile:specialistRole.${schedule.staffRole}`, { defaultValue: schedule.staffRole });
  const name = (id: string) => {
    const l = learners.get(id);
    return l ? `${l.firstName} ${l.lastName}` : t('schedule.due.unknownLearner');
  };
  const day = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(`${date}T12:00:00`));

  async function skip() {
    setSaving(true);
    try {
      await updateSchedule(db, schedule.id, (current) => skippedSession(current, date));
      notify({ kind: 'success', key: 'consultations:schedule.due.skipped', values: { topic, date: day } });
    } catch {
      notify({ kind: 'error', key: 'consultations:schedule.errors.notLogged' });
      setSaving(false);
    }
  }

  async function log(given: Attendance | Record<string, Attendance>) {
    setSaving(true);
    try {
      await logScheduledSession(db, consultationFromSchedule(schedule, date, given, plans));
      notify({
        kind: 'success',
        key: given === 'cancelled' ? 'consultations:schedule.due.loggedCancelled' : 'consultations:schedule.due.logged',
        values: { topic, date: day },
      });
    } catch {
      notify({ kind: 'error', key: 'consultations:schedule.errors.notLogged' });
      setSaving(false);
    }
  }

  return (
    <li className={`due-session${overdue ? ' due-session--overdue' : ''}`} aria-labelledby={headingId}>
      <div className="due-session__head">
        <h3 id={headingId} className="due-session__title">
          <span className="due-session__time">{schedule.startTime}</span> {topic}
        </h3>
        {overdue ? (
          <span className="badge badge--overdue">{t('schedule.due.overdue', { date: day })}</span>
        ) : (
          <span className="badge badge--due">{t('schedule.due.today')}</span>
        )}
      </div>
      <p className="due-session__who">
        {schedule.learnerIds.map(name).join(', ')}
        <span className="due-session__meta">
          {' · '}
          {t('today.minutes', { minutes: schedule.minutes })} · {t(`mode.${schedule.mode}`)}
          {schedule.channel ? ` (${t(`channel.${schedule.channel}`)})` : ''}
        </span>
      </p>
      {picking ? (
        <ul className="attendees due-session__attendees">
          {schedule.learnerIds.map((id) => (
            <li key={id} className="attendee">
              <span className="attendee__name">{name(id)}</span>
              <select
                aria-label={t('attendance.label', { name: name(id) })}
                value={attendance[id] ?? 'attended'}
                onChange={(e) => setAttendance((a) => ({ ...a, [id]: e.target.value as Attendance }))}
              >
                {attendanceValues.map((v) => (
                  <option key={v} value={v}>
                    {t(`attendance.${v}`)}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="due-session__actions">
        {picking ? (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={saving}
              onClick={() => void log(attendance)}
            >
              {t('schedule.due.save')}
            </button>
            <button type="button" className="button" disabled={saving} onClick={() => setPicking(false)}>
              {t('schedule.due.back')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={saving}
              aria-describedby={headingId}
              onClick={() => void log('attended')}
            >
              {t('schedule.due.held')}
            </button>
            <button
              type="button"
              className="button"
              disabled={saving}
              aria-describedby={headingId}
              onClick={() => void log('cancelled')}
            >
              {t('schedule.due.cancelled')}
            </button>
            <button
              type="button"
              className="button due-session__other"
              disabled={saving}
              aria-describedby={headingId}
              onClick={() => setPicking(true)}
            >
              {t('schedule.due.other')}
            </button>
            <button
              type="button"
              className="button due-session__other"
              disabled={saving}
              aria-describedby={headingId}
              onClick={() => void skip()}
            >
              {t('schedule.due.skip')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
