import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  countable,
  plansOfStaff,
  semesterOf,
  type Learner,
  localDate,
  monthRange,
  semesterRange,
  durationParts,
  noShowsByLearner,
  workedMinutes,
  daysBefore,
  dueSessions,
  seesStaffHours,
} from '../../domain';
import {
  useConsultationsOfStaff,
  useLearnersOfSchool,
  usePlansOfSemester,
  useSchedulesOfStaff,
  useUser,
} from '../../db';
import { useRefusedIds } from '../../sync';
import { useActor } from '../account';
import { SchoolPicker, useSelectedSchool } from '../schools';
import { ReadProblem, readFailed, intlLocale } from '../ui';
import { ConsultationList } from './ConsultationList';
import { DueSessions } from './DueSessions';
import { QuickLog } from './QuickLog';
import { ScheduleForm } from './ScheduleForm';
import { ScheduleList } from './ScheduleList';

/** The working day of a teacher or specialist: log a consultation quickly, see today's, confirm, catch up. */
export function TodayPage() {
  const { t, i18n } = useTranslation(['consultations', 'hours']);
  const actor = useActor();
  const { data: me, error: meError } = useUser(actor?.userId);
  const schoolId = useSelectedSchool((s) => s.schoolId);
  const today = localDate(new Date());
  const { data: plans, error: plansError } = usePlansOfSemester(schoolId, semesterOf(today));
  const { data: learners, error: learnersError } = useLearnersOfSchool(schoolId);
  const semesterStart = semesterRange(semesterOf(today)).from;
  // Also the look-back of overdue scheduled sessions (domain/rules/schedules).
  const lateFrom = daysBefore(today, 14);
  const lateTo = daysBefore(today, 2);
  // One live query serves the day's list, the late confirmations and the hours.
  const { data: log, error: logError } = useConsultationsOfStaff(
    actor?.userId,
    lateFrom < semesterStart ? lateFrom : semesterStart,
    today,
  );
  const todays = useMemo(() => log.filter((c) => c.date === today), [log, today]);
  // My hours count what the server accepted: a refused consultation is listed (with why) but not paid.
  const refused = useRefusedIds('consultations');
  const semesterLog = useMemo(
    () => countable(log, refused).filter((c) => c.date >= semesterStart),
    [log, refused, semesterStart],
  );
  const recent = useMemo(() => log.filter((c) => c.date >= lateFrom && c.date <= lateTo), [log, lateFrom, lateTo]);
  const noShows = useMemo(() => noShowsByLearner(semesterLog), [semesterLog]);
  const duration = (minutes: number) => t('hours.duration', durationParts(minutes));

  const byId = useMemo(() => new Map(learners.map((l) => [l.id, l])), [learners]);
  const mine = useMemo(() => {
    if (!me) return [];
    const ids = new Set(
      plansOfStaff(plans, { userId: me.id, subjects: me.subjects, specialistRoles: me.specialistRoles }).map(
        (p) => p.learnerId,
      ),
    );
    return learners.filter((l) => ids.has(l.id));
  }, [me, plans, learners]);
  const { data: allSchedules, error: schedulesError } = useSchedulesOfStaff(actor?.userId);
  // What could not be read is not absent: the day's list, the hours and the due sessions would all be untrue.
  const readErrors = [meError, plansError, learnersError, logError, schedulesError];
  const schedules = useMemo(() => allSchedules.filter((s) => s.schoolId === schoolId), [allSchedules, schoolId]);
  const sessions = useMemo(() => dueSessions(schedules, log, today, 14), [schedules, log, today]);
  // The form mounts on first opening and stays mounted, so folding it away keeps what was typed.
  const [scheduleFormOpened, setScheduleFormOpened] = useState(false);
  const scheduleDetails = useRef<HTMLDetailsElement>(null);
  const late = recent.filter((c) => c.attendees.some((a) => a.attendance === 'attended' && !a.confirmedAt));

  return (
    <section className="page today" aria-labelledby="today-title">
      <header className="page__header">
        <div>
          <h1 id="today-title">{t('today.title')}</h1>
          <p className="plan-page__who">
            {new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'full' }).format(
              new Date(`${today}T12:00:00`),
            )}
          </p>
        </div>
      </header>
      <div className="toolbar toolbar--single">
        <SchoolPicker />
      </div>
      <ReadProblem errors={readErrors} />
      {/* What she came for comes first, on the first screen at any width (issue 13.2); the schedule follows. */}
      {me && schoolId ? (
        <QuickLog
          me={me}
          schoolId={schoolId}
          today={today}
          mine={mine}
          everyone={learners}
          plans={plans}
          noShows={noShows}
        />
      ) : null}
      {schedules.some((s) => s.active) ? (
        <section className="plan-section due-section" aria-labelledby="today-due">
          <h2 id="today-due">{t('schedule.due.title')}</h2>
          <p className="plan-section__hint">{t('schedule.due.hint')}</p>
          <DueSessions due={sessions.due} overdue={sessions.overdue} learners={byId} plans={plans} />
        </section>
      ) : null}
      <section className="plan-section" aria-labelledby="today-hours">
        <div className="section-header">
          <h2 id="today-hours">{t('hours.title')}</h2>
          <span className="section-header__links">
            {actor ? (
              <Link to={`/hours/${actor.userId}/${today.slice(0, 7)}`}>{t('hours:timesheet.linkOwn')}</Link>
            ) : null}
            {actor ? <Link to="/hours/indirect">{t('hours:indirect.nav')}</Link> : null}
            {actor && seesStaffHours(actor.roles) ? <Link to="/hours">{t('hours:link')}</Link> : null}
          </span>
        </div>
        <dl className="hours">
          <div>
            <dt>{t('hours.today')}</dt>
            <dd>{duration(workedMinutes(semesterLog, today, today))}</dd>
          </div>
          <div>
            <dt>{t('hours.month')}</dt>
            <dd>{duration(workedMinutes(semesterLog, monthRange(today.slice(0, 7)).from, today))}</dd>
          </div>
          <div>
            <dt>{t('hours.semester')}</dt>
            <dd>{duration(workedMinutes(semesterLog, semesterStart, today))}</dd>
          </div>
        </dl>
      </section>
      <section className="plan-section" aria-labelledby="today-list">
        <h2 id="today-list">{t('today.list')}</h2>
        {todays.length === 0 && !readFailed(readErrors) ? <p className="empty">{t('today.none')}</p> : null}
        <ConsultationList
          consultations={todays}
          learners={byId as Map<string, Learner>}
          teacherName={me?.displayName ?? ''}
        />
      </section>
      {late.length > 0 ? (
        <section className="plan-section" aria-labelledby="today-late">
          <h2 id="today-late">{t('today.unconfirmed')}</h2>
          <ConsultationList
            consultations={late}
            learners={byId}
            teacherName={me?.displayName ?? ''}
            highlightUnconfirmed
          />
        </section>
      ) : null}
      {me && schoolId ? (
        <section className="plan-section" aria-labelledby="today-schedules">
          <h2 id="today-schedules">{t('schedule.list.title')}</h2>
          <ScheduleList schedules={schedules} learners={byId} today={today} />
          <details
            ref={scheduleDetails}
            className="schedule-new"
            onToggle={(e) => {
              if ((e.currentTarget as HTMLDetailsElement).open) setScheduleFormOpened(true);
            }}
          >
            <summary className="button">{t('schedule.form.title')}</summary>
            {scheduleFormOpened ? (
              <ScheduleForm
                me={me}
                schoolId={schoolId}
                today={today}
                mine={mine}
                everyone={learners}
                plans={plans}
                onSaved={() => scheduleDetails.current?.removeAttribute('open')}
              />
            ) : null}
          </details>
        </section>
      ) : null}
    </section>
  );
}
