import type { CollectionName, SupportPlan, User, YouthProject } from '../../domain';
import { insertUser } from '../auth/accounts';
import { actorFor } from '../auth/scope';
import { pushDocuments } from '../replication/documents';
import type { DemoPolicy } from '../config';
import type { Queryable, Store } from '../store/store';
import { DEMO_PASSWORD, demoDocuments } from './demoData';
import { compensationKeeperOf } from './demoSemester';
import { youthProjectPushes } from './demoYouthProjects';

/** What the staff write, in the order a semester needs it (a consultation names its plan and schedule). */
const STAFF_WRITTEN = ['plans', 'schedules', 'consultations', 'compensations', 'notes', 'staffevents'] as const;
const ACTIONS_WITH_REASON = new Set(['return', 'suspend', 'revise', 'deactivate']);

type Row = { assumedMasterState: object | null; newDocumentState: object };
const wire = (doc: object) => ({ ...doc, _deleted: false });

/**
 * The plan as it stood after each entry of its history, and who wrote that entry: the workflow replayed, so the
 * server judges every step as it would a device's push (the last version is the plan itself).
 */
export function planVersions(plan: SupportPlan): { by: string; plan: SupportPlan }[] {
  return plan.history.map((entry, i) => {
    const history = plan.history.slice(0, i + 1);
    const lastStep = history.filter((h) => h.toStatus !== undefined).at(-1);
    const { statusReason: _reason, evaluation, ...content } = plan;
    const reason = lastStep && ACTIONS_WITH_REASON.has(lastStep.action) ? lastStep.reason : undefined;
    return {
      by: entry.byUserId,
      plan: {
        ...content,
        status: lastStep?.toStatus ?? 'draft',
        ...(reason !== undefined ? { statusReason: reason } : {}),
        ...(evaluation && history.some((h) => h.action === 'evaluate') ? { evaluation } : {}),
        history,
        updatedAt: entry.at,
      },
    };
  });
}

/**
 * The pushes that replay plans' workflows: each round adds one version to every plan that has one more, grouped by
 * the author of that version and sent with the version before it as the assumed master state (as a device sends it).
 */
export function planPushRounds(versions: { by: string; plan: SupportPlan }[][]): { by: string; rows: Row[] }[] {
  const pushes: { by: string; rows: Row[] }[] = [];
  for (let round = 0; versions.some((v) => v.length > round); round++) {
    const rows = new Map<string, Row[]>();
    for (const v of versions) {
      const step = v[round];
      if (!step) continue;
      const before = v[round - 1];
      const row = { assumedMasterState: before ? wire(before.plan) : null, newDocumentState: wire(step.plan) };
      rows.set(step.by, [...(rows.get(step.by) ?? []), row]);
    }
    for (const [by, batch] of rows) pushes.push({ by, rows: batch });
  }
  return pushes;
}

/** Who writes a document the staff keep: its staff member or author; a compensation, the school's keeper. */
function authorOf(collection: (typeof STAFF_WRITTEN)[number], doc: Record<string, unknown>, users: User[]): string {
  if (collection === 'notes') return String(doc.authorId);
  if (collection === 'compensations') return compensationKeeperOf(users, String(doc.schoolId))?.id ?? '';
  // Indirect work is recorded by the person it is about (permissions.ts); an event by whoever records events there.
  if (collection === 'staffevents' && doc.kind !== 'indirect') return eventRecorderOf(users, doc);
  return String(doc.staffId);
}

/** A school's event is recorded by its director, the municipality's own by its coordinator (permissions.ts). */
function eventRecorderOf(users: User[], doc: Record<string, unknown>): string {
  const recorder = doc.schoolId
    ? users.find((u) => u.roles.includes('director') && u.schoolIds.includes(String(doc.schoolId)))
    : users.find((u) => u.roles.includes('municipal_coordinator') && u.municipalityId === doc.municipalityId);
  return recorder?.id ?? '';
}

/**
 * Inserts the demo municipality through the same path as a device's push, so every row gets its sequence, and an
 * account for each demo staff member (all with the demo password the README lists). The organisations and
 * learners are written as they are; the semester's plans, sessions, compensations and notes are pushed by the
 * person who wrote them, through the same checks as their device's push (permissions, plan workflow, caps).
 */
