import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type AtbalstsDatabase } from './createDatabase';
import { createPlan, PlanExistsError, updatePlan } from './plans';

let db: AtbalstsDatabase;

beforeEach(async () => {
  db = await createDatabase({
    name: `plans${crypto.randomUUID().slice(0, 8)}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
    collections: ['plans'],
  });
});
afterEach(async () => {
  await db.close();
});

const autumn = { schoolYear: '2026/2027', semester: 1 as const };
const spring = { schoolYear: '2026/2027', semester: 2 as const };
const input = { learnerId: 'l1', schoolId: 's1', semester: autumn, preparerId: 'u1' };

describe('plan storage', () => {
  it('creates one draft per learner and semester, with its first history entry', async () => {
    const plan = await createPlan(db, input);
    expect(plan).toMatchObject({ status: 'draft', preparerIds: ['u1'], risks: [], measures: [] });
    expect(plan.history).toEqual([expect.objectContaining({ action: 'created', byUserId: 'u1', toStatus: 'draft' })]);
    await expect(createPlan(db, input)).rejects.toBeInstanceOf(PlanExistsError);
    await updatePlan(db, plan.id, (p) => ({ ...p, status: 'inactive' }));
    await expect(createPlan(db, input)).resolves.toMatchObject({ status: 'draft' });
  });

  it('carries over risks and measures from the previous plan under new ids, keeping their links', async () => {
    const previous = await createPlan(db, input);
    const filled = await updatePlan(db, previous.id, (p) => ({
      ...p,
      risks: [{ id: 'r-old', code: 'learning.difficulty_mastering', note: 'Matemātika' }],
      measures: [
        {
          id: 'm-old',
          kind: 'subject_consultation',
          riskIds: ['r-old'],
          justification: 'Grūtības',
          subject: 'maths',
          plannedSessions: 8,
        },
      ],
    }));
    const next = await createPlan(db, { ...input, semester: spring, from: filled });
    expect(next.history[0]?.action).toBe('created_from_previous');
    expect(next.risks).toEqual([
      { id: expect.not.stringMatching('r-old'), code: 'learning.difficulty_mastering', note: 'Matemātika' },
    ]);
    expect(next.measures[0]).toMatchObject({ subject: 'maths', plannedSessions: 8, riskIds: [next.risks[0]!.id] });
    expect(next.measures[0]!.id).not.toBe('m-old');
  });

  it('gives an edit one moment: the step it records and the plan’s updatedAt agree', async () => {
    const plan = await createPlan(db, input);
    let given = '';
    const saved = await updatePlan(db, plan.id, (p, now) => {
      given = now;
      // A slow change (a busy device) must not make the plan look edited again after its step.
      const until = Date.now() + 3;
      while (Date.now() < until);
      const step = { id: 'h2', at: now, byUserId: 'u1', action: 'submitted', toStatus: 'in_approval' } as const;
      return { ...p, history: [...p.history, step] };
    });
    expect(saved.updatedAt).toBe(given);
    expect(saved.history.at(-1)?.at).toBe(saved.updatedAt);
  });

  it('refuses a change that makes the plan invalid and keeps the stored one', async () => {
    const plan = await createPlan(db, input);
    await expect(updatePlan(db, plan.id, (p) => ({ ...p, preparerIds: [] }))).rejects.toThrow();
    expect((await db.plans.findOne(plan.id).exec())?.preparerIds).toEqual(['u1']);
  });

  it('stores plain JSON: no undefined keys inside measures', async () => {
    const plan = await createPlan(db, input);
    const saved = await updatePlan(db, plan.id, (p) => ({
      ...p,
      risks: [{ id: 'r1', code: 'family.low_involvement', note: '' }],
      measures: [
        {
          id: 'm1',
          kind: 'compensation',
          riskIds: ['r1'],
          justification: 'x',
          subject: undefined,
          compensationCategory: 'meals',
          plannedMonthlyCents: 5000,
        },
      ],
    }));
    expect(Object.keys(saved.measures[0]!)).not.toContain('subject');
  });
});

describe('a plan’s content edits, logged where they are made', () => {
  it('logs each content edit in the name of the person signed in, with the parts it changed', async () => {
    const signed = await createDatabase({
      name: `plansig${crypto.randomUUID().slice(0, 8)}`,
      storage: getRxStorageMemory(),
      multiInstance: false,
      collections: ['plans'],
      author: 'marta',
    });
    try {
      const plan = await createPlan(signed, input);
      expect(plan.edits).toBeUndefined();
      await updatePlan(signed, plan.id, (p) => ({
        ...p,
        risks: [{ id: 'r1', code: 'learning.difficulty_mastering', note: '' }],
      }));
      await updatePlan(signed, plan.id, (p) => ({ ...p, status: 'inactive' }));
      const stored = (await signed.plans.findOne(plan.id).exec())?.toJSON();
      expect(stored?.edits).toEqual([
        {
          id: expect.any(String),
          firstAt: expect.any(String),
          at: expect.any(String),
          byUserId: 'marta',
          parts: ['risks'],
        },
      ]);
    } finally {
      await signed.close();
    }
  });
});
