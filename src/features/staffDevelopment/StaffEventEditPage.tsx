import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { localDate } from '../../domain';
import { addStaffEvent, updateStaffEvent, useDatabase, useStaffEvents, useUsers } from '../../db';
import { notify } from '../notifications';
import { StaffEventForm } from './StaffEventForm';
import { emptyFormValues, formValuesOf, type StaffEventFields } from './staffEventForm';
import { usePlaces } from './usePlaces';
import './staffDevelopment.css';

/** /staff-development/new and /staff-development/:eventId: one event's form. */
export function StaffEventEditPage() {
  const { t } = useTranslation(['staffDevelopment', 'common']);
  const { eventId } = useParams();
  const navigate = useNavigate();
  const db = useDatabase();
  const { places, placeLabel, schools } = usePlaces();
  const { data: users } = useUsers();
  const { data: events, loading } = useStaffEvents();
  const event = eventId ? events.find((e) => e.id === eventId) : undefined;
  const back = () => void navigate('/staff-development');
  const initial = useMemo(
    () => (event ? formValuesOf(event) : emptyFormValues(places[0]?.value ?? '', localDate(new Date()))),
    [event, places],
  );

  async function save(fields: StaffEventFields) {
    try {
      if (event) {
        // schoolId may have gone (moved to the municipality as a whole): the fields replace the stored ones.
        await updateStaffEvent(db, event.id, (current) => {
          const { schoolId: _old, ...rest } = current;
          return { ...rest, ...fields };
        });
      } else {
        await addStaffEvent(db, fields);
      }
      notify({ kind: 'success', key: 'staffDevelopment:saved' });
      back();
    } catch {
      notify({ kind: 'error', key: 'staffDevelopment:saveFailed' });
    }
  }

  const title = eventId ? t('form.editTitle') : t('form.newTitle');
  const ready = eventId ? event !== undefined : places.length > 0;
  return (
    <section className="page staff-development" aria-labelledby="staff-event-title">
      <header className="page__header">
        <h1 id="staff-event-title">{title}</h1>
      </header>
      <p className="staff-development__back">
        <Link to="/staff-development">{t('form.back')}</Link>
      </p>
      {!ready && !loading ? <p className="empty">{eventId ? t('form.notFound') : t('notAllowed')}</p> : null}
      {ready ? (
        <StaffEventForm
          // A new form once the event (or the places) arrive: the form keeps what it opened with.
          key={`${event?.id ?? 'new'}-${places.length}`}
          initial={initial}
          places={places}
          placeLabel={placeLabel}
          users={users}
          schools={schools}
          onSubmit={save}
          onCancel={back}
        />
      ) : null}
    </section>
  );
}
