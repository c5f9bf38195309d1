import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import { DEPARTURE_SCOPE_FIELDS, readScopeSql } from '../../src/server/replication/readScope';
import type { Store } from '../../src/server/store/store';
import { collectionNames } from '../../src/domain';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { documentIn, type Placement } from '../fixtures/scopedDocuments';
import { storeFactories } from '../fixtures/stores';
import { currentSeq, scopesOf, type ScopeFacts } from '../../src/server/live/changeScopes';

type Doc = Record<string, unknown>;
interface Pulled {
  documents: Doc[];
  checkpoint: { seq: number; scope: string };
  remaining?: number;
}

const SCHOOL_1 = { id: 'school-1', municipalityId: 'muni-1' };
const SCHOOL_2 = { id: 'school-2', municipalityId: 'muni-2' };

type Person = 'teacher1' | 'teacher2' | 'psych1' | 'psych2' | 'author' | 'coord1' | 'coord2';

/**
 * Each kind of departure: a document as a former reader could read it, the update that takes it out of their reach,
 * and who may read it afterwards (written from the rules in words: school records follow their school, a note its
 * author and — when shared — the school's support team, a directory entry its schools, projects and events their
 * municipality, a school's staff reach their school's municipality).
 */
const KINDS: {
  kind: string;
  collection: CollectionName;
  before: Omit<Placement, 'id'>;
  after: Omit<Placement, 'id'>;
  formerReader: Person;
  newReader: Person;
  /** The new reader could read the former state too (the author of an un-shared note). */
  newReaderReadsBoth?: boolean;
}[] = [
  ...(['learners', 'plans', 'consultations', 'schedules', 'compensations'] as const).map((collection) => ({
    kind: `a ${collection.slice(0, -1)} moved to another school`,
    collection,
    before: { schoolId: 'school-1', municipalityId: 'muni-1' },
    after: { schoolId: 'school-2', municipalityId: 'muni-2' },
    formerReader: 'teacher1' as const,
    newReader: 'teacher2' as const,
  })),
  {
    kind: 'a note un-shared',
    collection: 'notes',
    before: { schoolId: 'school-1', municipalityId: 'muni-1', authorId: 'author', shared: true },
    after: { schoolId: 'school-1', municipalityId: 'muni-1', authorId: 'author', shared: false },
    formerReader: 'psych1',
    newReader: 'author',
    newReaderReadsBoth: true,
  },
  {
    kind: 'a shared note moved to another school',
    collection: 'notes',
    before: { schoolId: 'school-1', municipalityId: 'muni-1', authorId: 'author', shared: true },
    after: { schoolId: 'school-2', municipalityId: 'muni-2', authorId: 'author', shared: true },
    formerReader: 'psych1',
    newReader: 'psych2',
  },
  {
    kind: 'a directory entry whose schools change',
    collection: 'users',
    before: { schoolId: 'school-1', municipalityId: 'muni-1' },
    after: { schoolId: 'school-2', municipalityId: 'muni-2' },
    formerReader: 'teacher1',
    newReader: 'teacher2',
  },
  {
    kind: 'a youth project moved to another municipality',
    collection: 'youthprojects',
    before: { schoolId: 'school-1', municipalityId: 'muni-1' },
    after: { schoolId: 'school-2', municipalityId: 'muni-2' },
    formerReader: 'coord1',
    newReader: 'coord2',
  },
  {
    kind: "a school's staff event moved to another school",
    collection: 'staffevents',
    before: { schoolId: 'school-1', municipalityId: 'muni-1', forSchool: true },
    after: { schoolId: 'school-2', municipalityId: 'muni-2', forSchool: true },
    formerReader: 'teacher1',
    newReader: 'teacher2',
  },
];

