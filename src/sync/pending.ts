import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import { useSyncStatus } from './syncStatus';
import { STORAGE_KEYS } from '../db';

/**
 * Counts the changes made on this device that the server has not yet acknowledged, for the sync indicator.
 * Writes by the replication itself (RxDB marks them with a "replication-downstream-" context) are not changes of
 * this device; every other write is, until a push that carried it comes back without a conflict.
 */
export class PendingChanges {
  private readonly byCollection = new Map<string, Set<string>>();
  private readonly subscriptions: Subscription[] = [];
  private readonly remembered: Record<string, string[]>;

  /** Remembered per database across reloads: after an offline reload the count must still be right. */
  constructor(private readonly storageKey: string) {
    this.remembered = this.load();
  }

  private load(): Record<string, string[]> {
    try {
      return JSON.parse(globalThis.localStorage?.getItem(this.storageKey) ?? '{}') as Record<string, string[]>;
    } catch {
      return {};
    }
  }

  track(name: string, collection: RxCollection): void {
    const ids = new Set<string>(this.remembered[name] ?? []);
    this.byCollection.set(name, ids);
    this.publish();
    this.subscriptions.push(
      collection.eventBulks$.subscribe((bulk) => {
        if (bulk.context.startsWith('replication-downstream-')) return;
        for (const event of bulk.events) ids.add(event.documentId);
        this.publish();
      }),
    );
  }

  acknowledge(name: string, pushedIds: readonly string[], conflictIds: readonly string[]): void {
    const ids = this.byCollection.get(name);
    if (!ids) return;
    const stillOpen = new Set(conflictIds);
    for (const id of pushedIds) if (!stillOpen.has(id)) ids.delete(id);
    this.publish();
  }

  private publish(): void {
    let total = 0;
    const snapshot: Record<string, string[]> = {};
    for (const [name, ids] of this.byCollection) {
      total += ids.size;
      if (ids.size) snapshot[name] = [...ids];
    }
    useSyncStatus.setState({ pending: total });
    try {
      globalThis.localStorage?.setItem(this.storageKey, JSON.stringify(snapshot));
    } catch {
      // Storage full or unavailable: the count is still right until the next reload.
    }
  }

  stop(): void {
    this.subscriptions.forEach((s) => s.unsubscribe());
    this.byCollection.clear();
    useSyncStatus.setState({ pending: 0 });
  }

  /** Signing out wipes the database, and with it what was waiting. */
  forget(): void {
    globalThis.localStorage?.removeItem(this.storageKey);
  }
}

/**
 * What PendingChanges remembers for one database (collection → ids of documents the server has not yet accepted),
 * read without starting a replication: to count what a wipe loses, and to export it as a backup.
 */
export function rememberedPending(databaseName: string): Record<string, string[]> {
  try {
    const parsed = JSON.parse(
      globalThis.localStorage?.getItem(`${STORAGE_KEYS.pendingPrefix}${databaseName}`) ?? '{}',
    ) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const result: Record<string, string[]> = {};
    for (const [name, ids] of Object.entries(parsed)) {
      if (Array.isArray(ids)) result[name] = ids.filter((id): id is string => typeof id === 'string');
    }
    return result;
  } catch {
    return {};
  }
}

export const countRemembered = (remembered: Record<string, string[]>): number =>
  Object.values(remembered).reduce((sum, ids) => sum + ids.length, 0);
