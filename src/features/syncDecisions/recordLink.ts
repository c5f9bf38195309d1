import type { CollectionName } from '../../domain';

const learnerOf = (record: Record<string, unknown>): string | null => {
  if (typeof record.learnerId === 'string') return record.learnerId;
  const attendees = record.attendees;
  if (Array.isArray(attendees)) {
    const first = attendees[0] as { learnerId?: unknown } | undefined;
    if (typeof first?.learnerId === 'string') return first.learnerId;
  }
  return null;
};

/** The screen where a record is shown and can be edited; null if it has none. */
export function recordLink(
  collection: CollectionName,
  id: string,
  record: Record<string, unknown> | null,
): string | null {
  switch (collection) {
    case 'learners':
      return `/learners/${id}`;
    case 'plans':
      return `/plans/${id}`;
    case 'schedules':
      return '/today';
    case 'users':
      return `/users/${id}`;
    case 'consultations':
    case 'compensations':
    case 'notes': {
      const learner = record ? learnerOf(record) : null;
      return learner ? `/learners/${learner}` : null;
    }
    case 'youthprojects': {
      // A competition, or an application on its competition's page (a refused grant is seen where it is decided).
      const application = record?.application as { competitionId?: unknown } | undefined;
      if (record?.kind === 'competition') return `/youth-projects/${id}`;
      return typeof application?.competitionId === 'string'
        ? `/youth-projects/${application.competitionId}/applications/${id}`
        : null;
    }
    case 'staffevents':
      // Indirect work is listed on its own screen; an event has its form.
      return record?.kind === 'indirect' ? '/hours/indirect' : `/staff-development/${id}`;
    default:
      return null;
  }
}

/** A few words naming the record (who or when), to tell one refused record from another. */
export function recordName(record: Record<string, unknown> | null): string {
  if (!record) return '';
  // Youth projects keep their names inside: the competition's title, the applying organisation.
  const inner = (record.competition ?? record.application) as { title?: unknown; organisation?: unknown } | undefined;
  if (inner) return String(inner.organisation ?? inner.title ?? '');
  const parts = [
    record.lastName,
    record.firstName,
    record.name,
    record.title,
    record.month,
    record.what,
    record.date,
    record.semester,
  ]
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .map(String);
  return parts.join(' ');
}
