import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectionNames,
  copyOfProfile,
  pumpurs2017,
  userRoles,
  type CollectionName,
  type UserRole,
} from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';
import { youthCompetitionFiller } from '../fixtures/scopedDocuments';

const AT = '2026-09-01T08:00:00.000Z';
const SCHOOLS = [
  { id: 'own-school', municipalityId: 'own-muni' },
  { id: 'other-school', municipalityId: 'other-muni' },
] as const;
type School = (typeof SCHOOLS)[number];
const [OWN, OTHER] = SCHOOLS;
/** A real learner in each school: records about a learner name one of their own school. */
const learnerOf = (school: School) => `learner-${school.id}`;

/*
 * The write oracle: who may write what, written from the rules in words — README "Roles and reach", the programme's
 * division of work (staff log their own consultations, plan preparers draw up plans, directors and coordinators
 * approve them), the header comment of src/domain/access/permissions.ts — and never from the domain's canWrite, so
 * that it can find a rule that is wrong and not only a server that differs from the domain.
 *
 * Reach: one's own schools; a municipal coordinator's are the schools of their municipality; an administrator's are
 * all. Nothing is written outside one's reach. An administrator passes every role check, but writes only their own
 * consultations, schedules and notes, like everyone. The national coordinator reaches no school and writes nothing.
 * - users: nobody, by sync (accounts are managed on the Users screen, through their own API);
 * - municipalities: the administrator;
 * - schools: the municipal coordinator, in their municipality;
 * - learners: any staff member of the school (teacher, psychologist, social pedagogue, plan preparer, director,
 *   school coordinator) — not the municipal coordinator, who is no school's staff;
 * - plans: drawn up and edited by a plan preparer who is among the plan's preparers (approvers change only status,
 *   which this table does not try);
 * - consultations and schedules: the person who gives them, anyone, their own only;
 * - compensations: the social pedagogue, the school coordinator and the municipal coordinator;
 * - notes: psychologists and social pedagogues, their own only;
 * - youth projects: the municipal coordinator of the municipality;
 * - staff events: a school's by its director or school coordinator; the municipality's (no school) by its
 *   municipal coordinator, who may also record its schools' events.
 * - programme profiles: the administrator only.
 */
const SCHOOL_STAFF: readonly UserRole[] = [
  'teacher',
  'psychologist',
  'social_pedagogue',
  'plan_preparer',
  'director',
  'school_coordinator',
];
interface WriteRule {
  writers: readonly UserRole[];
  /** Each record belongs to one person (its giver, author or preparers): nobody else changes it. */
  ownOnly: boolean;
}
/** Everyone who works in a school's reach: the national coordinator reaches no school, so writes in none. */
const EVERYONE = userRoles.filter((r) => r !== 'national_coordinator');
/** Those who give consultations: everyone in a school but an accountant, who works with the money only. */
const CONSULTANTS = EVERYONE.filter((r) => r !== 'accountant');
const RULES: Record<CollectionName, WriteRule> = {
  users: { writers: [], ownOnly: false },
  municipalities: { writers: ['administrator'], ownOnly: false },
  schools: { writers: ['municipal_coordinator', 'administrator'], ownOnly: false },
  learners: { writers: [...SCHOOL_STAFF, 'administrator'], ownOnly: false },
  plans: { writers: ['plan_preparer', 'administrator'], ownOnly: true },
  consultations: { writers: CONSULTANTS, ownOnly: true },
  schedules: { writers: CONSULTANTS, ownOnly: true },
  compensations: {
    writers: ['social_pedagogue', 'school_coordinator', 'municipal_coordinator', 'administrator'],
    ownOnly: false,
  },
  notes: { writers: ['psychologist', 'social_pedagogue', 'administrator'], ownOnly: true },
  youthprojects: { writers: ['municipal_coordinator', 'administrator'], ownOnly: false },
  staffevents: {
    writers: ['director', 'school_coordinator', 'municipal_coordinator', 'administrator'],
    ownOnly: false,
  },
  profiles: { writers: ['administrator'], ownOnly: false },
};
const MUNICIPALITY_WIDE_STAFF_EVENTS: readonly UserRole[] = ['municipal_coordinator', 'administrator'];

const cases = ['create', 'edit own', 'edit other’s', 'create in another school', 'municipality-wide'] as const;
type Case = (typeof cases)[number];

