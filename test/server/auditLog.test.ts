import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/server/audit/audit';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { storeFactories } from '../fixtures/stores';

describe.each(storeFactories)('the audit log, on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
  });
  afterAll(async () => dispose?.());

  it('keeps one row per write with every id, read back one row per document with rows written before', async () => {
    // A row as the log held them before one row per write.
    await store.query(
      `INSERT INTO audit_log (user_id, action, collection, document_id) VALUES ('u-old', 'write', 'learners', 'l-0')`,
    );
    await audit(store, 'u-1', 'write', 'learners', ['l-1', 'l-2', 'l-3']);
    await audit(store, 'u-1', 'write', 'learners', []);

    const rows = await store.query<{ user_id: string }>('SELECT user_id FROM audit_log ORDER BY id');
    expect(rows.map((r) => r.user_id)).toEqual(['u-old', 'u-1']);
    const entries = await store.query<{ user_id: string; document_id: string }>(
      `SELECT user_id, document_id FROM audit_entries ORDER BY id, document_id`,
    );
    expect(entries).toEqual([
      { user_id: 'u-old', document_id: 'l-0' },
      { user_id: 'u-1', document_id: 'l-1' },
      { user_id: 'u-1', document_id: 'l-2' },
      { user_id: 'u-1', document_id: 'l-3' },
    ]);
    const touching = await store.query(`SELECT 1 FROM audit_log WHERE document_ids @> ARRAY['l-2']`);
    expect(touching).toHaveLength(1);
  });
});
