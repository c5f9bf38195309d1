import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Learner, Schedule } from '../../domain';
import { stopSchedule, useDatabase } from '../../db';
import { notify } from '../notifications';
import { RefusalNotice } from '../syncDecisions';
import { intlLocale } from '../ui';

interface Props {
  schedules: Schedule[];
  learners: Map<string, Learner>;
  today: string;
}

/** The person's weekly schedules: running ones can be stopped (after a second tap), stopped ones stay listed. */
export function ScheduleList({ schedules, learners, today }: Props) {
  const { t } = useTranslation('consultations');
  if (schedules.length === 0) return <p className="empty">{t('schedule.list.none')}</p>;
  const running = schedules.filter((s) => s.active);
  const stopped = schedules.filter((s) => !s.active);
  return (
    <ul className="schedule-list">
      {[...running, ...stopped].map((s) => (
        <ScheduleItem key={s.id} schedule={s} learners={learners} today={today} />
      ))}
    </ul>
  );
}

function ScheduleItem({
  schedule,
  learners,
  today,
}: {
  schedule: Schedule;
  learners: Map<string, Learner>;
  today: string;
}) {
  const { t, i18n } = useTranslation(['consultations', 'profile']);
  const db = useDatabase();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const topic = schedule.subject
    ? t(`profile:subject.${schedule.subject}`)
    : t(`profile:specialistRole.${schedule.staffRole}`, { defaultValue: schedule.staffRole });
  const date = (d: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium' }).format(new Date(`${d}T12:00:00`));
  const names = schedule.learnerIds
    .map((id) => {
      const l = learners.get(id);
      return l ? `${l.firstName} ${l.lastName}` : t('schedule.due.unknownLearner');
    })
    .join(', ');

  async function stop() {
    setSaving(true);
    try {
      await stopSchedule(db, schedule.id, today);
      notify({ kind: 'success', key: 'consultations:schedule.list.stoppedDone' });
    } catch {
      notify({ kind: 'error', key: 'consultations:schedule.errors.notSaved' });
    } finally {
      setSaving(false);
      setConfirming(false);
    }
  }

  return (
    <li className={`schedule${schedule.active ? '' : ' schedule--stopped'}`} aria-labelledby={headingId}>
      <div className="schedule__head">
        <h3 id={headingId} className="schedule__title">
          {t(`schedule.every.${schedule.weekday}`)} {schedule.startTime} · {topic}
        </h3>
        {schedule.active ? null : <span className="badge badge--muted">{t('schedule.list.stopped')}</span>}
      </div>
      <p className="schedule__who">{names}</p>
      <RefusalNotice collection="schedules" id={schedule.id} />
      <p className="schedule__meta">
        {t('today.minutes', { minutes: schedule.minutes })} · {t(`mode.${schedule.mode}`)}
        {schedule.channel ? ` (${t(`channel.${schedule.channel}`)})` : ''} ·{' '}
        {t('schedule.list.from', { date: date(schedule.startsOn) })}
        {schedule.endsOn ? ` ${t('schedule.list.until', { date: date(schedule.endsOn) })}` : ''}
      </p>
      {schedule.active ? (
        confirming ? (
          <div className="schedule__confirm" role="group" aria-labelledby={`${headingId}-q`}>
            <p id={`${headingId}-q`}>{t('schedule.list.stopConfirm')}</p>
            <div className="schedule__actions">
              <button type="button" className="button button--danger" disabled={saving} onClick={() => void stop()}>
                {t('schedule.list.stopYes')}
              </button>
              <button type="button" className="button" disabled={saving} onClick={() => setConfirming(false)}>
                {t('schedule.due.back')}
              </button>
            </div>
          </div>
        ) : (
          <div className="schedule__actions">
            <button
              type="button"
              className="button button--small"
              aria-describedby={headingId}
              onClick={() => setConfirming(true)}
            >
              {t('schedule.list.stop')}
            </button>
          </div>
        )
      ) : null}
    </li>
  );
}