function expected(role: UserRole, collection: CollectionName, kase: Case): boolean {
  const rule = RULES[collection];
  if (!rule.writers.includes(role)) return false;
  switch (kase) {
    case 'create':
    case 'edit own':
      return true;
    case 'edit other’s':
      return !rule.ownOnly;
    case 'create in another school':
      // Another municipality too: out of everyone's reach but the administrator's.
      return role === 'administrator';
    case 'municipality-wide':
      return MUNICIPALITY_WIDE_STAFF_EVENTS.includes(role);
  }
}
const casesOf = (collection: CollectionName): readonly Case[] =>
  collection === 'staffevents' ? cases : cases.filter((c) => c !== 'municipality-wide');

/** A valid document of every collection in a school, authored by `authorId` where the collection has authors. */
function documentOf(collection: CollectionName, school: School, authorId: string, id: string) {
  const base = { id, createdAt: AT, updatedAt: AT, _deleted: false };
  const inSchool = { ...base, schoolId: school.id };
  const learnerId = learnerOf(school);
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
        learnerId,
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
        attendees: [{ learnerId, attendance: 'attended' }],
      };
    case 'schedules':
      return {
        ...inSchool,
        staffId: authorId,
        staffRole: 'subject_teacher',
        subject: 'maths',
        learnerIds: [learnerId],
        weekday: 2,
        startTime: '14:00',
        minutes: 40,
        mode: 'in_person',
        startsOn: '2026-09-01',
        active: true,
      };
    case 'compensations':
      // One euro each: the table is about who may write, not about the programme's caps adding up.
      return { ...inSchool, learnerId, category: 'meals', month: '2026-11', amountCents: 100, status: 'requested' };
    case 'notes':
      return { ...inSchool, learnerId, authorId, sharedWithSupportTeam: false, date: '2026-11-24', body: 'x' };
    case 'youthprojects':
      return {
        ...base,
        kind: 'competition',
        municipalityId: school.municipalityId,
        competition: youthCompetitionFiller,
      };
    case 'staffevents':
      return {
        ...inSchool,
        municipalityId: school.municipalityId,
        kind: 'seminar',
        title: 'S',
        provider: '',
        date: '2026-11-24',
        endDate: '2026-11-24',
        hours: 4,
        participantIds: [],
        otherParticipants: 10,
      };
    case 'schools':
      return { ...base, name: 'S', kind: 'general', municipalityId: school.municipalityId, stateFounded: false };
    case 'municipalities':
      return { ...base, name: 'M' };
    case 'profiles': {
      // Unsigned, as the other fixtures here: a signature names its pusher (rules/authorship).
      const { updatedBy: _unsigned, ...profile } = copyOfProfile(pumpurs2017, {
        id,
        title: 'P',
        now: AT,
        by: authorId,
      });
      return { ...profile, _deleted: false };
    }
    case 'users':
      return {
        ...base,
        username: id.replace(/[^a-z0-9]/gi, '').slice(-40),
        displayName: 'U',
        roles: ['teacher'],
        specialistRoles: [],
        subjects: [],
        schoolIds: [school.id],
        active: true,
      };
  }
}

/** A change of content every collection has, that no other rule (workflow, caps, one-way status) is about. */
function edited(collection: CollectionName, doc: Record<string, unknown>): Record<string, unknown> {
  const at = { updatedAt: '2026-11-25T08:00:00.000Z' };
  switch (collection) {
    case 'learners':
      return { ...doc, ...at, className: '8.b' };
    case 'plans':
      return { ...doc, ...at, risks: [{ id: 'r1', code: 'learning.low_achievement', note: '' }] };
    case 'consultations':
      return { ...doc, ...at, notes: 'edited' };
    case 'schedules':
      return { ...doc, ...at, minutes: 45 };
    case 'compensations':
      return { ...doc, ...at, note: 'edited' };
    case 'notes':
      return { ...doc, ...at, body: 'edited' };
    case 'users':
      return { ...doc, ...at, displayName: 'Edited' };
    case 'youthprojects':
      return { ...doc, ...at, competition: { ...(doc.competition as object), title: 'E' } };
    default:
      return { ...doc, ...at, [collection === 'municipalities' || collection === 'schools' ? 'name' : 'title']: 'E' };
  }
}

const short = (role: UserRole) => role.replace(/_/g, '').slice(0, 12);
const idOf = (collection: CollectionName, role: UserRole, kase: Case) =>
  `w-${collection.slice(0, 6)}-${short(role)}-${cases.indexOf(kase)}`;

