import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionNames, type CollectionName } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { DEMO_PASSWORD, demoDocuments } from '../../src/server/seed/demoData';
import { DEMO_RUDZUPE_IDS } from '../../src/server/seed/demoRudzupe';
import { seedDemoData } from '../../src/server/seed/seedDemo';
import type { Store } from '../../src/server/store/store';
import { PULL_MAX_BATCH } from '../../src/sync/protocol';
import { authPaths, type SessionResponse } from '../../src/sync/protocol/auth';
import { storeFactories } from '../fixtures/stores';

const TODAY = '2026-11-25';
type Doc = { id: string; schoolId?: string; municipalityId?: string | null };

/**
 * Which municipality each demo document belongs to, from the demo's own data (not the server's reach rules): its
 * school's or its own municipality, a user's school or municipality; the places themselves by id.
 */
function ownersOf(): Map<string, 'rudzupe' | 'ezerkalni' | 'none'> {
  const docs = demoDocuments(TODAY);
  const rudzupeSchool = DEMO_RUDZUPE_IDS.school;
  const rudzupe = DEMO_RUDZUPE_IDS.municipality;
  const owners = new Map<string, 'rudzupe' | 'ezerkalni' | 'none'>();
  for (const [collection, list] of Object.entries(docs) as [CollectionName, Doc[]][]) {
    for (const doc of list) {
      const user = collection === 'users' ? (doc as unknown as { schoolIds: string[] }) : null;
      const schoolIds = user ? user.schoolIds : doc.schoolId ? [doc.schoolId] : [];
      const municipalityId = collection === 'municipalities' ? doc.id : doc.municipalityId;
      const schoolOf = collection === 'schools' ? doc.id : undefined;
      const isRudzupe = schoolIds.includes(rudzupeSchool) || municipalityId === rudzupe || schoolOf === rudzupeSchool;
      const placed = schoolIds.length > 0 || !!municipalityId || !!schoolOf;
      owners.set(`${collection}/${doc.id}`, isRudzupe ? 'rudzupe' : placed ? 'ezerkalni' : 'none');
    }
  }
  return owners;
}

/** The demo's two municipalities apart: each one's accounts pull nothing of the other's, each its own whole. */
describe.each(storeFactories)('the demo municipalities apart, on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const owners = ownersOf();

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    await seedDemoData(store, TODAY);
    app = await buildApp({ store });
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  /** Every document the account's device would pull, whole ones only, as `collection/id`. */
  async function pullAs(username: string): Promise<string[]> {
    const login = await app.inject({
      method: 'POST',
      url: authPaths.login,
      payload: { username, password: DEMO_PASSWORD },
    });
    expect(login.statusCode, username).toBe(200);
    const headers = { authorization: `Bearer ${login.json<SessionResponse>().accessToken}` };
    const received: string[] = [];
    for (const collection of collectionNames) {
      let seq = 0;
      let scope = '';
      for (;;) {
        const response = await app.inject({
          method: 'GET',
          url: `/api/sync/${collection}/pull?seq=${seq}&limit=${PULL_MAX_BATCH}${scope ? `&scope=${scope}` : ''}`,
          headers,
        });
        expect(response.statusCode).toBe(200);
        const batch = response.json<{
          documents: { id: string; _deleted: boolean }[];
          checkpoint: { seq: number; scope: string };
        }>();
        for (const d of batch.documents) received.push(`${collection}/${d.id}${d._deleted ? ' (tombstone)' : ''}`);
        if (batch.documents.length < PULL_MAX_BATCH) break;
        ({ seq, scope } = batch.checkpoint);
      }
    }
    return received;
  }
  const ownedBy = (ids: string[], owner: string) => ids.filter((id) => owners.get(id.replace(/ \(.*/, '')) === owner);

  it('gives Rudzupe’s coordinator her municipality whole and nothing of Ezerkalni’s', async () => {
    const received = await pullAs('gunta.abele');
    expect(ownedBy(received, 'ezerkalni')).toEqual([]);
    // Hand counts of demoRudzupe.ts and demoRudzupeStory.ts: 30 learners, 13 plans now and 10 last semester.
    const count = (collection: string) => received.filter((id) => id.startsWith(`${collection}/`)).length;
    expect(count('learners')).toBe(30);
    expect(count('plans')).toBe(23);
    expect(count('schools')).toBe(1);
    expect(received).toContain('municipalities/demo-muni-rudzupe');
    expect(count('consultations')).toBeGreaterThan(100);
    expect(count('compensations')).toBeGreaterThan(0);
    // Every Rudzupe document of a school-level collection reached her.
    const mine = [...owners].filter(
      ([id, o]) => o === 'rudzupe' && /^(learners|plans|consultations|compensations|schedules)\//.test(id),
    );
    expect(received).toEqual(expect.arrayContaining(mine.map(([id]) => id)));
  });

  it.each([
    'inese.zarina',
    'juris.berzins',
    'ilze.kalnina',
    'andris.ozols',
    'dace.liepa',
    'marta.vitola',
    'rasa.kaleja',
    'sarmite.krumina',
  ])('gives %s of Ezerkalni nothing of Rudzupe’s', async (username) => {
    const received = await pullAs(username);
    expect(ownedBy(received, 'rudzupe')).toEqual([]);
    expect(ownedBy(received, 'ezerkalni').length).toBeGreaterThan(0);
  });

  it('gives Ezerkalni’s coordinator both her schools’ learners, as before', async () => {
    const received = await pullAs('inese.zarina');
    expect(received.filter((id) => id.startsWith('learners/'))).toHaveLength(40);
    expect(received.filter((id) => id.startsWith('schools/'))).toHaveLength(2);
  });
});
