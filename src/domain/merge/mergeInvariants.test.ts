import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDocuments } from './mergeDocuments';

/**
 * Invariants of the three-way merge over generated edits (after Excalidraw's reconciliation tests), beside the table
 * tests that pin each case: they hold for any two edits of one base, so they find the combinations no table lists.
 */

type Doc = Record<string, unknown>;
type Item = { id: string; v: string; w?: string };

const value = fc.constantFrom('a', 'b', 'c');
const itemIds = ['x', 'y', 'z'];

/** A document with scalar fields, a nested object and a list of items with ids (like a plan's measures). */
const baseDoc = fc.record({
  id: fc.constant('d1'),
  s: value,
  t: fc.option(value, { nil: undefined }),
  e: fc.record({ o: value, n: value }),
  items: fc
    .subarray(itemIds)
    .chain((ids) =>
      fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), v: value }))).map((items) => items as Item[]),
    ),
  updatedAt: fc.constant('2026-01-01T00:00:00.000Z'),
  _deleted: fc.constant(false),
});

/** An edit of a document: any field changed, added or removed; list items added, removed, edited; or a deletion. */
const editOf = (base: Doc, at: string): fc.Arbitrary<Doc> =>
  fc
    .record({
      s: fc.option(value, { nil: undefined }),
      t: fc.option(fc.option(value, { nil: null }), { nil: undefined }),
      o: fc.option(value, { nil: undefined }),
      n: fc.option(value, { nil: undefined }),
      removed: fc.subarray(itemIds),
      edited: fc.array(fc.tuple(fc.constantFrom(...itemIds), value), { maxLength: 3 }),
      added: fc.subarray(['p', 'q']),
      deleted: fc.boolean(),
    })
    .map((change) => {
      const next: Doc = structuredClone(base);
      if (change.s !== undefined) next.s = change.s;
      if (change.t === null) delete next.t;
      else if (change.t !== undefined) next.t = change.t;
      const e = next.e as Record<string, string>;
      if (change.o !== undefined) e.o = change.o;
      if (change.n !== undefined) e.n = change.n;
      let items = (next.items as Item[]).filter((item) => !change.removed.includes(item.id));
      for (const [id, v] of change.edited) items = items.map((item) => (item.id === id ? { ...item, w: v } : item));
      items = [...items, ...change.added.map((id) => ({ id, v: 'new' }))];
      next.items = items;
      next.updatedAt = at;
      // A deletion is an edit of its own: nothing else changes with it.
      return change.deleted
        ? { ...structuredClone(base), _deleted: true, updatedAt: at }
        : { ...next, _deleted: false };
    });

const triple = baseDoc.chain((base) =>
  fc.tuple(
    fc.constant(base as Doc),
    editOf(base, '2026-01-02T00:00:00.000Z'),
    editOf(base, '2026-01-03T00:00:00.000Z'),
  ),
);

/** A document with list items in id order and without bookkeeping: what a person sees of it. */
function content(doc: Doc): Doc {
  const { updatedAt: _at, updatedBy: _by, ...rest } = doc;
  const items = (rest.items as Item[] | undefined)?.slice().sort((a, b) => a.id.localeCompare(b.id));
  return items ? { ...rest, items } : rest;
}

const RUNS = { numRuns: 500, seed: 20261202 };

describe('mergeDocuments: invariants over generated edits', () => {
  it('merging the result again changes nothing (against the server state it was merged with)', () => {
    fc.assert(
      fc.property(triple, ([base, local, remote]) => {
        const { merged } = mergeDocuments(base, local, remote);
        const again = mergeDocuments(remote, merged, remote);
        expect(again.merged).toEqual(merged);
        expect(again.conflicts).toEqual([]);
        expect(mergeDocuments(base, merged, remote).merged).toEqual(merged);
      }),
      RUNS,
    );
  });

  it('merging the other way round gives the same content when nothing clashed', () => {
    fc.assert(
      fc.property(triple, ([base, local, remote]) => {
        const one = mergeDocuments(base, local, remote);
        const other = mergeDocuments(base, remote, local);
        fc.pre(one.conflicts.length === 0 && other.conflicts.length === 0);
        expect(content(other.merged)).toEqual(content(one.merged));
      }),
      RUNS,
    );
  });

  it('a clash keeps the server’s value and reports this device’s, whichever way round', () => {
    fc.assert(
      fc.property(triple, ([base, local, remote]) => {
        const { merged, conflicts } = mergeDocuments(base, local, remote);
        for (const conflict of conflicts) {
          expect(conflict.kept).not.toEqual(conflict.lost);
        }
        // Nothing either side wrote is lost without a report: every top-level value of the result is the base's,
        // this device's or the server's, or a merge of them (objects and lists).
        for (const key of ['s', 't'] as const) {
          const candidates = [base[key], local[key], remote[key]];
          expect(candidates).toContainEqual(merged[key]);
          if (merged[key] !== local[key] && local[key] !== base[key]) {
            expect(conflicts.map((c) => c.path)).toContain(key);
          }
        }
      }),
      RUNS,
    );
  });

  it('an edit on one side only is taken as it is', () => {
    fc.assert(
      fc.property(triple, ([base, local]) => {
        expect(mergeDocuments(base, local, base)).toEqual({ merged: local, conflicts: [] });
        expect(mergeDocuments(base, base, local).merged).toEqual(local);
        expect(mergeDocuments(base, local, local)).toEqual({ merged: local, conflicts: [] });
      }),
      RUNS,
    );
  });
});
