import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionNames, userRoles, type CollectionName, type UserRole } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { documentIn, type Placement } from '../fixtures/scopedDocuments';
import { storeFactories } from '../fixtures/stores';

/**
 * What each role reads, written from the rules in words — not computed with the domain's canRead:
 * - README "Roles and reach": a user has roles and schools, a municipal coordinator a municipality (and so every
 *   school in it); an administrator reaches everything. Confidential notes reach only their author, and the
 *   school's support team when the author shares them.
 * - permissions.ts: the support team is the psychologist, the social pedagogue, the school coordinator and the
 *   director. The programme keeps notes confidential: by default only their author (and, where shared on purpose,
 *   the school's support team) may read them — so an administrator or a municipal coordinator reads no one's notes.
 * - A school's records (learners, plans, consultations, schedules, compensations) are read by its staff; the
 *   municipality's (youth competitions, staff events) by everyone whose schools lie in it; the directory shows oneself,
 *   the colleagues of one's schools and the municipality's coordinators.
 * - The national coordinator (issue 11) reaches the whole country but no school: no learner-level record at all,
 *   only what belongs to municipalities, and the directory's municipal coordinators.
 *
 * - Issue 12: a youth competition's applications are seen by its commission only, besides the municipality's
 *   coordinators who decide on them (and the national coordinator and administrators, who reach every municipality).
 *
 * - Issue 11: a month's indirect work is payroll data about one person: read within its school by that person and by
 *   those who pay for staff hours (the director, the school's and the municipality's coordinators, administrators).
 *
 * The places documents are put: own school and a sibling school in the reader's municipality, another school in
 * another municipality.
 */
const SCHOOLS = [
  { id: 'own-school', municipalityId: 'own-muni' },
  { id: 'sibling-school', municipalityId: 'own-muni' },
  { id: 'other-school', municipalityId: 'other-muni' },
];
const SCHOOL_OF = { own: SCHOOLS[0]!, sibling: SCHOOLS[1]!, other: SCHOOLS[2]! };

type SchoolRecord = 'learners' | 'plans' | 'consultations' | 'schedules' | 'compensations';
const SCHOOL_RECORDS: SchoolRecord[] = ['learners', 'plans', 'consultations', 'schedules', 'compensations'];

/** Labels of the documents placed in each collection (see `placements`). */
const LABELS = {
  school: ['own', 'sibling', 'other'],
  notes: ['mine', 'own-private', 'own-shared', 'sibling-shared', 'other-shared'],
  schools: ['own', 'sibling', 'other'],
  municipalities: ['own-muni', 'other-muni'],
  users: ['self', 'own', 'sibling', 'other', 'coord-own', 'coord-other'],
  youthprojects: ['own-muni', 'other-muni', 'own-application', 'own-commission', 'other-application'],
  staffevents: [
    'own-muni-wide',
    'own-school-event',
    'sibling-school-event',
    'other-muni-wide',
    'other-school-event',
    'mine',
    'indirect-own',
    'indirect-sibling',
    'indirect-other',
  ],
} as const;

type Visible = Record<CollectionName, readonly string[]>;
/** Programme profiles are read by everyone, wherever the profile's placement says (it says nothing). */
const EVERY_PROFILE = ['own', 'sibling', 'other'];

const schoolStaff = (notes: readonly string[], indirect: readonly string[] = ['mine']): Visible => ({
  ...(Object.fromEntries(SCHOOL_RECORDS.map((c) => [c, ['own']])) as Record<SchoolRecord, string[]>),
  notes,
  schools: ['own'],
  municipalities: ['own-muni'],
  users: ['self', 'own', 'coord-own'],
  youthprojects: ['own-muni'],
  staffevents: ['own-muni-wide', 'own-school-event', 'sibling-school-event', ...indirect],
  profiles: EVERY_PROFILE,
});

