/**
 * The pattern for schema migrations: each version step is a function from the previous document to the next that
 * starts from the whole old document, so fields this code does not know (written by a newer client, or kept for
 * later) survive the migration instead of being dropped.
 */
export type MigrationStep = (oldDocument: Record<string, unknown>) => Record<string, unknown> | null;

export function keepingUnknownFields(
  change: (oldDocument: Record<string, unknown>) => Record<string, unknown>,
  removed: readonly string[] = [],
): MigrationStep {
  return (oldDocument) => {
    const next = { ...oldDocument, ...change(oldDocument) };
    return Object.fromEntries(Object.entries(next).filter(([key]) => !removed.includes(key)));
  };
}

/**
 * staffevents 0 → 1: a version-0 event had one day and a bare count of people, whom no one can name now; the count
 * becomes the others', and the one day both its first and last. The server migrates its stored copies the same way
 * (migrations/sql …_staff_events_v1.sql).
 */
export const staffEventToVersion1: MigrationStep = keepingUnknownFields(
  (old) => ({
    endDate: old.date,
    provider: '',
    participantIds: [],
    otherParticipants: typeof old.participants === 'number' ? old.participants : 0,
  }),
  ['participants'],
);

/**
 * plans 1 → 2: a plan records the programme profile it was made under. Every plan before was made under PuMPuRS 2017
 * (the only profile there was), and says so now; one that already names a profile (written by a newer device) keeps
 * it. The server migrates its stored plans the same way (migrations/sql …_plans_profile.sql).
 */
export const planToVersion2: MigrationStep = keepingUnknownFields((old) => ({
  profileId: typeof old.profileId === 'string' && old.profileId !== '' ? old.profileId : 'pumpurs_2017',
}));
