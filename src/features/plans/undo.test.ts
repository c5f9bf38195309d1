import { describe, expect, it } from 'vitest';
import type { Measure, SupportPlan } from '../../domain';
import { removeMeasure, toggleRisk } from '../../domain';
import { restoreMeasure, restoreRisk } from './undo';

const measure = (id: string, riskIds: string[]): Measure =>
  ({
    id,
    kind: 'subject_consultation',
    subject: 'math',
    plannedSessions: 8,
    riskIds,
    justification: `why ${id}`,
  }) as Measure;

const plan = {
  id: 'p1',
  risks: [
    { id: 'r1', code: 'learning', note: 'slow reader' },
    { id: 'r2', code: 'attendance', note: '' },
  ],
  measures: [measure('m1', ['r1']), measure('m2', ['r1', 'r2']), measure('m3', ['r2'])],
} as unknown as SupportPlan;

describe('undoing a removal on the plan page', () => {
  it('puts a removed measure back in its place with its justification', () => {
    const removed = removeMeasure(plan, 'm2');
    const back = restoreMeasure(removed, measure('m2', ['r1', 'r2']), 1);
    expect(back.measures.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(back.measures[1]?.justification).toBe('why m2');
    // Pressed twice: restored once.
    expect(restoreMeasure(back, measure('m2', ['r1', 'r2']), 1).measures).toHaveLength(3);
  });

  it('ticks a risk again with its note and its links to the measures still there', () => {
    const unticked = removeMeasure(toggleRisk(plan, 'learning', false, 'unused'), 'm1');
    expect(unticked.measures.map((m) => m.riskIds)).toEqual([['r2'], ['r2']]);
    const back = restoreRisk(unticked, plan, 'r1');
    expect(back.risks).toEqual([
      { id: 'r1', code: 'learning', note: 'slow reader' },
      { id: 'r2', code: 'attendance', note: '' },
    ]);
    expect(back.measures.map((m) => [m.id, m.riskIds])).toEqual([
      ['m2', ['r2', 'r1']],
      ['m3', ['r2']],
    ]);
  });
});
