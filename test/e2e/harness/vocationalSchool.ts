import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { CollectionName, SupportPlan, User } from '../../../src/domain';
import { insertUser } from '../../../src/server/auth/accounts';
import { actorFor } from '../../../src/server/auth/scope';
import { migrate } from '../../../src/server/migrations/migrate';
import { pushDocuments } from '../../../src/server/replication/documents';
import { DEMO_PASSWORD } from '../../../src/server/seed/demoData';
import { planPushRounds, planVersions } from '../../../src/server/seed/seedDemo';
import { createPgliteStore } from '../../../src/server/store/pgliteStore';
import type { Store } from '../../../src/server/store/store';
import { municipalities } from '../../fixtures/reports/nationalFixture';
import * as vocational from '../../fixtures/reports/vocational2020s1';
import { runServer, type RunningServer } from './server';

type Row = { assumedMasterState: object | null; newDocumentState: object };
const wire = (doc: object): Row => ({ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } });

async function push(store: Store, collection: CollectionName, rows: Row[], by?: string): Promise<void> {
  const writer = by ? await actorFor(store, by) : null;
  if (by && !writer) throw new Error(`no account ${by}`);
  const result = await pushDocuments(store, collection, rows, writer ? { writer } : {});
  if (!result.ok) throw new Error(`${collection} invalid: ${JSON.stringify(result.problems)}`);
  if (result.rejected.length || result.conflicts.length)
    throw new Error(`${collection} refused for ${by}: ${JSON.stringify(result.rejected)}`);
}

const byAuthor = <T extends object>(docs: readonly T[], authorOf: (doc: T) => string) => {
  const groups = new Map<string, Row[]>();
  for (const doc of docs) groups.set(authorOf(doc), [...(groups.get(authorOf(doc)) ?? []), wire(doc)]);
  return groups;
};

/**
 * Seed 004's vocational school (test/fixtures/reports/vocational2020s1.ts) added to the demo data: its municipality,
 * school and staff accounts (the demo password) written as an administrator would; its plans, sessions and
 * indirect work pushed by the people who wrote them, through the same checks as their device's
 * push (as the demo seed does: permissions, the plan workflow step by step, the caps).
 */
async function addVocationalSchool(store: Store): Promise<void> {
  const users: User[] = vocational.users;
  await push(store, 'municipalities', [
    wire(municipalities.find((m) => m.id === vocational.school.municipalityId) as object),
  ]);
  await push(store, 'schools', [wire(vocational.school)]);
  await store.transaction(async (tx) => {
    for (const user of users) await insertUser(tx, user, user.username, DEMO_PASSWORD);
  });
  await push(store, 'learners', vocational.learners.map(wire));

  // Each plan as its preparer first saves it (a draft with no history), then every step of its history by its author.
  const versions = vocational.plans.map((p: SupportPlan) => {
    const steps = planVersions(p);
    const { statusReason: _reason, ...content } = steps[0]?.plan ?? p;
    const draft = { ...content, status: 'draft' as const, history: [], updatedAt: p.createdAt };
    return [{ by: p.preparerIds[0] ?? '', plan: draft }, ...steps];
  });
  for (const { by, rows } of planPushRounds(versions)) await push(store, 'plans', rows, by);
  // 004's school names nobody who records compensations (a social pedagogue or coordinator), only the accountants
  // who pay them: its paid records are written as the server's own (the fixture checked each against the caps).
  await push(store, 'compensations', vocational.compensations.map(wire));
  const pushes: [CollectionName, Map<string, Row[]>][] = [
    ['consultations', byAuthor(vocational.consultations, (c) => c.staffId)],
    ['staffevents', byAuthor(vocational.indirectWork, (w) => w.staffId)],
  ];
  for (const [collection, groups] of pushes) for (const [by, rows] of groups) await push(store, collection, rows, by);
}

/**
 * The real server on a copy of the seeded demo database with seed 004's school added before it starts (the server
 * process owns the embedded database once running). Sign in as `vocational.director.username`, `DEMO_PASSWORD`.
 */
export async function startVocationalServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'atbalsts-e2e-004-'));
  const template = inject('seededDataDir');
  if (template) await cp(template, dataDir, { recursive: true });
  const store = await createPgliteStore(dataDir);
  try {
    await migrate(store);
    await addVocationalSchool(store);
  } finally {
    await store.close();
  }
  return runServer(dataDir);
}
