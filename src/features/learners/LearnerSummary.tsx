import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  addDays,
  occurrences,
  planProgress,
  sameSemester,
  semesterOf,
  type Consultation,
  type Learner,
  type SupportPlan,
  type User,
} from '../../domain';
import { useCompensationsOfLearner, usePlanProfile, useSchedulesOfStaff } from '../../db';

interface Props {
  learner: Learner;
  plans: SupportPlan[];
  consultations: Consultation[];
  users: User[];
  today: string;
  /** Whose schedules say when the next session is: the person working. */
  staffId: string | undefined;
}

/** Plans whose support is being (or was) delivered: only they have a share worth showing (as the plans list). */
const DELIVERING: ReadonlySet<SupportPlan['status']> = new Set(['in_progress', 'suspended', 'under_revision']);

/** How far ahead the next scheduled session is looked for. */
const NEXT_SESSION_DAYS = 28;

/**
 * What a teacher opens a learner's page for, before any form (issue 13.2): this semester's plan with its status and
 * delivered share, the next scheduled session, the latest consultations, and what needs doing.
 */
export function LearnerSummary({ learner, plans, consultations, users, today, staffId }: Props) {
  const { t, i18n } = useTranslation(['learners', 'plans', 'consultations', 'profile']);
  const { data: compensations } = useCompensationsOfLearner(learner.id);
  const { data: schedules } = useSchedulesOfStaff(staffId);
  const current = semesterOf(today);
  const plan = plans.find((p) => sameSemester(p, current) && p.status !== 'inactive');
  // The plan's own profile: what it plans is counted by its rules.
  const profile = usePlanProfile(plan);
  const progress = plan ? planProgress(plan, consultations, compensations, profile) : null;
  const next = useMemo(() => {
    const dates = schedules
      .filter((s) => s.active && s.learnerIds.includes(learner.id))
      .flatMap((s) => occurrences(s, today, addDays(today, NEXT_SESSION_DAYS)).map((date) => ({ date, s })))
      .sort((a, b) => (a.date + a.s.startTime).localeCompare(b.date + b.s.startTime));
    return dates[0] ?? null;
  }, [schedules, learner.id, today]);
  const recent = [...consultations].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 3);
  const unconfirmed = consultations.filter((c) =>
    c.attendees.some((a) => a.learnerId === learner.id && a.attendance === 'attended' && !a.confirmedAt),
  ).length;
  const day = (date: string) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'long' }).format(
      new Date(`${date}T12:00:00`),
    );
  const topic = (c: Pick<Consultation, 'subject' | 'staffRole'>) =>
    c.subject
      ? t(`profile:subject.${c.subject}`)
      : t(`profile:specialistRole.${c.staffRole}`, { defaultValue: c.staffRole });
  const percent = (share: number) => new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(share);

  const attention: string[] = [];
  if (!learner.consent) attention.push(t('summary.attention.noConsent'));
  if (!plan) attention.push(t('summary.attention.noPlan'));
  else if (plan.status === 'draft' || plan.status === 'under_revision')
    attention.push(t('summary.attention.planToSend'));
  if (unconfirmed > 0) attention.push(t('summary.attention.unconfirmed', { count: unconfirmed }));

  return (
    <section className="plan-section learner-summary" aria-labelledby="learner-summary">
      <h2 id="learner-summary">{t('summary.title')}</h2>
      <dl className="learner-summary__facts">
        <div>
          <dt>{t('summary.plan', { schoolYear: current.schoolYear, semester: current.semester })}</dt>
          <dd>
            {plan ? (
              <Link to={`/plans/${plan.id}`}>
                <span className={`badge plan-status plan-status--${plan.status}`}>
                  {t(`plans:status.${plan.status}`)}
                </span>
                {progress?.share !== null && progress?.share !== undefined && DELIVERING.has(plan.status)
                  ? ` ${t('summary.delivered', { share: percent(progress.share) })}`
                  : ''}
              </Link>
            ) : (
              t('summary.noPlan')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('summary.next')}</dt>
          <dd>
            {next
              ? `${day(next.date)}${next.s.startTime ? `, ${next.s.startTime}` : ''} · ${topic(next.s)}`
              : t('summary.noNext')}
          </dd>
        </div>
        <div>
          <dt>{t('summary.recent')}</dt>
          <dd>
            {recent.length === 0 ? (
              t('summary.noRecent')
            ) : (
              <ul className="learner-summary__recent">
                {recent.map((c) => (
                  <li key={c.id}>
                    {day(c.date)} · {topic(c)} · {users.find((u) => u.id === c.staffId)?.displayName ?? ''}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {attention.length > 0 ? (
        <div className="learner-summary__attention">
          <h3>{t('summary.attention.title')}</h3>
          <ul>
            {attention.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