describe.each(storeFactories)('authorisation through the API on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const users = new Map<UserRole, TestUser>();
  const ownId = (collection: CollectionName, role: UserRole) => `own-${collection.slice(0, 6)}-${short(role)}`;
  const colleaguesId = (collection: CollectionName, role: UserRole) => `oth-${collection.slice(0, 6)}-${short(role)}`;
  const seed = async (collection: CollectionName, docs: Record<string, unknown>[]) => {
    const result = await pushDocuments(
      store,
      collection,
      docs.map((d) => ({ assumedMasterState: null, newDocumentState: d })),
    );
    expect(result.ok && result.written.length).toBe(docs.length);
  };

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [...SCHOOLS]);
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
    await seed(
      'learners',
      SCHOOLS.map((school) => documentOf('learners', school, 'colleague', learnerOf(school))),
    );
    for (const collection of collectionNames) {
      // Documents of every collection in both schools, written by a colleague (not by any of the test users): the
      // first shared with the support team where that applies, the second not.
      const colleagues = SCHOOLS.flatMap((school) =>
        [0, 1].map((n) => ({
          ...documentOf(collection, school, 'colleague', `${collection}-${school.id}-${n}`),
          ...(collection === 'notes' ? { sharedWithSupportTeam: n === 0 } : {}),
        })),
      );
      // And for each person, one of their own and one of a colleague's in their own school, to edit.
      const toEdit = userRoles.flatMap((role) => [
        documentOf(collection, OWN, users.get(role)!.user.id, ownId(collection, role)),
        documentOf(collection, OWN, 'colleague', colleaguesId(collection, role)),
      ]);
      await seed(collection, [...colleagues, ...toEdit]);
    }
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const rows = userRoles.flatMap((role) =>
    collectionNames.flatMap((collection) =>
      casesOf(collection).map((kase) => ({ role, collection, kase, allowed: expected(role, collection, kase) })),
    ),
  );

  it('the oracle covers every role × collection × case', () => {
    expect(rows.length).toBe(userRoles.length * (collectionNames.length * 4 + 1));
  });

  it.each(rows)('a $role, $kase in $collection: allowed $allowed', async ({ role, collection, kase, allowed }) => {
    const user = users.get(role)!;
    const me = user.user.id;
    const stored = async (id: string) =>
      (
        await store.query<{ data: Record<string, unknown> }>(
          'SELECT data FROM documents WHERE collection = $1 AND id = $2',
          [collection, id],
        )
      )[0]?.data;
    let assumed: Record<string, unknown> | null = null;
    let next: Record<string, unknown>;
    switch (kase) {
      case 'create':
        next = documentOf(collection, OWN, me, idOf(collection, role, kase));
        break;
      case 'create in another school':
        next = documentOf(collection, OTHER, me, idOf(collection, role, kase));
        break;
      case 'municipality-wide': {
        const { schoolId: _school, ...event } = documentOf(collection, OWN, me, idOf(collection, role, kase)) as {
          schoolId?: string;
        };
        next = event;
        break;
      }
      case 'edit own':
      case 'edit other’s': {
        const id = kase === 'edit own' ? ownId(collection, role) : colleaguesId(collection, role);
        assumed = { ...(await stored(id))!, _deleted: false };
        next = edited(collection, assumed);
        break;
      }
    }
    const response = await app.inject({
      method: 'POST',
      url: `/api/sync/${collection}/push`,
      headers: user.headers,
      payload: [{ assumedMasterState: assumed, newDocumentState: next }],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ rejected: { id: string; reason: string }[]; conflicts: unknown[] }>();
    expect(body.conflicts).toEqual([]);
    expect(body.rejected.map((r) => r.id)).toEqual(allowed ? [] : [next.id]);
    const { _deleted, ...expectedData } = allowed ? next : (assumed ?? {});
    const after = await stored(String(next.id));
    if (allowed || assumed) expect(after).toEqual(expectedData);
    else expect(after).toBeUndefined();
  });

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
      `SELECT document_id FROM audit_entries WHERE action = 'receive_confidential' AND user_id = $1`,
      [psychologist.user.id],
    );
    // Only the shared note of their own school; their own notes are not "received".
    expect([...new Set(received.map((r) => r.document_id))]).toEqual(['notes-own-school-0']);
    const writes = await store.query(`SELECT 1 FROM audit_entries WHERE action = 'write' AND user_id = $1`, [
      psychologist.user.id,
    ]);
    expect(writes.length).toBeGreaterThan(0);
    await expect(store.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(store.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
  });
});
