import { describe, expect, it } from 'vitest';
import { mergeDocuments, type FieldConflict } from './mergeDocuments';

type Doc = Record<string, unknown>;
const doc = (fields: Doc): Doc => ({ id: 'p1', ...fields });

describe('mergeDocuments: fields', () => {
  it.each<[string, Doc, Doc, Doc, Doc, FieldConflict[]]>([
    ['no change', doc({ a: 1 }), doc({ a: 1 }), doc({ a: 1 }), doc({ a: 1 }), []],
    ['local change only', doc({ a: 1 }), doc({ a: 2 }), doc({ a: 1 }), doc({ a: 2 }), []],
    ['remote change only', doc({ a: 1 }), doc({ a: 1 }), doc({ a: 3 }), doc({ a: 3 }), []],
    ['same change on both', doc({ a: 1 }), doc({ a: 4 }), doc({ a: 4 }), doc({ a: 4 }), []],
    [
      'different fields changed',
      doc({ a: 1, b: 1 }),
      doc({ a: 2, b: 1 }),
      doc({ a: 1, b: 3 }),
      doc({ a: 2, b: 3 }),
      [],
    ],
    [
      'same field, both changed: server kept',
      doc({ a: 1 }),
      doc({ a: 2 }),
      doc({ a: 3 }),
      doc({ a: 3 }),
      [{ path: 'a', kept: 3, lost: 2 }],
    ],
    ['field added locally', doc({}), doc({ note: 'x' }), doc({}), doc({ note: 'x' }), []],
    ['field removed remotely, untouched locally', doc({ note: 'x' }), doc({ note: 'x' }), doc({}), doc({}), []],
    [
      'nested object fields',
      doc({ e: { o: 'a', n: '' } }),
      doc({ e: { o: 'a', n: 'mine' } }),
      doc({ e: { o: 'b', n: '' } }),
      doc({ e: { o: 'b', n: 'mine' } }),
      [],
    ],
    ['unknown base: equal values', null as unknown as Doc, doc({ a: 1 }), doc({ a: 1 }), doc({ a: 1 }), []],
    [
      'unknown base: differing values',
      null as unknown as Doc,
      doc({ a: 1 }),
      doc({ a: 2 }),
      doc({ a: 2 }),
      [{ path: 'a', kept: 2, lost: 1 }],
    ],
  ])('%s', (_, base, local, remote, merged, conflicts) => {
    expect(mergeDocuments(base, local, remote)).toEqual({ merged, conflicts });
  });

  it('keeps the later updatedAt without calling it a conflict', () => {
    const result = mergeDocuments(
      doc({ a: 1, updatedAt: '2026-01-01T00:00:00.000Z' }),
      doc({ a: 2, updatedAt: '2026-01-03T00:00:00.000Z' }),
      doc({ a: 1, updatedAt: '2026-01-02T00:00:00.000Z' }),
    );
    expect(result).toEqual({ merged: doc({ a: 2, updatedAt: '2026-01-03T00:00:00.000Z' }), conflicts: [] });
  });
});

describe('mergeDocuments: lists by item id', () => {
  const m = (id: string, fields: Doc = {}) => ({ id, ...fields });
  it.each<[string, Doc[], Doc[], Doc[], Doc[], number]>([
    [
      'additions on both sides are kept (remote order, then local)',
      [m('a')],
      [m('a'), m('l')],
      [m('a'), m('r')],
      [m('a'), m('r'), m('l')],
      0,
    ],
    ['removal wins over an untouched item', [m('a'), m('b')], [m('a')], [m('a'), m('b')], [m('a')], 0],
    ['edit wins over removal', [m('a', { n: 1 })], [], [m('a', { n: 2 })], [m('a', { n: 2 })], 0],
    ['edit wins over removal (other way round)', [m('a', { n: 1 })], [m('a', { n: 5 })], [], [m('a', { n: 5 })], 0],
    [
      'different fields of one item',
      [m('a', { x: 1, y: 1 })],
      [m('a', { x: 2, y: 1 })],
      [m('a', { x: 1, y: 2 })],
      [m('a', { x: 2, y: 2 })],
      0,
    ],
    [
      'same field of one item: one conflict',
      [m('a', { x: 1 })],
      [m('a', { x: 2 })],
      [m('a', { x: 3 })],
      [m('a', { x: 3 })],
      1,
    ],
    ['both removed', [m('a'), m('b')], [m('b')], [m('b')], [m('b')], 0],
  ])('%s', (_, base, local, remote, merged, conflictCount) => {
    const result = mergeDocuments(doc({ items: base }), doc({ items: local }), doc({ items: remote }));
    expect(result.merged).toEqual(doc({ items: merged }));
    expect(result.conflicts).toHaveLength(conflictCount);
  });

  it('names the list item in a conflict path', () => {
    const result = mergeDocuments(
      doc({ measures: [{ id: 'm1', plannedSessions: 8 }] }),
      doc({ measures: [{ id: 'm1', plannedSessions: 10 }] }),
      doc({ measures: [{ id: 'm1', plannedSessions: 12 }] }),
    );
    expect(result.conflicts).toEqual([{ path: 'measures[m1].plannedSessions', kept: 12, lost: 10 }]);
  });

  it('treats lists without ids as values', () => {
    const result = mergeDocuments(doc({ tags: ['a'] }), doc({ tags: ['a', 'b'] }), doc({ tags: ['c'] }));
    expect(result).toEqual({
      merged: doc({ tags: ['c'] }),
      conflicts: [{ path: 'tags', kept: ['c'], lost: ['a', 'b'] }],
    });
  });
});