/** The oracle: role → collection → the labels that role reads. */
const EXPECTED: Record<UserRole, Visible> = {
  // The teacher sits on the own municipality's youth commission (see placements): they read its application too.
  teacher: { ...schoolStaff(['mine']), youthprojects: ['own-muni', 'own-commission'] },
  plan_preparer: schoolStaff(['mine']),
  psychologist: schoolStaff(['mine', 'own-shared']),
  social_pedagogue: schoolStaff(['mine', 'own-shared']),
  // The director and the school coordinator pay for staff hours: every month of indirect work of their school.
  director: schoolStaff(['mine', 'own-shared'], ['mine', 'indirect-own']),
  school_coordinator: schoolStaff(['mine', 'own-shared'], ['mine', 'indirect-own']),
  // The school's accountant: its learners and compensations, none of the learners' plans, consultations or
  // schedules (confidential to the staff who work with them); 'mine' is a note stored directly as theirs.
  accountant: { ...schoolStaff(['mine']), plans: [], consultations: [], schedules: [] },
  municipal_coordinator: {
    ...(Object.fromEntries(SCHOOL_RECORDS.map((c) => [c, ['own', 'sibling']])) as Record<SchoolRecord, string[]>),
    notes: ['mine'],
    schools: ['own', 'sibling'],
    municipalities: ['own-muni'],
    users: ['self', 'own', 'sibling', 'coord-own'],
    youthprojects: ['own-muni', 'own-application', 'own-commission'],
    staffevents: [
      'own-muni-wide',
      'own-school-event',
      'sibling-school-event',
      'mine',
      'indirect-own',
      'indirect-sibling',
    ],
    profiles: EVERY_PROFILE,
  },
  // The programme agency's: the whole country as municipalities, nothing of any school (the account is listed at
  // own-school too, which must change nothing). Their figures come from the server as aggregates (issue 11).
  national_coordinator: {
    ...(Object.fromEntries(SCHOOL_RECORDS.map((c) => [c, [] as string[]])) as Record<SchoolRecord, string[]>),
    // A note is read within its school only, its author's too: 'mine', stored directly in own-school (a national
    // coordinator cannot write one, permissions.test.ts), is out of their reach like every school's record.
    notes: [],
    schools: [],
    municipalities: ['own-muni', 'other-muni'],
    users: ['self', 'coord-own', 'coord-other'],
    youthprojects: ['own-muni', 'other-muni', 'own-application', 'own-commission', 'other-application'],
    staffevents: ['own-muni-wide', 'own-school-event', 'sibling-school-event', 'other-muni-wide', 'other-school-event'],
    profiles: EVERY_PROFILE,
  },
  administrator: {
    ...(Object.fromEntries(SCHOOL_RECORDS.map((c) => [c, ['own', 'sibling', 'other']])) as Record<
      SchoolRecord,
      string[]
    >),
    notes: ['mine'],
    schools: ['own', 'sibling', 'other'],
    municipalities: ['own-muni', 'other-muni'],
    users: ['self', 'own', 'sibling', 'other', 'coord-own', 'coord-other'],
    youthprojects: ['own-muni', 'other-muni', 'own-application', 'own-commission', 'other-application'],
    staffevents: [
      'own-muni-wide',
      'own-school-event',
      'sibling-school-event',
      'other-muni-wide',
      'other-school-event',
      'mine',
      'indirect-own',
      'indirect-sibling',
      'indirect-other',
    ],
    profiles: EVERY_PROFILE,
  },
};

const at = (place: keyof typeof SCHOOL_OF) => ({
  schoolId: SCHOOL_OF[place].id,
  municipalityId: SCHOOL_OF[place].municipalityId,
});

/** The labelled documents of a collection (schools and municipalities are those ensureSchools made). */
function placements(
  collection: CollectionName,
  readers: Map<UserRole, TestUser>,
): Map<string, Record<string, unknown>> {
  const docs = new Map<string, Record<string, unknown>>();
  const put = (label: string, placement: Omit<Placement, 'id'>) =>
    docs.set(label, documentIn(collection, { id: `${collection}-${label}`, ...placement }));
  switch (collection) {
    case 'notes':
      for (const [role, reader] of readers)
        docs.set(
          `mine:${role}`,
          documentIn('notes', { id: `notes-mine-${role}`, ...at('own'), authorId: reader.user.id }),
        );
      put('own-private', { ...at('own'), shared: false });
      put('own-shared', { ...at('own'), shared: true });
      put('sibling-shared', { ...at('sibling'), shared: true });
      put('other-shared', { ...at('other'), shared: true });
      return docs;
    case 'users': {
      put('own', at('own'));
      put('sibling', at('sibling'));
      put('other', at('other'));
      const coordinator = (label: string, municipalityId: string) =>
        docs.set(label, {
          ...documentIn('users', { id: `users-${label}`, ...at('own') }),
          roles: ['municipal_coordinator'],
          schoolIds: [],
          municipalityId,
        });
      coordinator('coord-own', 'own-muni');
      coordinator('coord-other', 'other-muni');
      return docs;
    }
    case 'youthprojects':
      put('own-muni', at('own'));
      put('other-muni', at('other'));
      put('own-application', { ...at('own'), commissionIds: [] });
      put('own-commission', { ...at('own'), commissionIds: ['reader-teacher'] });
      put('other-application', { ...at('other'), commissionIds: [] });
      return docs;
    case 'staffevents':
      put('own-muni-wide', at('own'));
      put('own-school-event', { ...at('own'), forSchool: true });
      put('sibling-school-event', { ...at('sibling'), forSchool: true });
      put('other-muni-wide', at('other'));
      put('other-school-event', { ...at('other'), forSchool: true });
      // Indirect work: each reader's own month at own-school, and colleagues' at each school.
      for (const [role, reader] of readers)
        docs.set(
          `mine:${role}`,
          documentIn('staffevents', { id: `staffevents-mine-${role}`, ...at('own'), indirectOf: reader.user.id }),
        );
      put('indirect-own', { ...at('own'), indirectOf: 'colleague' });
      put('indirect-sibling', { ...at('sibling'), indirectOf: 'colleague' });
      put('indirect-other', { ...at('other'), indirectOf: 'colleague' });
      return docs;
    case 'schools':
    case 'municipalities':
      return docs;
    default:
      put('own', at('own'));
      put('sibling', at('sibling'));
      put('other', at('other'));
      return docs;
  }
}

