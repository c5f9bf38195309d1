import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { mayTakePart, staffEventKinds, type School, type User } from '../../domain';
import { TextField, useValidatedForm } from '../forms';
import { ParticipantPicker } from './ParticipantPicker';
import {
  idsOf,
  toStaffEventFields,
  type EventPlace,
  type StaffEventFields,
  type StaffEventFormValues,
} from './staffEventForm';

interface StaffEventFormProps {
  initial: StaffEventFormValues;
  places: readonly EventPlace[];
  placeLabel: (place: EventPlace) => string;
  users: readonly User[];
  schools: readonly Pick<School, 'id' | 'municipalityId'>[];
  onSubmit: (fields: StaffEventFields) => Promise<void>;
  onCancel: () => void;
}

/** An event's fields; every typed value is kept on a validation or save failure. */
export function StaffEventForm({
  initial,
  places,
  placeLabel,
  users,
  schools,
  onSubmit,
  onCancel,
}: StaffEventFormProps) {
  const { t } = useTranslation(['staffDevelopment', 'common']);
  const placeId = useId();
  const kindId = useId();
  const { values, errors, saving, set, field, submit } = useValidatedForm(
    initial,
    (typed) => toStaffEventFields(typed, places),
    (fields) => onSubmit(fields),
  );
  const place = places.find((p) => p.value === values.place);
  const schoolMunicipality = useMemo(() => new Map(schools.map((s) => [s.id, s.municipalityId])), [schools]);
  const candidates = useMemo(
    () => (place ? users.filter((u) => u.active && mayTakePart(u, place, schoolMunicipality)) : []),
    [users, place, schoolMunicipality],
  );
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.displayName])), [users]);

  return (
    <form className="form staff-event-form" onSubmit={submit} noValidate>
      <div className="form__grid">
        <div className={`field${errors.place ? ' field--invalid' : ''}`}>
          <label htmlFor={placeId}>{t('form.place')}</label>
          <select id={placeId} value={values.place} onChange={(e) => set('place')(e.target.value)}>
            {places.map((p) => (
              <option key={p.value} value={p.value}>
                {placeLabel(p)}
              </option>
            ))}
          </select>
          {errors.place ? (
            <p className="field__error" role="alert">
              {t(errors.place.key)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={kindId}>{t('form.kind')}</label>
          <select id={kindId} value={values.kind} onChange={(e) => set('kind')(e.target.value)}>
            {staffEventKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t('form.title')} {...field('title')} autoComplete="off" required />
        <TextField
          label={t('form.provider')}
          hint={t('form.providerHint')}
          optional
          {...field('provider')}
          autoComplete="off"
        />
        <TextField
          label={t('form.date')}
          type="date"
          value={values.date}
          onChange={(e) => {
            // A one-day event is the usual case: the end follows the start until it is set apart.
            if (values.endDate === values.date) set('endDate')(e.target.value);
            set('date')(e.target.value);
          }}
          error={errors.date}
          required
        />
        <TextField label={t('form.endDate')} hint={t('form.endDateHint')} type="date" {...field('endDate')} required />
        <TextField
          label={t('form.hours')}
          hint={t('form.hoursHint')}
          inputMode="decimal"
          {...field('hours')}
          autoComplete="off"
          required
        />
        <TextField
          label={t('form.others')}
          hint={t('form.othersHint')}
          inputMode="numeric"
          optional
          {...field('otherParticipants')}
          autoComplete="off"
        />
      </div>
      <ParticipantPicker
        candidates={candidates}
        names={names}
        selected={idsOf(values.participantIds)}
        onChange={(ids) => set('participantIds')(ids.join('\n'))}
      />
      {errors.participantIds ? (
        <p className="field__error" role="alert">
          {t(errors.participantIds.key, errors.participantIds.values)}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common:actions.saving') : t('common:actions.save')}
        </button>
      </div>
    </form>
  );
}
