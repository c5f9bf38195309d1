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

const monthIndex = (month: unknown) => {
  const [year, m] = String(month).split('-').map(Number);
  return (year ?? 0) * 12 + (m ?? 0);
};
const GRANTED_V0 = ['approved', 'running', 'finished'];

/**
 * youthprojects 0 → 1: a version-0 record was a bare project, recorded without a competition; it becomes an
 * application of no competition (domain/youthProject.ts), readable by the municipality's coordinators only (an empty
 * commission). Its months run from the first to the last month, both counted; its grant stays only if it was
 * approved; its participants count becomes the final report's participants, the rest of that report unknown. The
 * server migrates its stored copies the same way (migrations/sql …_youth_projects_v1.sql).
 */
export const youthProjectToVersion1: MigrationStep = keepingUnknownFields(
  (old) => {
    const status = typeof old.status === 'string' ? old.status : 'applied';
    const participants = typeof old.participants === 'number' ? old.participants : 0;
    const months = Math.min(60, Math.max(1, monthIndex(old.endMonth) - monthIndex(old.startMonth) + 1));
    return {
      kind: 'application',
      commissionIds: [],
      application: {
        title: old.title,
        organisation: old.organisation,
        withInitiativeGroup: false,
        contact: '',
        partners: [],
        activities: '',
        atRiskParticipants: 0,
        startMonth: old.startMonth,
        months,
        documentsReceived: [],
        scores: [],
        status,
        decisionReason: '',
        ...(GRANTED_V0.includes(status) && typeof old.grantCents === 'number' ? { grantCents: old.grantCents } : {}),
        progress: [],
        ...(participants > 0 ? { report: { activities: '', participants, atRiskParticipants: 0 } } : {}),
      },
    };
  },
  ['title', 'organisation', 'status', 'grantCents', 'startMonth', 'endMonth', 'participants'],
);
