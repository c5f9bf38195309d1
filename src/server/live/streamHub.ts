import { collectionNames, type CollectionName } from '../../domain';
import { actorFor, type AuthenticatedUser } from '../auth/scope';
import type { Store } from '../store/store';
import type { Change, ChangeFeed } from './changeFeed';
import { hears, scopesOf, type ScopeFacts } from './changeScopes';

/** How often the sessions behind open streams are checked: a signed-out or revoked session's stream ends by then. */
export const SESSION_CHECK_MS = 2_000;

export interface OpenStream {
  userId: string;
  sessionId: string;
  /** The person's reach, refreshed whenever their directory entry (or a school) changes. */
  actor: AuthenticatedUser;
  send(data: string): void;
  end(): void;
}

const isCollection = (name: string): name is CollectionName => (collectionNames as readonly string[]).includes(name);

/**
 * The open streams of one process and what each may hear. A change is checked against each stream's reach in
 * memory, from the scopes published with it: no database query per stream per change. Changes are handled one at
 * a time, in order, so a reach refreshed by one change applies to the next.
 */
export class StreamHub {
  private readonly streams = new Set<OpenStream>();
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: Store,
    feed: ChangeFeed,
    private readonly sessionCheckMs = SESSION_CHECK_MS,
  ) {
    this.unsubscribe = feed.subscribe((change) => {
      this.queue = this.queue
        .then(() => this.deliver(change))
        .catch(() => {
          // The database is unreachable: devices still catch up by polling and on reconnect (RESYNC).
        });
    });
  }

  add(stream: OpenStream): void {
    this.streams.add(stream);
    this.timer ??= setInterval(() => void this.checkSessions().catch(() => {}), this.sessionCheckMs);
    this.timer.unref?.();
  }

  remove(stream: OpenStream): void {
    this.streams.delete(stream);
    if (!this.streams.size && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Ends every stream (the server is closing) and stops listening. */
  close(): void {
    this.unsubscribe();
    for (const stream of [...this.streams]) stream.end();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async deliver(change: Change): Promise<void> {
    if (!this.streams.size || !isCollection(change.collection)) return;
    const collection = change.collection;
    const scopes = change.scopes ?? (await scopesOf(this.store, collection, change.ids, 'latest'));
    if (collection === 'users') {
      const users = scopes === 'wide' ? null : idsIn(scopes, change.ids);
      await this.refresh((stream) => !users || users.has(stream.userId));
    }
    // A school created, removed or moved to another municipality changes the reach of the administrators, the
    // coordinators and the school's own staff; a municipality, that of administrators and coordinators (the national
    // one reaches every municipality).
    if (collection === 'schools' || collection === 'municipalities') {
      const places = scopes === 'wide' ? null : idsIn(scopes, change.ids);
      await this.refresh(
        ({ actor }) =>
          !places ||
          actor.roles.some(
            (role) => role === 'administrator' || role === 'municipal_coordinator' || role === 'national_coordinator',
          ) ||
          actor.user.schoolIds.some((school) => places.has(school)),
      );
    }
    const message = JSON.stringify({ collection });
    for (const stream of [...this.streams]) {
      if (scopes === 'wide' || hears(stream.actor, collection, scopes)) stream.send(message);
    }
  }

  /** Recomputes the reach of the streams chosen (once per person), ending those of disabled accounts. */
  private async refresh(affected: (stream: OpenStream) => boolean): Promise<void> {
    const byUser = new Map<string, OpenStream[]>();
    for (const stream of this.streams) {
      if (!affected(stream)) continue;
      byUser.set(stream.userId, [...(byUser.get(stream.userId) ?? []), stream]);
    }
    for (const [userId, streams] of byUser) {
      const actor = await actorFor(this.store, userId);
      for (const stream of streams) {
        if (!actor || !actor.user.active) stream.end();
        else stream.actor = actor;
      }
    }
  }

  /** One query for all open streams: those whose session was signed out, revoked or whose account is disabled end. */
  async checkSessions(): Promise<void> {
    if (!this.streams.size) return;
    const sessionIds = [...new Set([...this.streams].map((s) => s.sessionId))];
    const valid = await this.store.query<{ id: string }>(
      `SELECT s.id FROM sessions s JOIN accounts a ON a.user_id = s.user_id
        WHERE s.id = ANY($1::text[]) AND s.revoked_at IS NULL AND a.active AND s.refresh_expires_at > now()`,
      [sessionIds],
    );
    const live = new Set(valid.map((row) => row.id));
    for (const stream of [...this.streams]) if (!live.has(stream.sessionId)) stream.end();
  }
}

function idsIn(scopes: readonly ScopeFacts[], ids: readonly string[]): Set<string> {
  return new Set([...ids, ...scopes.map((s) => s.id).filter((id): id is string => id !== undefined)]);
}
