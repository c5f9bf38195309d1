import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataKey, wrapDataKey, type AtbalstsDatabase } from '../../src/db';
import { BackupError, exportUnsentChanges, importBackup } from '../../src/sync/backup';
import { useSession } from '../../src/sync/auth/session';
import type { DeviceAccount } from '../../src/sync/auth/deviceAccounts';
import { PendingChanges } from '../../src/sync/pending';
import { learner } from '../fixtures/documents';
import { memoryDatabase } from '../fixtures/memoryDatabase';

const PASSWORD = 'ilzes-parole-2026';

/** A Storage in memory: Node has no localStorage, and the pending list lives there in the browser. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

let passwordKey: DeviceAccount['passwordKey'];
const open: AtbalstsDatabase[] = [];

beforeAll(async () => {
  passwordKey = await wrapDataKey(await createDataKey(), PASSWORD);
});
beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
});
afterEach(async () => {
  useSession.setState({ status: 'locked' });
  vi.unstubAllGlobals();
  await Promise.all(open.splice(0).map((db) => db.close()));
});

/** A device where `userId` is unlocked, its writes counted as pending the way the replication counts them. */
async function device(userId = 'user-ilze') {
  const db = await memoryDatabase(['learners', 'consultations']);
  open.push(db);
  const pending = new PendingChanges(`atbalsts.pending.${db.name}`);
  pending.track('learners', db.learners as never);
  const account: DeviceAccount = {
    userId,
    username: userId,
    displayName: userId,
    roles: ['teacher'],
    databaseName: db.name,
    passwordKey,
    sealedRefreshToken: 'sealed',
    lastSignInAt: '2026-12-01T08:00:00.000Z',
  };
  useSession.setState({ status: 'unlocked', account, db, signedInOnline: false });
  return { db, pending };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof BackupError ? error.problem : String(error)),
  );

const elza = learner({
  id: 'l-elza',
  firstName: 'Elza',
  lastName: 'Bezsaistes',
  updatedAt: '2026-12-01T09:00:00.000Z',
});
const janis = learner({
  id: 'l-janis',
  firstName: 'Jānis',
  lastName: 'Rezervists',
  updatedAt: '2026-12-01T09:05:00.000Z',
});

async function exportedFrom(...docs: ReturnType<typeof learner>[]) {
  const { db } = await device();
  for (const doc of docs) await db.learners.insert(doc);
  return exportUnsentChanges(PASSWORD);
}

describe('exporting what has not reached the server', () => {
  it('writes only the pending documents, encrypted: no name appears in the file', async () => {
    const { db, pending } = await device();
    await db.learners.insert(elza);
    await db.learners.insert(janis);
    pending.acknowledge('learners', ['l-janis'], []); // the server took Jānis already
    const file = await exportUnsentChanges(PASSWORD);
    expect(file.count).toBe(1);
    expect(file.text).not.toContain('Elza');
    expect(file.text).not.toContain('Bezsaistes');
    expect(JSON.parse(file.text)).toMatchObject({ format: 'atbalsts-unsent-changes', accountId: 'user-ilze' });
  });

  it('refuses a wrong password, and says when there is nothing to export', async () => {
    const { db } = await device();
    expect(await failure(exportUnsentChanges(PASSWORD))).toBe('nothingToExport');
    await db.learners.insert(elza);
    expect(await failure(exportUnsentChanges('not-the-password'))).toBe('wrongPassword');
  });
});

describe('importing a backup on the same account', () => {
  it('restores every record on a wiped device, as changes to send; again, changes nothing', async () => {
    const file = await exportedFrom(elza, janis);
    const { db } = await device();
    const progress: number[] = [];
    const summary = await importBackup(file.text, PASSWORD, (done) => progress.push(done));
    expect(summary).toEqual({ restore: 2, alreadyHere: 0, newerHere: 0 });
    expect(progress).toEqual([1, 2]);
    const restored = await db.learners.findByIds(['l-elza', 'l-janis']).exec();
    expect(restored.get('l-elza')?.toMutableJSON()).toEqual(elza);
    expect(JSON.parse(localStorage.getItem(`atbalsts.pending.${db.name}`) ?? '{}')).toEqual({
      learners: ['l-elza', 'l-janis'],
    });
    expect(await importBackup(file.text, PASSWORD)).toEqual({ restore: 0, alreadyHere: 2, newerHere: 0 });
  });

  it('keeps a record changed on this device since the backup, and says so', async () => {
    const file = await exportedFrom(elza, janis);
    const { db } = await device();
    const later = { ...elza, className: '9.c', updatedAt: '2026-12-01T12:00:00.000Z' };
    await db.learners.insert(later);
    expect(await importBackup(file.text, PASSWORD)).toEqual({ restore: 1, alreadyHere: 0, newerHere: 1 });
    expect((await db.learners.findOne('l-elza').exec())?.toMutableJSON()).toEqual(later);
  });

  it.each([
    ['a wrong password', (text: string) => text, 'wrong-password-here', 'wrongPassword'],
    ['a truncated file', (text: string) => text.slice(0, text.length / 2), PASSWORD, 'corrupt'],
    [
      'a file whose encrypted part was altered',
      (text: string) => {
        const envelope = JSON.parse(text) as { payload: string };
        const last = envelope.payload.at(-3) === 'A' ? 'B' : 'A';
        return JSON.stringify({
          ...envelope,
          payload: `${envelope.payload.slice(0, -3)}${last}${envelope.payload.slice(-2)}`,
        });
      },
      PASSWORD,
      'corrupt',
    ],
    [
      'a file claiming another time (the payload is bound to it)',
      (text: string) => JSON.stringify({ ...JSON.parse(text), createdAt: '2020-01-01T00:00:00.000Z' }),
      PASSWORD,
      'corrupt',
    ],
    ['not a backup at all', () => 'Uzvārds;Vārds\nBērziņa;Anna', PASSWORD, 'corrupt'],
  ])('%s: a clear reason, nothing written', async (_what, change, password, expected) => {
    const file = await exportedFrom(elza);
    const { db } = await device();
    expect(await failure(importBackup(change(file.text), password))).toBe(expected);
    expect(await db.learners.count().exec()).toBe(0);
  });

  it('refuses another account’s file before asking anything more, nothing written', async () => {
    const file = await exportedFrom(elza);
    const { db } = await device('user-marta');
    expect(await failure(importBackup(file.text, PASSWORD))).toBe('otherAccount');
    expect(await db.learners.count().exec()).toBe(0);
  });
});
