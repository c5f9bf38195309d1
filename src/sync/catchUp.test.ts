import { describe, expect, it } from 'vitest';
import { CatchUpTracker, type CatchUpProgress } from './catchUp';

describe('catch-up progress', () => {
  it('sums collections, counts up, and ends when nothing is waiting', () => {
    const seen: (CatchUpProgress | null)[] = [];
    const tracker = new CatchUpTracker((p) => seen.push(p));
    expect(tracker.shouldCount('learners', false)).toBe(true);
    tracker.record('learners', 200, 300);
    tracker.record('plans', 100, 0);
    tracker.record('learners', 200, 100);
    expect(tracker.shouldCount('learners', true)).toBe(true);
    expect(tracker.shouldCount('plans', true)).toBe(false);
    tracker.record('learners', 100, 0);
    expect(seen).toEqual([{ done: 200, total: 500 }, { done: 300, total: 600 }, { done: 500, total: 600 }, null]);
    expect(tracker.shouldCount('learners', true)).toBe(false);
  });

  it.each([
    ['a device that is up to date', 'learners', true, false],
    ['a first pull', 'learners', false, true],
  ])('asks the server to count only when needed: %s', (_case, collection, hasCheckpoint, expected) => {
    const tracker = new CatchUpTracker(() => {});
    expect(tracker.shouldCount(collection, hasCheckpoint)).toBe(expected);
  });

  it('says nothing new when an empty collection finishes', () => {
    const seen: (CatchUpProgress | null)[] = [];
    const tracker = new CatchUpTracker((p) => seen.push(p));
    tracker.record('learners', 10, 35);
    tracker.record('plans', 0, 0);
    tracker.record('notes', 0, 0);
    expect(seen).toEqual([{ done: 10, total: 45 }]);
  });

  it('ignores answers without a count', () => {
    const seen: (CatchUpProgress | null)[] = [];
    const tracker = new CatchUpTracker((p) => seen.push(p));
    tracker.record('learners', 50, undefined);
    expect(seen).toEqual([]);
  });
});
