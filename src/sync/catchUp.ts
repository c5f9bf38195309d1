/** How far a device is in receiving what it is behind on (its first sync, or a long time offline). */
export interface CatchUpProgress {
  done: number;
  total: number;
}

/**
 * Sums the server's "remaining" counts over collections. A collection is counted from its first pull and for as
 * long as the server says more is waiting; once nothing is waiting anywhere, the progress is over (null).
 */
export class CatchUpTracker {
  private readonly byCollection = new Map<string, { received: number; remaining: number }>();
  private last: CatchUpProgress | null = null;

  constructor(private readonly publish: (progress: CatchUpProgress | null) => void) {}

  /** Counting costs the server a query, so it is asked only where progress is still unknown or unfinished. */
  shouldCount(collection: string, hasCheckpoint: boolean): boolean {
    return !hasCheckpoint || (this.byCollection.get(collection)?.remaining ?? 0) > 0;
  }

  record(collection: string, received: number, remaining: number | undefined): void {
    if (remaining === undefined) return;
    const before = this.byCollection.get(collection)?.received ?? 0;
    this.byCollection.set(collection, { received: before + received, remaining });
    const all = [...this.byCollection.values()];
    if (!all.some((c) => c.remaining > 0)) {
      this.byCollection.clear();
      this.emit(null);
      return;
    }
    const done = all.reduce((sum, c) => sum + c.received, 0);
    this.emit({ done, total: done + all.reduce((sum, c) => sum + c.remaining, 0) });
  }

  /** An empty collection finishing adds nothing to show. */
  private emit(progress: CatchUpProgress | null): void {
    if (progress?.done === this.last?.done && progress?.total === this.last?.total) return;
    this.last = progress;
    this.publish(progress);
  }
}
