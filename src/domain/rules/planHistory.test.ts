import { describe, expect, it } from 'vitest';
import { mergeDocuments } from '../merge/mergeDocuments';
import type { PlanHistoryEntry } from '../plan';
import { historyAppendProblem } from './planHistory';

const entry = (id: string, byUserId: string, action: string, at = '2026-09-11T08:00:00.000Z'): PlanHistoryEntry => ({
  id,
  at,
  byUserId,
  action,
});
const created = entry('h1', 'prep', 'created');
const submit = entry('h2', 'prep', 'submit');
const stored = [created, submit];

describe('a plan history is append-only', () => {
  it.each<[string, PlanHistoryEntry[], string, string | null]>([
    ['unchanged', stored, 'prep', null],
    [
      'the same entries with their keys in another order (jsonb)',
      [created, { action: 'submit', byUserId: 'prep', at: submit.at, id: 'h2' }],
      'dir',
      null,
    ],
    ['one entry of one’s own appended', [...stored, entry('h3', 'dir', 'approve')], 'dir', null],
    [
      'two entries of one’s own appended',
      [...stored, entry('h3', 'prep', 'evaluate'), entry('h4', 'prep', 'x')],
      'prep',
      null,
    ],
    [
      'an entry appended in someone else’s name',
      [...stored, entry('h3', 'dir', 'approve')],
      'mun',
      'historyEntryNotOwn',
    ],
    ['an appended entry reusing an old id', [...stored, entry('h1', 'dir', 'approve')], 'dir', 'historyIdReused'],
    [
      'two appended entries under one id',
      [...stored, entry('h3', 'dir', 'a'), entry('h3', 'dir', 'b')],
      'dir',
      'historyIdReused',
    ],
    ['the whole history erased', [], 'prep', 'historyRewritten'],
    ['the last entry dropped', [created], 'prep', 'historyRewritten'],
    ['entries reordered', [submit, created], 'prep', 'historyRewritten'],
    ['an author rewritten', [created, { ...submit, byUserId: 'other' }], 'prep', 'historyRewritten'],
    ['a date rewritten', [created, { ...submit, at: '2026-09-01T08:00:00.000Z' }], 'prep', 'historyRewritten'],
    ['an action rewritten', [created, { ...submit, action: 'approve' }], 'prep', 'historyRewritten'],
    ['a reason added to an old entry', [created, { ...submit, reason: 'later' }], 'prep', 'historyRewritten'],
    [
      'an entry inserted before the stored ones',
      [entry('h0', 'prep', 'created'), ...stored],
      'prep',
      'historyRewritten',
    ],
    [
      'an old id reused for a planted approval (issue 8.4)',
      [created, entry('h2', 'dir', 'approve'), entry('h9', 'mun', 'approve')],
      'mun',
      'historyRewritten',
    ],
  ])('%s', (_case, pushed, actorId, expected) => {
    expect(historyAppendProblem(stored, pushed, actorId)?.code ?? null).toBe(expected);
  });

  it('a new plan’s history: the creator’s own entries, each id once', () => {
    expect(historyAppendProblem([], [created], 'prep')).toBeNull();
    expect(historyAppendProblem([], [created], 'other')?.code).toBe('historyEntryNotOwn');
    expect(historyAppendProblem([], [created, created], 'prep')?.code).toBe('historyIdReused');
  });
});

/**
 * The device's merge (domain/merge) must never produce a history the server refuses when two devices append while
 * offline: the server's entries stay first, in its order, and this device's own entries follow.
 */
describe('two devices appending to one history', () => {
  const base = { id: 'p1', status: 'in_progress', history: stored };
  it.each<[string, PlanHistoryEntry[], PlanHistoryEntry[], string, PlanHistoryEntry[]]>([
    [
      'different people, one entry each',
      [entry('a1', 'prep', 'evaluate')],
      [entry('b1', 'coord', 'suspend')],
      'coord',
      [entry('a1', 'prep', 'evaluate'), entry('b1', 'coord', 'suspend')],
    ],
    [
      'one person on two tablets, several entries each',
      [entry('a1', 'prep', 'x'), entry('a2', 'prep', 'y')],
      [entry('b1', 'prep', 'z'), entry('b2', 'prep', 'w')],
      'prep',
      [entry('a1', 'prep', 'x'), entry('a2', 'prep', 'y'), entry('b1', 'prep', 'z'), entry('b2', 'prep', 'w')],
    ],
    ['only the server side appended', [entry('a1', 'prep', 'x')], [], 'coord', [entry('a1', 'prep', 'x')]],
  ])('%s', (_case, serverAdded, deviceAdded, deviceUser, expectedAdded) => {
    // The server stored its copy through jsonb: the same values, keys in another order.
    const remote = {
      ...base,
      history: [...stored, ...serverAdded].map((h) => Object.fromEntries(Object.entries(h).reverse())),
    } as typeof base;
    const local = { ...base, history: [...stored, ...deviceAdded] };
    const { merged } = mergeDocuments(base, local, remote);
    expect(merged.history).toEqual([...stored, ...expectedAdded]);
    expect(historyAppendProblem(remote.history, merged.history, deviceUser)).toBeNull();
  });
});
