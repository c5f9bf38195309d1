import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/permissions';
import type { PlanHistoryEntry, PlanStatus, SupportPlan } from '../plan';
import { pumpurs2017 } from '../profile/pumpurs2017';
import { statusChangeProblem } from '../rules/planWorkflow';
import { mergeDocuments } from './mergeDocuments';

const AT = '2026-11-25T10:00:00.000Z';
const step = (
  id: string,
  byUserId: string,
  action: string,
  fromStatus: PlanStatus,
  toStatus: PlanStatus,
  reason?: string,
): PlanHistoryEntry => ({ id, at: AT, byUserId, action, fromStatus, toStatus, ...(reason ? { reason } : {}) });
const created = step('h0', 'prep', 'created', 'draft', 'draft');
const plan = (status: PlanStatus, history: PlanHistoryEntry[], statusReason?: string): SupportPlan => ({
  id: 'p1',
  createdAt: AT,
  updatedAt: AT,
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['prep'],
  status,
  ...(statusReason ? { statusReason } : {}),
  risks: [{ id: 'r1', code: 'learning.difficulty_mastering', note: '' }],
  measures: [
    {
      id: 'm1',
      kind: 'subject_consultation',
      riskIds: ['r1'],
      justification: 'J',
      subject: 'maths',
      plannedSessions: 4,
    },
  ],
  history,
});
const who = (userId: string, roles: Actor['roles']): Actor => ({
  userId,
  roles,
  schoolIds: ['s1'],
  municipalityIds: ['m1'],
});
const people: Record<string, Actor> = {
  prep: who('prep', ['teacher', 'plan_preparer']),
  dir: who('dir', ['director']),
  coord: who('coord', ['school_coordinator']),
};
const submit = (id: string) => step(id, 'prep', 'submit', 'draft', 'in_approval');
const sent = [created, step('s0', 'prep', 'submit', 'draft', 'in_approval')];

/**
 * Two devices take workflow steps on one plan while apart. Expected results are written from the rule in words: the
 * server's steps stand; each of this device's steps stands if the plan is still in the status it was taken from;
 * the status is where the kept steps lead; a dropped step is reported. The merged plan must then pass the server.
 */
describe('workflow steps from two devices', () => {
  it.each<[string, SupportPlan, SupportPlan, SupportPlan, string, PlanStatus, string[], string | undefined, string[]]>([
    [
      'one preparer sends the same draft from a phone and a tablet',
      plan('draft', [created]),
      plan('in_approval', [created, submit('a')]),
      plan('in_approval', [created, submit('b')]),
      'prep',
      'in_approval',
      ['h0', 'a'],
      undefined,
      ['b'],
    ],
    [
      'the director approves while the coordinator, offline, makes the plan inactive',
      plan('in_approval', sent),
      plan('in_approval', [...sent, step('a', 'dir', 'approve', 'in_approval', 'in_approval')]),
      plan('inactive', [...sent, step('b', 'coord', 'deactivate', 'in_approval', 'inactive', 'Aizgāja')], 'Aizgāja'),
      'coord',
      'inactive',
      ['h0', 's0', 'a', 'b'],
      'Aizgāja',
      [],
    ],
    [
      'both suspend: the server’s suspension and its reason stand',
      plan('in_progress', sent),
      plan('suspended', [...sent, step('a', 'dir', 'suspend', 'in_progress', 'suspended', 'Slimība')], 'Slimība'),
      plan('suspended', [...sent, step('b', 'prep', 'suspend', 'in_progress', 'suspended', 'Prombūtne')], 'Prombūtne'),
      'prep',
      'suspended',
      ['h0', 's0', 'a'],
      'Slimība',
      ['b'],
    ],
    [
      'steps here, a content edit there: the steps stand',
      plan('approved', sent),
      { ...plan('approved', sent), risks: [{ id: 'r1', code: 'learning.difficulty_mastering', note: 'edited' }] },
      plan('in_progress', [...sent, step('b', 'prep', 'start', 'approved', 'in_progress')]),
      'prep',
      'in_progress',
      ['h0', 's0', 'b'],
      undefined,
      [],
    ],
  ])('%s', (_case, base, remote, local, device, status, ids, reason, dropped) => {
    const { merged, conflicts } = mergeDocuments(base, local, remote);
    expect(merged.status).toBe(status);
    expect(merged.history.map((h) => h.id)).toEqual(ids);
    expect(merged.statusReason).toBe(reason);
    expect(conflicts.filter((c) => c.path.startsWith('history[')).map((c) => (c.lost as PlanHistoryEntry).id)).toEqual(
      dropped,
    );
    const context = {
      actor: people[device]!,
      school: { id: 's1', municipalityId: 'm1', stateFounded: false },
      learner: { programme: 'general' as const },
      profile: pumpurs2017,
    };
    expect(statusChangeProblem(remote, merged, context)).toBeNull();
  });
});