export async function seedDemoData(store: Store, today?: string): Promise<number> {
  const { users = [], ...rest } = demoDocuments(today);
  await store.transaction(async (tx) => {
    // Marked before anything is written: even a seed cut short leaves a database known to hold demo accounts.
    await tx.query(`INSERT INTO installation (key, value) VALUES ('demo', 'seeded') ON CONFLICT (key) DO NOTHING`);
    for (const user of users as User[]) await insertUser(tx, user, user.username, DEMO_PASSWORD);
  });
  const written = new Set<string>();
  const push = async (collection: CollectionName, rows: Row[], by?: string) => {
    const result = await pushDocuments(store, collection, rows, by ? { writer: await actorOrFail(store, by) } : {});
    if (!result.ok) throw new Error(`Demo ${collection} are invalid: ${JSON.stringify(result.problems)}`);
    if (result.rejected.length || result.conflicts.length)
      throw new Error(`Demo ${collection} refused for ${by}: ${JSON.stringify(result.rejected)}`);
    for (const id of result.written) written.add(`${collection}/${id}`);
  };

  for (const [collection, docs] of Object.entries(rest) as [CollectionName, object[]][]) {
    if ((STAFF_WRITTEN as readonly string[]).includes(collection) || collection === 'youthprojects') continue;
    await push(
      collection,
      docs.map((doc) => ({ assumedMasterState: null, newDocumentState: wire(doc) })),
    );
  }

  for (const { by, rows } of planPushRounds(((rest.plans ?? []) as SupportPlan[]).map(planVersions)))
    await push('plans', rows, by);

  for (const collection of STAFF_WRITTEN.filter((c) => c !== 'plans')) {
    const byAuthor = new Map<string, Row[]>();
    for (const doc of (rest[collection] ?? []) as unknown as Record<string, unknown>[]) {
      const by = authorOf(collection, doc, users as User[]);
      byAuthor.set(by, [...(byAuthor.get(by) ?? []), { assumedMasterState: null, newDocumentState: wire(doc) }]);
    }
    for (const [by, rows] of byAuthor) await push(collection, rows, by);
  }

  // Youth projects as their people make them: announced and decided by the coordinator, scored by each member.
  const coordinator = (users as User[]).find((u) => u.roles.includes('municipal_coordinator'));
  for (const { by, rows } of youthProjectPushes((rest.youthprojects ?? []) as YouthProject[], coordinator?.id ?? ''))
    await push('youthprojects', rows, by);
  return users.length + written.size;
}

async function actorOrFail(store: Store, userId: string) {
  const actor = await actorFor(store, userId);
  if (!actor) throw new Error(`Demo user ${userId} missing`);
  return actor;
}

async function isEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM documents) AS present');
  return !row?.present;
}

/** Seeds only a database that holds no documents at all: never touches real data. */
export async function seedDemoIfEmpty(store: Store, today?: string): Promise<number> {
  return (await isEmpty(store)) ? seedDemoData(store, today) : 0;
}

/** Whether this database holds the demo (its accounts' password is public): devices show a mark while it does. */
export async function holdsDemoData(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM installation WHERE key = 'demo') AS present`,
  );
  return Boolean(row?.present);
}

export class DemoNotServedHere extends Error {}

/**
 * At start: seeds an empty database where the policy allows it, and says why when it does not (the server then
 * starts with the first-run screen); refuses to serve a database that holds the demo where the policy forbids it.
 * Returns what to log, if anything.
 */
export async function prepareDemo(store: Store, policy: DemoPolicy, today?: string): Promise<string | null> {
  if (await holdsDemoData(store)) {
    if (!policy.serve) throw new DemoNotServedHere(`This database holds demo data, and ${policy.refusal}`);
    return null;
  }
  if (!(await isEmpty(store))) return null;
  if (policy.seed) {
    await seedDemoData(store, today);
    return "Seeded the demo municipality (every demo account's password is in the README).";
  }
  return policy.refusal ? `Not seeding: ${policy.refusal} Starting with the first-run screen.` : null;
}
