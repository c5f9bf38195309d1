import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRead, canWrite, collectionNames, userRoles, type CollectionName, type UserRole } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { actorFor } from '../../src/server/auth/scope';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import { pullDocuments } from '../../src/server/replication/pull';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-09-01T08:00:00.000Z';
const SCHOOLS = [
  { id: 'own-school', municipalityId: 'own-muni' },
  { id: 'other-school', municipalityId: 'other-muni' },
];

/** A valid document of every collection in a school, authored by `authorId` where the collection has authors. */
function documentOf(collection: CollectionName, school: (typeof SCHOOLS)[number], authorId: string, n: number) {
  const base = { id: `${collection}-${school.id}-${n}`, createdAt: AT, updatedAt: AT, _deleted: false };
  const inSchool = { ...base, schoolId: school.id };
  switch (collection) {
    case 'learners':
      return {
        ...inSchool,
        firstName: 'A',
        lastName: 'B',
        className: '7.a',
        programme: 'general',
        guardians: [],
        archived: false,
      };
    case 'plans':
      return {
        ...inSchool,
        learnerId: 'l',
        schoolYear: '2026/2027',
        semester: 1,
        preparerIds: [authorId],
        status: 'draft',
        risks: [],
        measures: [],
        history: [],
      };
    case 'consultations':
      return {
        ...inSchool,
        staffId: authorId,
        staffRole: 'subject_teacher',
        date: '2026-11-24',
        minutes: 40,
        mode: 'in_person',
        attendees: [{ learnerId: 'l', attendance: 'attended' }],
      };
    case 'schedules':
      return {
        ...inSchool,
        staffId: authorId,
        staffRole: 'subject_teacher',
        subject: 'maths',
        learnerIds: ['l'],
        weekday: 2,
        startTime: '14:00',
        minutes: 40,
        mode: 'in_person',
        startsOn: '2026-09-01',
        active: true,
      };
    case 'compensations':
      return {
        ...inSchool,
        // A learner of its own: the matrix is about who may write, not about the programme's caps adding up.
        learnerId: `l-${n}`,
        category: 'meals',
        month: '2026-11',
        amountCents: 1000,
        status: 'requested',
      };
    case 'notes':
      return {
        ...inSchool,
        learnerId: 'l',
        authorId,
        sharedWithSupportTeam: n % 2 === 0,
        date: '2026-11-24',
        body: 'x',
      };
    case 'youthprojects':
      return {
        ...base,
        municipalityId: school.municipalityId,
        title: 'T',
        organisation: 'O',
        status: 'applied',
        grantCents: 460000,
        startMonth: '2027-01',
        endMonth: '2027-06',
      };
    case 'staffevents':
      return {
        ...base,
        municipalityId: school.municipalityId,
        kind: 'seminar',
        title: 'S',
        date: '2026-11-24',
        hours: 4,
        participants: 10,
      };
    case 'schools':
      return {
        ...base,
        id: `school-doc-${school.id}-${n}`,
        name: 'S',
        kind: 'general',
        municipalityId: school.municipalityId,
        stateFounded: false,
      };
    case 'municipalities':
      return { ...base, id: `muni-doc-${school.municipalityId}-${n}`, name: 'M' };
    case 'users':
      return {
        ...base,
        username: `u${n}${school.id}`,
        displayName: 'U',
        roles: ['teacher'],
        specialistRoles: [],
        subjects: [],
        schoolIds: [school.id],
        active: true,
      };
  }
}

