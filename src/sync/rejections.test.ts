// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../test/fixtures/memoryDatabase';
import { STORAGE_KEYS, type AtbalstsDatabase } from '../db';
import type { Compensation } from '../domain';
import { discardRefusedChange } from './discard';
import { sealServerState, setSealKey } from './refusalSeal';
import { forgetRejectionsOf, openRejections, useRejections } from './rejections';

describe('refusals are kept per person', () => {
  beforeEach(() => localStorage.clear());

  it("one person's sign-out leaves another person's refusals on the device", () => {
    openRejections('atbalsts_u_marta');
    useRejections.getState().record('compensations', ['c1'], [{ id: 'c1', reason: 'compensationOverCap' }]);
    openRejections('atbalsts_u_ilze');
    useRejections.getState().record('learners', ['x1'], [{ id: 'x1', reason: 'outOfScope' }]);
    expect(Object.keys(useRejections.getState().byDocument)).toEqual(['learners/x1']);

    forgetRejectionsOf('atbalsts_u_ilze');
    openRejections('atbalsts_u_marta');
    expect(useRejections.getState().byDocument['compensations/c1']?.reason).toBe('compensationOverCap');
    expect(localStorage.getItem(`${STORAGE_KEYS.rejectionsPrefix}atbalsts_u_ilze`)).toBeNull();
  });

  it('takes up refusals kept under the old shared key once, for the next person who unlocks', () => {
    localStorage.setItem(
      STORAGE_KEYS.legacyRejections,
      JSON.stringify({ state: { byDocument: { 'plans/p1': 'planStepNotAllowed' } }, version: 0 }),
    );
    openRejections('atbalsts_u_ilze');
    expect(useRejections.getState().byDocument['plans/p1']?.reason).toBe('planStepNotAllowed');
    expect(localStorage.getItem(STORAGE_KEYS.legacyRejections)).toBeNull();
  });
});

describe('discarding a refused edit', () => {
  const AT = '2026-09-01T08:00:00.000Z';
  const meals = (amountCents: number): Compensation => ({
    id: 'c40',
    createdAt: AT,
    updatedAt: AT,
    schoolId: 's1',
    learnerId: 'l1',
    planId: '',
    category: 'meals',
    month: '2026-09',
    amountCents,
    status: 'requested',
    note: '',
  });
  let db: AtbalstsDatabase;
  beforeEach(async () => {
    localStorage.clear();
    db = await memoryDatabase(['compensations']);
    openRejections(db.name);
  });
  afterEach(async () => {
    setSealKey(null);
    await db.remove();
  });

  it('restores the state the server holds, sealed with the person’s key when the refusal came', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    setSealKey({ key, owner: db.name });
    await db.compensations.insert(meals(4000));
    const sealed = await sealServerState(db.name, 'compensations', 'c40', { ...meals(2000), _deleted: false });
    expect(sealed).not.toContain('2000');
    useRejections
      .getState()
      .record(
        'compensations',
        ['c40'],
        [{ id: 'c40', reason: 'compensationOverCap', sealedServerState: sealed ?? '' }],
      );
    const refusal = useRejections.getState().byDocument['compensations/c40'];
    if (!refusal) throw new Error('not recorded');
    await discardRefusedChange(db, refusal);
    expect((await db.compensations.findOne('c40').exec())?.amountCents).toBe(2000);
    expect(useRejections.getState().byDocument['compensations/c40']).toBeUndefined();
  });

  it('cannot restore while another person (or nobody) is unlocked', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    setSealKey({ key, owner: db.name });
    await db.compensations.insert(meals(4000));
    const sealed = (await sealServerState(db.name, 'compensations', 'c40', { ...meals(2000), _deleted: false })) ?? '';
    setSealKey(null);
    await expect(
      discardRefusedChange(db, {
        collection: 'compensations',
        id: 'c40',
        reason: 'x',
        at: AT,
        sealedServerState: sealed,
      }),
    ).rejects.toThrow();
    expect((await db.compensations.findOne('c40').exec())?.amountCents).toBe(4000);
  });

  it('keeps the server’s newer version when discarding a change it already replaced on the device', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    setSealKey({ key, owner: db.name });
    // The refused 40 € started from the server's 20 €; the server's next version (30 €) then replaced it here.
    const sealed = await sealServerState(db.name, 'compensations', 'c41', {
      ...meals(2000),
      id: 'c41',
      _deleted: false,
    });
    useRejections
      .getState()
      .record(
        'compensations',
        ['c41'],
        [{ id: 'c41', reason: 'compensationOverCap', sealedServerState: sealed ?? '' }],
      );
    await db.compensations.insert({ ...meals(3000), id: 'c41' });
    useRejections.getState().serverMoved('compensations', 'c41');
    const refusal = useRejections.getState().byDocument['compensations/c41'];
    expect(refusal?.superseded).toBe(true);
    if (!refusal) throw new Error('not recorded');
    await discardRefusedChange(db, refusal);
    expect((await db.compensations.findOne('c41').exec())?.amountCents).toBe(3000);
    expect(useRejections.getState().byDocument['compensations/c41']).toBeUndefined();
  });
});
