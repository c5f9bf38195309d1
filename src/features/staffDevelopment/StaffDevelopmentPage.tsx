import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  canWrite,
  countable,
  localDate,
  sameSemester,
  semesterOf,
  staffDevelopmentFigures,
  staffEventKinds,
  type SchoolSemester,
  type StaffEvent,
} from '../../domain';
import { removeStaffEvent, restoreStaffEvent, useDatabase, useStaffEvents } from '../../db';
import { useRefusedIds } from '../../sync';
import { notify } from '../notifications';
import { eventDates } from './eventDates';
import { usePlaces } from './usePlaces';
import './staffDevelopment.css';

const semesterKey = (s: SchoolSemester) => `${s.schoolYear}-${s.semester}`;

/** The semesters to choose from: the current one, and every one an event on this device falls in, latest first. */
function semestersOf(events: readonly StaffEvent[], today: string): SchoolSemester[] {
  const all = [semesterOf(today), ...events.map((e) => semesterOf(e.date))];
  const unique = new Map(all.map((s) => [semesterKey(s), s]));
  return [...unique.values()].sort((a, b) => semesterKey(b).localeCompare(semesterKey(a)));
}

/**
 * /staff-development: a semester's development events of the schools and municipality in reach, with the figures
 * the semester report gives them; the director and coordinators add, edit and delete them (with undo).
 */
export function StaffDevelopmentPage() {
  const { t, i18n } = useTranslation(['staffDevelopment', 'common']);
  const semesterId = useId();
  const db = useDatabase();
  const { actor, places, placeLabel } = usePlaces();
  const { data: events, loading } = useStaffEvents();
  const refused = useRefusedIds('staffevents');
  const today = localDate(new Date());
  const semesters = useMemo(() => semestersOf(events, today), [events, today]);
  const [chosen, setChosen] = useState(semesterKey(semesterOf(today)));
  const semester = semesters.find((s) => semesterKey(s) === chosen) ?? semesterOf(today);
  const shown = events.filter((e) => sameSemester(semesterOf(e.date), semester));
  const figures = staffDevelopmentFigures(countable(events, refused), semester);

  if (!actor || places.length === 0) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        <p className="empty">{t('notAllowed')}</p>
      </section>
    );
  }

  async function remove(event: StaffEvent) {
    const removed = await removeStaffEvent(db, event.id);
    if (!removed) return;
    notify({
      kind: 'success',
      key: 'staffDevelopment:deleted',
      values: { title: event.title },
      undo: () => void restoreStaffEvent(db, removed),
    });
  }

  const semesterLabel = (s: SchoolSemester) => t('semesterLabel', { year: s.schoolYear, semester: s.semester });

  return (
    <section className="page staff-development" aria-labelledby="staff-development-title">
      <header className="page__header">
        <h1 id="staff-development-title">{t('title')}</h1>
        <div className="page__actions">
          <Link className="button button--primary" to="/staff-development/new">
            {t('new')}
          </Link>
        </div>
      </header>
      <p className="page__lead">{t('lead')}</p>
      <div className="toolbar">
        <div className="toolbar__field staff-development__semester">
          <label htmlFor={semesterId}>{t('semester')}</label>
          <select id={semesterId} value={semesterKey(semester)} onChange={(e) => setChosen(e.target.value)}>
            {semesters.map((s) => (
              <option key={semesterKey(s)} value={semesterKey(s)}>
                {semesterLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section className="staff-development__summary" aria-labelledby="staff-development-summary">
        <h2 id="staff-development-summary">{t('summary.title')}</h2>
        <dl>
          <div>
            <dt>{t('summary.events')}</dt>
            <dd>{figures.events}</dd>
          </div>
          <div>
            <dt>{t('summary.hours')}</dt>
            <dd>{figures.hours.toLocaleString(i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('summary.staff')}</dt>
            <dd>{figures.staffReached.count}</dd>
          </div>
          <div>
            <dt>{t('summary.others')}</dt>
            <dd>{figures.otherParticipants}</dd>
          </div>
        </dl>
        <p className="staff-development__kinds">
          {staffEventKinds
            .filter((k) => figures.byKind[k] > 0)
            .map((k) => `${t(`kind.${k}`)}: ${figures.byKind[k]}`)
            .join(' · ')}
        </p>
      </section>
      {!loading && shown.length === 0 ? <p className="empty">{t('none')}</p> : null}
      <ul className="staff-events">
        {shown.map((e) => {
          const editable = canWrite(actor, 'staffevents', e, e).ok;
          return (
            <li key={e.id} className="staff-event">
              <div className="staff-event__main">
                <h3 className="staff-event__title">{e.title}</h3>
                <p className="staff-event__meta">
                  <span className="staff-event__kind">{t(`kind.${e.kind}`)}</span>
                  <span>{eventDates(i18n.language, e)}</span>
                  <span>{placeLabel(e)}</span>
                  {e.provider ? <span>{e.provider}</span> : null}
                </p>
                <p className="staff-event__meta">
                  <span>{t('hours', { count: e.hours })}</span>
                  <span>
                    {t('staff', { count: e.participantIds.length })}
                    {e.otherParticipants > 0 ? ` ${t('others', { count: e.otherParticipants })}` : ''}
                  </span>
                </p>
              </div>
              {editable ? (
                <div className="staff-event__actions">
                  <Link
                    className="button"
                    to={`/staff-development/${e.id}`}
                    aria-label={t('editLabel', { title: e.title })}
                  >
                    {t('edit')}
                  </Link>
                  <button
                    type="button"
                    className="button"
                    aria-label={t('deleteLabel', { title: e.title })}
                    onClick={() => void remove(e)}
                  >
                    {t('delete')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