describe.each(storeFactories)('authorisation through the API on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const users = new Map<UserRole, TestUser>();

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, SCHOOLS);
    for (const role of userRoles) {
      const municipal = role === 'municipal_coordinator';
      users.set(
        role,
        await createTestUser(
          store,
          [role],
          municipal ? [] : ['own-school'],
          municipal ? { municipalityId: 'own-muni' } : {},
        ),
      );
    }
    // Documents of every collection in both schools, written by a colleague (not by any of the test users).
    for (const collection of collectionNames) {
      const docs = SCHOOLS.flatMap((school) => [0, 1].map((n) => documentOf(collection, school, 'colleague', n)));
      const result = await pushDocuments(
        store,
        collection,
        docs.map((d) => ({ assumedMasterState: null, newDocumentState: d })),
      );
      expect(result.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it.each(userRoles)('a %s pulls exactly what the access rules let them read', async (role) => {
    const actor = (await actorFor(store, users.get(role)!.user.id))!;
    for (const collection of collectionNames) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/sync/${collection}/pull?seq=0&limit=500`,
        headers: users.get(role)!.headers,
      });
      expect(response.statusCode).toBe(200);
      const pulled = response
        .json<{ documents: { id: string }[] }>()
        .documents.map((d) => d.id)
        .sort();
      const all = (await pullDocuments(store, collection, 0, 500)).documents;
      const expected = all
        .filter((d) => canRead(actor, collection, d as unknown as Record<string, unknown>))
        .map((d) => d.id)
        .sort();
      expect(pulled, collection).toEqual(expected);
    }
  });

  it.each(
    userRoles.flatMap((role) =>
      collectionNames.flatMap((collection) => SCHOOLS.map((school) => ({ role, collection, school: school.id }))),
    ),
  )(
    'a $role writing $collection in $school is stored only if the access rules allow it',
    async ({ role, collection, school }) => {
      const user = users.get(role)!;
      const actor = (await actorFor(store, user.user.id))!;
      const doc = documentOf(
        collection,
        SCHOOLS.find((s) => s.id === school)!,
        user.user.id,
        7,
      );
      const id = `w-${collection.slice(0, 6)}-${school.slice(0, 3)}-${role.slice(0, 12)}`;
      const next = {
        ...doc,
        id,
        ...(collection === 'users' ? { username: `x${role}${school}`.replace(/_/g, '') } : {}),
      };
      const allowed = canWrite(actor, collection, null, next).ok;
      const response = await app.inject({
        method: 'POST',
        url: `/api/sync/${collection}/push`,
        headers: user.headers,
        payload: [{ assumedMasterState: null, newDocumentState: next }],
      });
      expect(response.statusCode).toBe(200);
      const body = response.json<{ rejected: { id: string; reason: string }[] }>();
      const [stored] = await store.query('SELECT 1 FROM documents WHERE collection = $1 AND id = $2', [collection, id]);
      expect(Boolean(stored)).toBe(allowed);
      expect(body.rejected.map((r) => r.id)).toEqual(allowed ? [] : [id]);
    },
  );

  it('refuses every sync request without a valid token', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-token' }, { authorization: 'Basic abc' }]) {
      const pull = await app.inject({ method: 'GET', url: '/api/sync/learners/pull?seq=0&limit=5', headers });
      const push = await app.inject({ method: 'POST', url: '/api/sync/learners/push', headers, payload: [] });
      expect([pull.statusCode, push.statusCode]).toEqual([401, 401]);
    }
  });

  it('records who received a colleague’s confidential note, and every write', async () => {
    const psychologist = users.get('psychologist')!;
    await app.inject({ method: 'GET', url: '/api/sync/notes/pull?seq=0&limit=500', headers: psychologist.headers });
    const received = await store.query<{ document_id: string }>(
      `SELECT document_id FROM audit_log WHERE action = 'receive_confidential' AND user_id = $1`,
      [psychologist.user.id],
    );
    // Only the shared note of their own school; their own notes are not "received".
    expect([...new Set(received.map((r) => r.document_id))]).toEqual(['notes-own-school-0']);
    const writes = await store.query(`SELECT 1 FROM audit_log WHERE action = 'write' AND user_id = $1`, [
      psychologist.user.id,
    ]);
    expect(writes.length).toBeGreaterThan(0);
    await expect(store.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(store.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
  });
});
