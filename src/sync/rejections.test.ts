// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../test/fixtures/memoryDatabase';
import { STORAGE_KEYS, type AtbalstsDatabase } from '../db';
import type { Compensation } from '../domain';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase } from '../db/createDatabase';
import { discardRefusedChange, holdRefusedChanges, takeUpRefusedChange } from './discard';
import { sealServerState, setSealKey } from './refusalSeal';
import { forgetRejectionsOf, openRejections, pruneRejections, refusedIdsOf, useRejections } from './rejections';

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

describe('which push ends a refusal', () => {
  beforeEach(() => localStorage.clear());

  it('a change the server takes ends a refusal; a refused change the server replaced waits for the person', () => {
    openRejections('atbalsts_u_ilze');
    const { record, serverMoved } = useRejections.getState();
    record('plans', [], [{ id: 'p1', reason: 'planContentLocked', sealedRefusedState: 'sealed-30-sessions' }]);
    record('plans', [], [{ id: 'p2', reason: 'planContentLocked' }]);
    // p1: the director returned the plan, and that version replaced the refused edit on the device.
    serverMoved('plans', 'p1');
    // RxDB pushed the version its pull had just written (the one before as the assumed state); the server took it.
    useRejections.getState().record('plans', ['p1', 'p2'], []);

    const byDocument = useRejections.getState().byDocument;
    expect(byDocument['plans/p2']).toBeUndefined();
    expect(byDocument['plans/p1']).toMatchObject({
      reason: 'planContentLocked',
      superseded: true,
      sealedRefusedState: 'sealed-30-sessions',
    });
    // Refused again when it is sent again: a new refusal of the change now on the record.
    useRejections.getState().record('plans', [], [{ id: 'p1', reason: 'planStepNotAllowed' }]);
    expect(useRejections.getState().byDocument['plans/p1']?.reason).toBe('planStepNotAllowed');
  });
});

describe('which push ends a refusal, with nothing held', () => {
  beforeEach(() => localStorage.clear());

  it('a replaced refusal with no change sealed beside it ends as any other when a push is taken', () => {
    openRejections('atbalsts_u_ilze');
    useRejections.getState().record('plans', [], [{ id: 'p3', reason: 'planContentLocked' }]);
    useRejections.getState().serverMoved('plans', 'p3');
    useRejections.getState().record('plans', ['p3'], []);
    expect(useRejections.getState().byDocument['plans/p3']).toBeUndefined();
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
    expect([...refusedIdsOf(useRejections.getState().byDocument, 'compensations')]).toEqual(['c41']);
    useRejections.getState().serverMoved('compensations', 'c41');
    const refusal = useRejections.getState().byDocument['compensations/c41'];
    expect(refusal?.superseded).toBe(true);
    // The record holds the server's 30 € now: it counts in totals again, though the refused 40 € still waits.
    expect([...refusedIdsOf(useRejections.getState().byDocument, 'compensations')]).toEqual([]);
    if (!refusal) throw new Error('not recorded');
    await discardRefusedChange(db, refusal);
    expect((await db.compensations.findOne('c41').exec())?.amountCents).toBe(3000);
    expect(useRejections.getState().byDocument['compensations/c41']).toBeUndefined();
  });
});

/**
 * Issue 9: when the person's reach changes the device rebuilds its local copy from the server (session.ts). A refused
 * change exists only on the device (RxDB counts it as sent), so it must be kept beside its refusal, to take up or
 * discard afterwards — both a refused new record (the server never had it) and a refused edit of one it has.
 */
describe('rebuilding the local copy', () => {
  const AT = '2026-09-01T08:00:00.000Z';
  const meals = (id: string, amountCents: number): Compensation => ({
    id,
    createdAt: AT,
    updatedAt: AT,
    schoolId: 's1',
    learnerId: 'l1',
    planId: '',
    category: 'meals',
    month: '2026-09',
    amountCents,
    status: 'requested',
    note: 'Pusdienas',
  });
  const open = (name: string) =>
    createDatabase({ name, storage: getRxStorageMemory(), multiInstance: false, collections: ['compensations'] });

  beforeEach(() => localStorage.clear());
  afterEach(() => setSealKey(null));

  it('keeps refused changes, new and edited, to take up or discard after the rebuild', async () => {
    const name = `rebuild${crypto.randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    setSealKey({ key, owner: name });
    let db = await open(name);
    openRejections(name);
    await db.compensations.bulkInsert([meals('new-40', 4000), meals('edited', 6000)]);
    const server = await sealServerState(name, 'compensations', 'edited', {
      ...meals('edited', 2000),
      _deleted: false,
    });
    useRejections.getState().record(
      'compensations',
      ['new-40', 'edited'],
      [
        { id: 'new-40', reason: 'compensationOverCap' },
        { id: 'edited', reason: 'compensationOverCap', sealedServerState: server ?? '' },
      ],
    );

    await holdRefusedChanges(db);
    await db.remove();
    // The rebuilt copy: empty until the server's records arrive; refusals of records not (yet) there stay.
    db = await open(name);
    await pruneRejections(async (r) => Boolean(await db.compensations.findOne(r.id).exec()));
    expect(Object.keys(useRejections.getState().byDocument).sort()).toEqual([
      'compensations/edited',
      'compensations/new-40',
    ]);
    await db.compensations.insert(meals('edited', 2000));

    const held = useRejections.getState().byDocument;
    await takeUpRefusedChange(db, held['compensations/new-40']!);
    expect((await db.compensations.findOne('new-40').exec())?.amountCents).toBe(4000);
    await takeUpRefusedChange(db, held['compensations/edited']!);
    expect((await db.compensations.findOne('edited').exec())?.amountCents).toBe(6000);
    expect(useRejections.getState().byDocument).toEqual({});
    await db.remove();
  });

  it('discarding a held change leaves the rebuilt record as the server has it', async () => {
    const name = `rebuild${crypto.randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    setSealKey({ key, owner: name });
    let db = await open(name);
    openRejections(name);
    await db.compensations.insert(meals('kept', 6000));
    const server = await sealServerState(name, 'compensations', 'kept', { ...meals('kept', 2000), _deleted: false });
    useRejections
      .getState()
      .record(
        'compensations',
        ['kept'],
        [{ id: 'kept', reason: 'compensationOverCap', sealedServerState: server ?? '' }],
      );
    await holdRefusedChanges(db);
    await db.remove();
    db = await open(name);
    await db.compensations.insert(meals('kept', 2500));
    await discardRefusedChange(db, useRejections.getState().byDocument['compensations/kept']!);
    expect((await db.compensations.findOne('kept').exec())?.amountCents).toBe(2500);
    expect(useRejections.getState().byDocument).toEqual({});
    await db.remove();
  });
});
