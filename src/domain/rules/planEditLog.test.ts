import { describe, expect, it } from 'vitest';
import { mergeDocuments } from '../merge/mergeDocuments';
import { mergeEditLogs } from '../merge/editLogs';
import type { Measure, PlanEditEntry, SupportPlan } from '../plan';
import { editedParts, editLogProblem, logPlanEdit } from './planEditLog';

const AT = '2026-11-25T10:00:00.000Z';
const measure = (id: string, plannedSessions: number): Measure => ({
  id,
  kind: 'subject_consultation',
  riskIds: ['r1'],
  justification: 'Grūtības matemātikā',
  subject: 'maths',
  plannedSessions,
});
const plan: SupportPlan = {
  id: 'p1',
  createdAt: AT,
  updatedAt: AT,
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['marta'],
  status: 'draft',
  risks: [{ id: 'r1', code: 'learning.difficulty_mastering', note: '' }],
  measures: [measure('m1', 8), measure('m2', 4)],
  history: [],
};
const at = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString();
const edit = (byUserId: string, minutes: number, entryId = `e${minutes}`) => ({ byUserId, at: at(minutes), entryId });

describe('which parts of a plan an edit changed', () => {
  it('names measures added, changed and removed, risks and the evaluation — never values', () => {
    const after: SupportPlan = {
      ...plan,
      risks: [{ id: 'r1', code: 'learning.difficulty_mastering', note: 'Konfidenciāli' }],
      measures: [measure('m1', 12), measure('m3', 2)],
    };
    expect(editedParts(plan, after)).toEqual(['risks', 'measuresAdded', 'measuresChanged', 'measuresRemoved']);
    expect(editedParts(plan, { ...plan, status: 'in_approval', updatedAt: at(1) })).toEqual([]);
    expect(editedParts(plan, { ...plan, applicationSignedOn: '2026-09-02', preparerIds: ['marta', 'ilze'] })).toEqual([
      'preparers',
      'applicationSignedOn',
    ]);
  });
});

describe('logging a plan’s edits', () => {
  it('adds an entry per edit, one per person’s run of ten minutes', () => {
    const one = logPlanEdit(plan, { ...plan, measures: [measure('m1', 9), measure('m2', 4)] }, edit('marta', 0));
    expect(one.edits).toEqual([{ id: 'e0', firstAt: at(0), at: at(0), byUserId: 'marta', parts: ['measuresChanged'] }]);
    // Four minutes later Marta adds a risk: the same run, one entry.
    const two = logPlanEdit(one, { ...one, risks: [] }, edit('marta', 4));
    expect(two.edits).toEqual([
      { id: 'e0', firstAt: at(0), at: at(4), byUserId: 'marta', parts: ['risks', 'measuresChanged'] },
    ]);
    // Ilze's edit is hers; Marta's edit 15 minutes after her run began is a new run.
    const three = logPlanEdit(two, { ...two, measures: [] }, edit('ilze', 5));
    const four = logPlanEdit(three, { ...three, risks: plan.risks }, edit('marta', 15));
    expect(four.edits?.map((e) => [e.id, e.byUserId, e.parts])).toEqual([
      ['e0', 'marta', ['risks', 'measuresChanged']],
      ['e5', 'ilze', ['measuresRemoved']],
      ['e15', 'marta', ['risks']],
    ]);
    // A workflow step changes no content: nothing is logged.
    expect(logPlanEdit(four, { ...four, status: 'in_approval' }, edit('marta', 16)).edits).toEqual(four.edits);
  });
});

describe('the server’s check of an edit log', () => {
  const entry = (id: string, byUserId: string, parts: PlanEditEntry['parts'], end = 0): PlanEditEntry => ({
    id,
    firstAt: at(0),
    at: at(end),
    byUserId,
    parts,
  });
  const stored = [entry('a', 'marta', ['risks']), entry('b', 'ilze', ['measuresAdded'])];

  it('takes the pusher’s own new entries and their own entries continued', () => {
    expect(editLogProblem(undefined, [entry('a', 'marta', ['risks'])], 'marta')).toBeNull();
    expect(editLogProblem(stored, [...stored, entry('c', 'marta', ['evaluation'])], 'marta')).toBeNull();
    expect(
      editLogProblem(stored, [entry('a', 'marta', ['risks', 'measuresChanged'], 3), stored[1]!], 'marta'),
    ).toBeNull();
  });

  it('refuses entries in another’s name, rewritten or dropped ones, and a continuation that loses parts', () => {
    expect(editLogProblem(stored, [...stored, entry('c', 'ilze', ['risks'])], 'marta')).toEqual({
      code: 'planEditNotOwn',
      entryId: 'c',
    });
    expect(editLogProblem(stored, [stored[0]!, entry('b', 'ilze', ['risks'], 3)], 'marta')).toEqual({
      code: 'planEditRewritten',
    });
    expect(editLogProblem(stored, [stored[0]!], 'marta')).toEqual({ code: 'planEditRewritten' });
    expect(editLogProblem(stored, [entry('a', 'marta', ['measuresChanged'], 3), stored[1]!], 'marta')).toEqual({
      code: 'planEditRewritten',
    });
    expect(editLogProblem(stored, [...stored, entry('a', 'marta', ['risks'])], 'marta')).toEqual({
      code: 'planEditRewritten',
    });
  });
});

describe('merging two devices’ edit logs', () => {
  it('keeps both devices’ entries, the server’s first, and joins one person’s run continued on both', () => {
    const base = [{ id: 'a', firstAt: at(0), at: at(0), byUserId: 'marta', parts: ['risks'] }] as PlanEditEntry[];
    const phone = [{ ...base[0]!, at: at(6), parts: ['risks', 'measuresAdded'] }] as PlanEditEntry[];
    const laptop = [
      { ...base[0]!, at: at(3), parts: ['risks', 'evaluation'] },
      { id: 'b', firstAt: at(4), at: at(4), byUserId: 'ilze', parts: ['measuresRemoved'] },
    ] as PlanEditEntry[];
    expect(mergeEditLogs(phone, laptop)).toEqual([
      { id: 'a', firstAt: at(0), at: at(6), byUserId: 'marta', parts: ['risks', 'measuresAdded', 'evaluation'] },
      { id: 'b', firstAt: at(4), at: at(4), byUserId: 'ilze', parts: ['measuresRemoved'] },
    ]);
    const { merged, conflicts } = mergeDocuments(
      { ...plan, edits: base },
      { ...plan, edits: phone },
      { ...plan, edits: laptop },
    );
    expect(merged.edits?.map((e) => e.id)).toEqual(['a', 'b']);
    expect(conflicts).toEqual([]);
  });
});