describe.each(storeFactories)('records that leave a reader’s reach, on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const people = new Map<Person, TestUser>();
  let n = 0;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [SCHOOL_1, SCHOOL_2]);
    const make = async (
      person: Person,
      roles: Parameters<typeof createTestUser>[1],
      schools: string[],
      muni?: string,
    ) =>
      people.set(
        person,
        await createTestUser(store, roles, schools, { id: person, ...(muni ? { municipalityId: muni } : {}) }),
      );
    await make('teacher1', ['teacher'], ['school-1']);
    await make('teacher2', ['teacher'], ['school-2']);
    await make('psych1', ['psychologist'], ['school-1']);
    await make('psych2', ['psychologist'], ['school-2']);
    await make('author', ['psychologist'], ['school-1', 'school-2']);
    await make('coord1', ['municipal_coordinator'], [], 'muni-1');
    await make('coord2', ['municipal_coordinator'], [], 'muni-2');
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  async function pull(person: Person, collection: CollectionName, from?: Pulled, limit = 100): Promise<Pulled> {
    const query = from ? `seq=${from.checkpoint.seq}&scope=${from.checkpoint.scope}` : 'seq=0';
    const response = await app.inject({
      method: 'GET',
      url: `/api/sync/${collection}/pull?${query}&limit=${limit}&count=1`,
      headers: people.get(person)!.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Pulled>();
  }

  /** Pulls until nothing remains, as a device catching up does. */
  async function pullAll(person: Person, collection: CollectionName, from?: Pulled) {
    let last = await pull(person, collection, from);
    const documents = [...last.documents];
    while (last.documents.length === 100) {
      last = await pull(person, collection, last);
      documents.push(...last.documents);
    }
    return { documents, last };
  }

  /**
   * Writes one document, and checks the scopes the push publishes (computed from the states in memory) against
   * what the database's departures trigger recorded for the same write, read back by scopesOf.
   */
  async function write(collection: CollectionName, previous: Doc | null, next: Doc) {
    const since = await currentSeq(store);
    const result = await pushDocuments(store, collection, [{ assumedMasterState: previous, newDocumentState: next }]);
    expect(result.ok && result.written).toEqual([next.id]);
    const recorded = await scopesOf(store, collection, [String(next.id)], since);
    const sorted = (scopes: ScopeFacts[]) => scopes.map((s) => JSON.stringify(s, Object.keys(s).sort())).sort();
    expect(sorted(result.ok ? result.scopes : [])).toEqual(sorted(recorded));
    if (previous) expect(recorded.length).toBeGreaterThan(0);
  }

  const ofId = (documents: Doc[], id: unknown) => documents.filter((d) => d.id === id);

  it.each(KINDS)('$kind: the former reader is told to delete it, the new reader gets it', async (c) => {
    const id = `${c.collection}-departing-${++n}`;
    const before = documentIn(c.collection, { id, ...c.before });
    const after = documentIn(c.collection, { id, ...c.after });
    const formerStart = (await pullAll(c.formerReader, c.collection)).last;
    const newStart = (await pullAll(c.newReader, c.collection)).last;
    await write(c.collection, null, before);

    const formerHolds = await pull(c.formerReader, c.collection, formerStart);
    expect(ofId(formerHolds.documents, id)).toEqual([before]);

    await write(c.collection, before, after);
    // The departure carries the sequence number the document got in the write that left the scope.
    const seqs = await store.query<{ same: boolean }>(
      `SELECT p.seq = d.seq AS same FROM departures p JOIN documents d USING (collection, id) WHERE id = $1`,
      [id],
    );
    expect(seqs).toEqual([{ same: true }]);
    const told = await pull(c.formerReader, c.collection, formerHolds);
    // Nothing but the id: neither the state it left for nor the one it left.
    expect(ofId(told.documents, id)).toEqual([{ id, _deleted: true }]);
    expect(told.remaining).toBe(0);
    const got = await pullAll(c.newReader, c.collection, newStart);
    expect(ofId(got.documents, id).map((d) => d._deleted)).toEqual([false]);
    expect(ofId(got.documents, id)[0]).toEqual(after);

    // Further changes where it went are not the former reader's news, not even as repeated tombstones.
    const edited = { ...after, updatedAt: '2026-10-01T08:00:00.000Z' };
    await write(c.collection, after, edited);
    const later = await pull(c.formerReader, c.collection, told);
    expect(ofId(later.documents, id)).toEqual([]);

    // Brought back into reach, it comes back whole.
    const back = { ...documentIn(c.collection, { id, ...c.before }), updatedAt: '2026-10-02T08:00:00.000Z' };
    await write(c.collection, edited, back);
    const returned = await pull(c.formerReader, c.collection, later);
    expect(ofId(returned.documents, id)).toEqual([back]);
    // And the reader whose reach it left now is told in turn.
    const gone = await pull(c.newReader, c.collection, got.last);
    expect(ofId(gone.documents, id)).toEqual(c.newReaderReadsBoth ? [back] : [{ id, _deleted: true }]);
  });

  it('tells nothing to someone who could never read the document', async () => {
    const id = `learners-never-${++n}`;
    const start = (await pullAll('teacher2', 'learners')).last;
    const inOne = documentIn('learners', { id, schoolId: 'school-1', municipalityId: 'muni-1' });
    await write('learners', null, inOne);
    await write('learners', inOne, { ...inOne, firstName: 'Ieva' });
    const note = documentIn('notes', {
      id: `notes-never-${n}`,
      schoolId: 'school-1',
      municipalityId: 'muni-1',
      authorId: 'author',
      shared: false,
    });
    const noteStart = (await pullAll('psych1', 'notes')).last;
    await write('notes', null, note);
    await write('notes', note, { ...note, schoolId: 'school-2' });
    expect(ofId((await pull('teacher2', 'learners', start)).documents, id)).toEqual([]);
    expect(ofId((await pull('psych1', 'notes', noteStart)).documents, note.id)).toEqual([]);
  });

  it('a tombstone of a colleague’s note is not a delivery of a confidential record', async () => {
    const id = `notes-audit-${++n}`;
    const shared = documentIn('notes', {
      id,
      schoolId: 'school-1',
      municipalityId: 'muni-1',
      authorId: 'author',
      shared: true,
    });
    const start = (await pullAll('psych1', 'notes')).last;
    await write('notes', null, shared);
    const delivered = await pull('psych1', 'notes', start);
    const deliveries = () =>
      store.query(`SELECT 1 FROM audit_entries WHERE action = 'receive_confidential' AND document_id = $1`, [id]);
    expect(await deliveries()).toHaveLength(1);
    await write('notes', shared, { ...shared, sharedWithSupportTeam: false });
    expect(ofId((await pull('psych1', 'notes', delivered)).documents, id)).toEqual([{ id, _deleted: true }]);
    expect(await deliveries()).toHaveLength(1);
  });

  it('pulls in sequence order with exactly `limit` rows, and counts what remains the same way', async () => {
    const start = (await pullAll('teacher1', 'learners')).last;
    const docs = Array.from({ length: 12 }, (_, i) =>
      documentIn('learners', { id: `learners-batch-${++n}-${i}`, schoolId: 'school-1', municipalityId: 'muni-1' }),
    );
    for (const d of docs) await write('learners', null, d);
    const afterInsert = await pull('teacher1', 'learners', start, 12);
    expect(afterInsert.documents).toEqual(docs);
    // Every other one leaves, and a learner of the other school changes in between (not the reader's news).
    const other = documentIn('learners', { id: `learners-other-${n}`, schoolId: 'school-2', municipalityId: 'muni-2' });
    await write('learners', null, other);
    for (const [i, d] of docs.entries()) {
      if (i % 2 === 0) await write('learners', d, { ...d, schoolId: 'school-2' });
      else await write('learners', d, { ...d, firstName: 'Ieva' });
    }
    const all = await pull('teacher1', 'learners', afterInsert, 100);
    expect(all.documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    expect(all.documents.map((d) => d._deleted)).toEqual(docs.map((_, i) => i % 2 === 0));
    let page = await pull('teacher1', 'learners', afterInsert, 5);
    const paged = [...page.documents];
    expect(page.documents).toHaveLength(5);
    expect(page.remaining).toBe(7);
    while (page.documents.length === 5) {
      page = await pull('teacher1', 'learners', page, 5);
      paged.push(...page.documents);
    }
    expect(paged).toEqual(all.documents);
  });

  it('keeps in departures no content, only the facts the read scope reads', async () => {
    const rows = await store.query<{ data: Doc }>(`SELECT data FROM departures`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const key of Object.keys(row.data)) expect(DEPARTURE_SCOPE_FIELDS).toContain(key);
    }
  });
});

describe('the read scope and the departures table', () => {
  it('reads from a document only what a departure keeps', () => {
    for (const collection of collectionNames) {
      const fields = [...readScopeSql(collection).matchAll(/data\s*->>?\s*'([^']+)'/g)].map((m) => m[1]);
      for (const field of fields) expect(DEPARTURE_SCOPE_FIELDS, collection).toContain(field);
      const columns =
        readScopeSql(collection)
          .replace(/data\s*->>?\s*'[^']+'/g, '')
          .match(/\b[a-z_]+_id\b/g) ?? [];
      for (const column of columns) expect(['school_id', 'municipality_id']).toContain(column);
    }
  });
});
