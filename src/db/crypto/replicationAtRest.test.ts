import {
  createRxDatabase,
  getRxReplicationMetaInstanceSchema,
  type RxCollection,
  type RxConflictHandler,
  type RxDatabase,
  type RxStorage,
} from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { jsonEquals, type SyncConflict } from '../../domain';
import { mergingConflictHandler } from '../conflictHandler';
import { encryptedStorage, type EncryptedFields } from './encryptedStorage';
import { createDataKey } from './keyring';

/**
 * What RxDB keeps besides the documents — the replication meta stores with a copy of every document as the server
 * had it, and the conflict records on a document — holds no plaintext of what a person typed. The oracle is the raw
 * content of the memory storage below the encryption wrapper, as someone with the disk would read it.
 */
interface Note {
  id: string;
  learnerId: string;
  body: string;
  syncConflicts?: SyncConflict[];
}
type Db = RxDatabase<{ notes: RxCollection<Note> }>;
type Wire = Note & { _deleted: boolean };

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    learnerId: { type: 'string', maxLength: 40 },
    body: { type: 'string' },
    syncConflicts: { type: 'array', items: { type: 'object' } },
  },
  required: ['id', 'learnerId', 'body'],
  indexes: ['learnerId'],
} as const;

const PULLED = 'Ģimenē konflikts, tētis strādā Norvēģijā';
const LOCAL = 'Vietējais labojums: mamma slimnīcā';
const REMOTE = 'Servera labojums: vecmāmiņa audzina';
const SECRETS = [PULLED, LOCAL, REMOTE];
const FIELDS: EncryptedFields = { notes: ['body', 'syncConflicts'] };

/** A server holding one collection: pulls by sequence, pushes answered with the stored state when it differs. */
function fakeServer() {
  const docs = new Map<string, { doc: Wire; seq: number }>();
  let seq = 0;
  const put = (doc: Wire) => docs.set(doc.id, { doc, seq: ++seq });
  return {
    put,
    get: (id: string) => docs.get(id)?.doc,
    pull(checkpoint: { seq: number } | undefined, batchSize: number) {
      const after = checkpoint?.seq ?? 0;
      const rows = [...docs.values()].filter((r) => r.seq > after).sort((a, b) => a.seq - b.seq);
      const batch = rows.slice(0, batchSize);
      return { documents: batch.map((r) => r.doc), checkpoint: { seq: batch.at(-1)?.seq ?? after } };
    },
    push(rows: { assumedMasterState?: Wire; newDocumentState: Wire }[]) {
      const conflicts: Wire[] = [];
      for (const row of rows) {
        const current = docs.get(row.newDocumentState.id)?.doc;
        if (current && !jsonEquals(current, row.assumedMasterState ?? null)) conflicts.push(current);
        else put(row.newDocumentState);
      }
      return conflicts;
    },
  };
}
type Server = ReturnType<typeof fakeServer>;

async function openDb(name: string, storage: RxStorage<unknown, unknown>): Promise<Db> {
  const db: Db = await createRxDatabase({ name, storage, multiInstance: false });
  await db.addCollections({
    notes: { schema, conflictHandler: mergingConflictHandler() as unknown as RxConflictHandler<Note> },
  });
  return db;
}

function replicate(db: Db, server: Server): RxReplicationState<Note, { seq: number }> {
  return replicateRxCollection<Note, { seq: number }>({
    collection: db.notes,
    replicationIdentifier: 'fake-server',
    live: true,
    retryTime: 50,
    pull: { handler: async (checkpoint, batchSize) => server.pull(checkpoint, batchSize) },
    push: { handler: async (rows) => server.push(rows as never) },
  });
}

async function settle(replication: RxReplicationState<Note, { seq: number }>) {
  replication.reSync();
  await replication.awaitInSync();
}

/** Everything the memory storage holds for this database, as text. */
function rawStores(dbName: string): { names: string[]; text: string } {
  const states = (
    getRxStorageMemory() as unknown as { collectionStates: Map<string, { documents: Map<string, unknown> }> }
  ).collectionStates;
  const mine = [...states.entries()].filter(([key]) => key.startsWith(`${dbName}--`));
  return {
    names: mine.map(([key]) => key),
    text: mine.map(([, state]) => JSON.stringify([...state.documents.values()])).join('\n'),
  };
}

/** Pulls a note, edits it here while the server's copy changes, and syncs: a conflict record is written. */
async function syncWithConflict(db: Db, server: Server) {
  server.put({ id: 'n1', learnerId: 'l1', body: PULLED, _deleted: false });
  const replication = replicate(db, server);
  await replication.awaitInitialReplication();
  await replication.cancel();
  await (await db.notes.findOne('n1').exec())?.incrementalPatch({ body: LOCAL });
  server.put({ ...(server.get('n1') as Wire), body: REMOTE });
  const again = replicate(db, server);
  await settle(again);
  return again;
}

