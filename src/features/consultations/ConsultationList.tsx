import { RefusalNotice } from '../syncDecisions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attendanceValues, type Attendance, type Consultation, type Learner } from '../../domain';
import { confirmConsultation, setAttendance, useDatabase } from '../../db';
import { notify } from '../notifications';
import { ConfirmationScreen } from './ConfirmationScreen';
import { intlLocale } from '../ui';

interface Props {
  consultations: Consultation[];
  learners: Map<string, Learner>;
  teacherName: string;
  /** Older unconfirmed ones stand out. */
  highlightUnconfirmed?: boolean;
}

/** Consultations with each learner's attendance, which can be corrected, and their confirmation. */
export function ConsultationList({ consultations, learners, teacherName, highlightUnconfirmed = false }: Props) {
  const { t, i18n } = useTranslation(['consultations', 'profile']);
  const db = useDatabase();
  const [confirming, setConfirming] = useState<{ consultation: Consultation; learnerId: string } | null>(null);
  const topic = (c: Consultation) =>
    c.subject
      ? t(`profile:subject.${c.subject}`)
      : t(`profile:specialistRole.${c.staffRole}`, { defaultValue: c.staffRole });
  const name = (id: string) => {
    const l = learners.get(id);
    return l ? `${l.firstName} ${l.lastName}` : id;
  };
  const date = (d: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium' }).format(new Date(`${d}T12:00:00`));

  return (
    <>
      <ul className="consultation-list">
        {consultations.map((c) => (
          <li key={c.id} className={`consultation${highlightUnconfirmed ? ' consultation--late' : ''}`}>
            <div className="consultation__head">
              <strong>{topic(c)}</strong>
              <span>
                {date(c.date)}
                {c.startTime ? ` ${c.startTime}` : ''} · {t('today.minutes', { minutes: c.minutes })} ·{' '}
                {t(`mode.${c.mode}`)}
                {c.channel ? ` (${t(`channel.${c.channel}`)})` : ''}
              </span>
            </div>
            <RefusalNotice collection="consultations" id={c.id} counted />
            <ul className="attendees">
              {c.attendees.map((a) => (
                <li key={a.learnerId} className="attendee">
                  <span className="attendee__name">{name(a.learnerId)}</span>
                  <select
                    aria-label={t('attendance.label', { name: name(a.learnerId) })}
                    value={a.attendance}
                    onChange={(e) => void setAttendance(db, c.id, a.learnerId, e.target.value as Attendance)}
                  >
                    {attendanceValues.map((v) => (
                      <option key={v} value={v}>
                        {t(`attendance.${v}`)}
                      </option>
                    ))}
                  </select>
                  {a.attendance !== 'attended' ? null : a.confirmedAt ? (
                    <span className="badge badge--ok">{t('confirm.confirmed')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setConfirming({ consultation: c, learnerId: a.learnerId })}
                    >
                      {t('confirm.button')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {confirming ? (
        <ConfirmationScreen
          learnerName={name(confirming.learnerId)}
          what={t('confirm.what', {
            subject: topic(confirming.consultation),
            date: date(confirming.consultation.date),
            minutes: confirming.consultation.minutes,
            teacher: teacherName,
          })}
          onConfirm={() => {
            void confirmConsultation(db, confirming.consultation.id, confirming.learnerId).then(() =>
              notify({ kind: 'success', key: 'consultations:confirm.done' }),
            );
            setConfirming(null);
          }}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </>
  );
}