describe.each(storeFactories)('the read oracle on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const readers = new Map<UserRole, TestUser>();
  /** Document id → label, per collection. */
  const labelOf = new Map<CollectionName, Map<string, string>>();

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, SCHOOLS);
    for (const role of userRoles) {
      const municipal = role === 'municipal_coordinator';
      readers.set(
        role,
        await createTestUser(store, [role], municipal || role === 'administrator' ? [] : ['own-school'], {
          id: `reader-${role}`,
          ...(municipal ? { municipalityId: 'own-muni' } : {}),
        }),
      );
    }
    for (const collection of collectionNames) {
      const docs = placements(collection, readers);
      const labels = new Map<string, string>();
      for (const [label, doc] of docs) labels.set(String(doc.id), label);
      if (docs.size) {
        const result = await pushDocuments(
          store,
          collection,
          [...docs.values()].map((d) => ({ assumedMasterState: null, newDocumentState: d })),
        );
        expect(result.ok && result.written.length, collection).toBe(docs.size);
      }
      if (collection === 'schools') for (const [place, s] of Object.entries(SCHOOL_OF)) labels.set(s.id, place);
      if (collection === 'municipalities') {
        labels.set('own-muni', 'own-muni');
        labels.set('other-muni', 'other-muni');
      }
      labelOf.set(collection, labels);
    }
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it.each(userRoles)('a %s pulls exactly what the rules in words let them read', async (role) => {
    const reader = readers.get(role)!;
    for (const collection of collectionNames) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/sync/${collection}/pull?seq=0&limit=500`,
        headers: reader.headers,
      });
      expect(response.statusCode).toBe(200);
      const documents = response.json<{ documents: { id: string; _deleted: boolean }[] }>().documents;
      expect(documents.filter((d) => d._deleted)).toEqual([]);
      const labels = labelOf.get(collection)!;
      const seen = documents
        .map((d) => {
          if (collection === 'users' && d.id === reader.user.id) return 'self';
          const label = labels.get(d.id);
          if (label === `mine:${role}`) return 'mine';
          // The other readers' months of indirect work are their colleagues' at own-school, counted once below.
          if (collection === 'staffevents' && label?.startsWith('mine:')) return 'indirect-own';
          if (label?.startsWith('mine:')) return `someone else's: ${label}`;
          return label;
        })
        .filter((label): label is string => label !== undefined)
        .filter((label, i, all) => collection !== 'staffevents' || all.indexOf(label) === i)
        .sort();
      expect(seen, `${role} reading ${collection}`).toEqual([...EXPECTED[role][collection]].sort());
    }
  });
});

it('the oracle names every role, collection and place', () => {
  for (const role of userRoles) {
    expect(Object.keys(EXPECTED[role]).sort()).toEqual([...collectionNames].sort());
    for (const collection of collectionNames) {
      const known: readonly string[] = collection in LABELS ? LABELS[collection as keyof typeof LABELS] : LABELS.school;
      for (const label of EXPECTED[role][collection]) expect(known, `${role} ${collection}`).toContain(label);
    }
  }
});