describe('replication at rest', () => {
  it('seals the replication meta copies and the conflict records', async () => {
    const name = `rep${crypto.randomUUID().slice(0, 8)}`;
    const key = await createDataKey();
    const db = await openDb(
      name,
      encryptedStorage(getRxStorageMemory(), FIELDS, () => key),
    );
    const server = fakeServer();
    const replication = await syncWithConflict(db, server);

    const note = (await db.notes.findOne('n1').exec())?.toJSON();
    expect(note?.body).toBe(REMOTE);
    expect(note?.syncConflicts?.map((c) => [c.path, JSON.parse(c.kept), JSON.parse(c.lost)])).toEqual([
      ['body', REMOTE, LOCAL],
    ]);
    const raw = rawStores(name);
    expect(raw.names.some((n) => n.includes('rx-replication-meta-'))).toBe(true);
    expect(raw.text).toContain('l1');
    for (const secret of SECRETS) expect(raw.text).not.toContain(secret);
    await replication.cancel();
    await db.close();
  });

  it('reads what an older version left in plaintext, seals it on open, and keeps syncing from where it was', async () => {
    const name = `rep${crypto.randomUUID().slice(0, 8)}`;
    const server = fakeServer();
    // The older version: no encryption of the meta copies or of conflict records (here: of nothing).
    const old = await openDb(name, getRxStorageMemory());
    await (await syncWithConflict(old, server)).cancel();
    await old.close();
    expect(rawStores(name).text).toContain(LOCAL);

    const key = await createDataKey();
    const marks = new Set<string>();
    const sealMarks = { has: (m: string) => marks.has(m), add: (m: string) => void marks.add(m) };
    const db = await openDb(
      name,
      encryptedStorage(getRxStorageMemory(), FIELDS, () => key, { sealMarks }),
    );
    const replication = replicate(db, server);
    await replication.awaitInitialReplication();
    for (const secret of SECRETS) expect(rawStores(name).text).not.toContain(secret);
    expect(marks.size).toBeGreaterThanOrEqual(2);

    const before = (await db.notes.findOne('n1').exec())?.toJSON();
    expect(before?.body).toBe(REMOTE);
    expect(before?.syncConflicts).toHaveLength(1);
    // The meta's copy still says what the server has: a plain edit pushes without a conflict.
    await (await db.notes.findOne('n1').exec())?.incrementalPatch({ body: 'Pēc atjaunināšanas' });
    await settle(replication);
    expect(server.get('n1')?.body).toBe('Pēc atjaunināšanas');
    expect((await db.notes.findOne('n1').exec())?.toJSON().syncConflicts).toHaveLength(1);
    // And pulls still arrive, sealed.
    server.put({ id: 'n2', learnerId: 'l1', body: `${PULLED} (2)`, _deleted: false });
    await settle(replication);
    expect((await db.notes.findOne('n2').exec())?.body).toBe(`${PULLED} (2)`);
    expect(rawStores(name).text).not.toContain(PULLED);
    await replication.cancel();
    await db.close();
  });

  it('seals a newly encrypted field of a row whose other fields were already ciphertext, leaving those as they are', async () => {
    const name = `rep${crypto.randomUUID().slice(0, 8)}`;
    const key = await createDataKey();
    const server = fakeServer();
    // The older version encrypted the body but not the conflict records.
    const old = await openDb(
      name,
      encryptedStorage(getRxStorageMemory(), { notes: ['body'] }, () => key),
    );
    await (await syncWithConflict(old, server)).cancel();
    await old.close();
    expect(rawStores(name).text).toContain(LOCAL);

    const db = await openDb(
      name,
      encryptedStorage(getRxStorageMemory(), FIELDS, () => key),
    );
    const note = (await db.notes.findOne('n1').exec())?.toJSON();
    expect(note?.body).toBe(REMOTE);
    expect(note?.syncConflicts?.map((c) => JSON.parse(c.lost) as unknown)).toEqual([LOCAL]);
    for (const secret of SECRETS) expect(rawStores(name).text).not.toContain(secret);
    await db.close();
  });

  it('refuses to read or write a meta store while locked', async () => {
    const key = await createDataKey();
    let locked = false;
    const storage = encryptedStorage(getRxStorageMemory(), {}, () => {
      if (locked) throw new Error('locked');
      return key;
    });
    const name = `rep${crypto.randomUUID().slice(0, 8)}`;
    const metaSchema = getRxReplicationMetaInstanceSchema(schema as never, false);
    const meta = await storage.createStorageInstance({
      databaseName: name,
      collectionName: 'rx-replication-meta-test',
      databaseInstanceToken: 'token',
      multiInstance: false,
      options: {},
      schema: metaSchema,
      devMode: false,
    });
    const row = {
      id: 'n1|0',
      itemId: 'n1',
      isCheckpoint: '0',
      docData: { id: 'n1', learnerId: 'l1', body: PULLED, _deleted: false },
      _deleted: false,
      _attachments: {},
      _rev: '1-a',
      _meta: { lwt: Date.now() },
    };
    await meta.bulkWrite([{ document: row as never }], 'test');
    expect(rawStores(name).text).not.toContain(PULLED);
    expect((await meta.findDocumentsById(['n1|0'], false))[0]).toMatchObject({ docData: row.docData });

    locked = true;
    await expect(meta.findDocumentsById(['n1|0'], false)).rejects.toThrow('locked');
    const next = { ...row, id: 'n2|0', itemId: 'n2', docData: { ...row.docData, id: 'n2', body: LOCAL } };
    await expect(meta.bulkWrite([{ document: next as never }], 'test')).rejects.toThrow('locked');
    expect(rawStores(name).text).not.toContain(LOCAL);
    await meta.close();
  });

  it('relies on RxDB never indexing the meta copy', () => {
    const metaSchema = getRxReplicationMetaInstanceSchema(schema as never, false);
    expect(JSON.stringify(metaSchema.indexes)).not.toContain('docData');
  });
});
