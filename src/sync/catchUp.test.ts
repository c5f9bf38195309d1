import { describe, expect, it } from 'vitest';
import { CatchUpTracker, type CatchUpProgress } from './catchUp';

function tracked() {
  const seen: (CatchUpProgress | null)[] = [];
  return { seen, tracker: new CatchUpTracker((p) => seen.push(p)) };
}

describe('catch-up progress', () => {
  it('has the server count once, then counts down what arrives, and ends when nothing is waiting', () => {
    const { seen, tracker } = tracked();
    expect(tracker.shouldCount('learners', false)).toBe(true);
    tracker.record('learners', 200, 300, true);
    tracker.record('plans', 100, 0, false);
    expect(tracker.shouldCount('learners', true)).toBe(false);
    tracker.record('learners', 200, undefined, true);
    expect(tracker.shouldCount('learners', true)).toBe(false);
    tracker.record('learners', 100, undefined, false);
    expect(seen).toEqual([{ done: 200, total: 500 }, { done: 300, total: 600 }, { done: 500, total: 600 }, null]);
    expect(tracker.shouldCount('learners', true)).toBe(false);
  });

  it('asks again when the count runs out while full batches still come (rows written meanwhile)', () => {
    const { seen, tracker } = tracked();
    tracker.record('learners', 200, 200, true);
    tracker.record('learners', 200, undefined, true);
    expect(tracker.shouldCount('learners', true)).toBe(true);
    tracker.record('learners', 200, 150, true);
    expect(tracker.shouldCount('learners', true)).toBe(false);
    tracker.record('learners', 150, undefined, false);
    expect(seen).toEqual([{ done: 200, total: 400 }, { done: 400, total: 400 }, { done: 600, total: 750 }, null]);
  });

  it('takes a short batch as caught up, whatever the estimate said', () => {
    const { seen, tracker } = tracked();
    tracker.record('learners', 200, 500, true);
    tracker.record('learners', 20, undefined, false);
    expect(seen).toEqual([{ done: 200, total: 700 }, null]);
  });

  it.each([
    ['a device that is up to date', 'learners', true, false],
    ['a first pull', 'learners', false, true],
  ])('asks the server to count only when needed: %s', (_case, collection, hasCheckpoint, expected) => {
    expect(new CatchUpTracker(() => {}).shouldCount(collection, hasCheckpoint)).toBe(expected);
  });

  it('says nothing new when an empty collection finishes', () => {
    const { seen, tracker } = tracked();
    tracker.record('learners', 10, 35, true);
    tracker.record('plans', 0, 0, false);
    tracker.record('notes', 0, 0, false);
    expect(seen).toEqual([{ done: 10, total: 45 }]);
  });

  it('ignores answers without a count for a collection it is not following', () => {
    const { seen, tracker } = tracked();
    tracker.record('learners', 50, undefined, true);
    expect(seen).toEqual([]);
  });
});