describe('mergeDocuments: deletion', () => {
  it.each<[string, Doc, Doc, Doc, boolean]>([
    [
      'deleted here, untouched there',
      doc({ a: 1, _deleted: false }),
      doc({ a: 1, _deleted: true }),
      doc({ a: 1, _deleted: false }),
      true,
    ],
    [
      'deleted here, edited there',
      doc({ a: 1, _deleted: false }),
      doc({ a: 1, _deleted: true }),
      doc({ a: 2, _deleted: false }),
      false,
    ],
    [
      'edited here, deleted there',
      doc({ a: 1, _deleted: false }),
      doc({ a: 2, _deleted: false }),
      doc({ a: 1, _deleted: true }),
      false,
    ],
    [
      'deleted on both',
      doc({ a: 1, _deleted: false }),
      doc({ a: 1, _deleted: true }),
      doc({ a: 1, _deleted: true }),
      true,
    ],
  ])('%s', (_, base, local, remote, deleted) => {
    expect(mergeDocuments(base, local, remote).merged._deleted).toBe(deleted);
  });
});

describe('mergeDocuments: determinism', () => {
  it('gives the same result whichever device merges, once both have the server state', () => {
    const base = doc({ a: 1, b: 1, items: [{ id: 'x', n: 1 }] });
    const server = doc({
      a: 2,
      b: 1,
      items: [
        { id: 'x', n: 1 },
        { id: 'y', n: 1 },
      ],
    });
    const deviceEdit = doc({ a: 1, b: 5, items: [{ id: 'x', n: 3 }] });
    const first = mergeDocuments(base, deviceEdit, server).merged;
    const again = mergeDocuments(base, deviceEdit, server).merged;
    expect(first).toEqual(again);
    expect(first).toEqual(
      doc({
        a: 2,
        b: 5,
        items: [
          { id: 'x', n: 3 },
          { id: 'y', n: 1 },
        ],
      }),
    );
  });
});

describe('mergeDocuments: who signs the merged version', () => {
  const base = doc({ a: 1, b: 1, updatedBy: 'ilze' });
  it.each<[string, Doc, Doc, string | undefined]>([
    [
      'both kept: this device’s person, who pushes it',
      doc({ a: 2, b: 1, updatedBy: 'ilze' }),
      doc({ a: 1, b: 3, updatedBy: 'marta' }),
      'ilze',
    ],
    [
      'only the server’s change is left: its signer',
      doc({ a: 2, b: 1, updatedBy: 'ilze' }),
      doc({ a: 3, b: 1, updatedBy: 'marta' }),
      'marta',
    ],
    [
      'the same change on both sides: the server’s signer',
      doc({ a: 5, b: 1, updatedBy: 'ilze' }),
      doc({ a: 5, b: 1, updatedBy: 'marta' }),
      'marta',
    ],
    [
      'this device’s change survives, the server’s version unsigned',
      doc({ a: 2, b: 1, updatedBy: 'ilze' }),
      doc({ a: 1, b: 3 }),
      'ilze',
    ],
    [
      'nothing of this device survives and the server’s version is unsigned: unsigned',
      doc({ a: 2, b: 1, updatedBy: 'ilze' }),
      doc({ a: 4, b: 1 }),
      undefined,
    ],
  ])('%s', (_name, local, remote, signer) => {
    expect(mergeDocuments(base, local, remote).merged.updatedBy).toBe(signer);
  });
});
