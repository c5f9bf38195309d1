/** How far a device is in receiving what it is behind on (its first sync, or a long time offline). */
export interface CatchUpProgress {
  done: number;
  total: number;
}

/**
 * Sums the server's "remaining" counts over collections. A collection is counted from its first pull and for as
 * long as more is waiting; once nothing is waiting anywhere, the progress is over (null).
 *
 * The server counts a collection once, at its first pull: counting scans every row still to come, so counting at
 * every pull made a first sync quadratic. After that the device subtracts what each pull brings, and asks again only
 * when its estimate runs out while the server still sends full batches (rows written meanwhile). A batch shorter
 * than asked for means the collection is caught up.
 */
export class CatchUpTracker {
  private readonly byCollection = new Map<string, { received: number; remaining: number; recount: boolean }>();
  private last: CatchUpProgress | null = null;

  constructor(private readonly publish: (progress: CatchUpProgress | null) => void) {}

  /** Whether the next pull of this collection should ask the server to count what remains. */
  shouldCount(collection: string, hasCheckpoint: boolean): boolean {
    const known = this.byCollection.get(collection);
    return known ? known.recount : !hasCheckpoint;
  }

  /**
   * What one pull brought: `received` rows, the server's count when it was asked (`remaining`), and whether the
   * batch was full (more may be waiting).
   */
  record(collection: string, received: number, remaining: number | undefined, full: boolean): void {
    const known = this.byCollection.get(collection);
    if (remaining === undefined && !known) return;
    const estimate = !full ? 0 : (remaining ?? Math.max(0, (known?.remaining ?? 0) - received));
    const recount = full && estimate === 0;
    this.byCollection.set(collection, { received: (known?.received ?? 0) + received, remaining: estimate, recount });
    const all = [...this.byCollection.values()];
    if (!all.some((c) => c.remaining > 0 || c.recount)) {
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
