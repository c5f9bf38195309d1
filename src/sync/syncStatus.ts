import { create } from 'zustand';
import type { CatchUpProgress } from './catchUp';

/** The facts sync knows, each set where it happens; what they mean for the person is `syncStateOf`. */
export interface SyncStatus {
  /** navigator.onLine and its events. */
  online: boolean;
  /** Changes made on this device that the server has not accepted yet (refused ones are not waiting). */
  pending: number;
  /** Pushes under way right now. */
  sending: number;
  /** When the server last answered a request (pull, push, health check or the live stream's connect). */
  lastSuccessAt: number | null;
  /** When a request last failed for want of the server (network error, 5xx). */
  lastErrorAt: number | null;
  /** Failed requests since the last answer; the first one's time is `unreachableSince`. */
  errorsSinceSuccess: number;
  unreachableSince: number | null;
  /** While the device receives a backlog (its first sync): how much has arrived of how much. */
  catchUp: CatchUpProgress | null;
}

export type SyncState =
  | { kind: 'offline' }
  | { kind: 'unreachable'; since: number }
  | { kind: 'sending' }
  | { kind: 'attention'; count: number }
  | { kind: 'waiting'; count: number }
  | { kind: 'synced'; at: number }
  | { kind: 'never' };

export interface SyncFacts {
  online: boolean;
  pending: number;
  sending: number;
  /** Records the server refused and the device still holds: they need the person. */
  refused: number;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  errorsSinceSuccess: number;
  unreachableSince: number | null;
}

/**
 * What is true now, in order of what the person must know first: no network at all; the server not answering (any
 * failure since the last answer — one answer clears it); a push under way; refused records; changes waiting; else
 * the time of the last answer.
 */
export function syncStateOf(facts: SyncFacts): SyncState {
  if (!facts.online) return { kind: 'offline' };
  const failedSinceAnswer =
    facts.errorsSinceSuccess > 0 &&
    facts.lastErrorAt !== null &&
    (facts.lastSuccessAt === null || facts.lastErrorAt >= facts.lastSuccessAt);
  if (failedSinceAnswer) return { kind: 'unreachable', since: facts.unreachableSince ?? facts.lastErrorAt ?? 0 };
  if (facts.sending > 0) return { kind: 'sending' };
  if (facts.refused > 0) return { kind: 'attention', count: facts.refused };
  if (facts.pending > 0) return { kind: 'waiting', count: facts.pending };
  if (facts.lastSuccessAt !== null) return { kind: 'synced', at: facts.lastSuccessAt };
  return { kind: 'never' };
}

/** What the UI may know of sync: a status, never the network itself. */
export const useSyncStatus = create<SyncStatus>(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  pending: 0,
  sending: 0,
  lastSuccessAt: null,
  lastErrorAt: null,
  errorsSinceSuccess: 0,
  unreachableSince: null,
  catchUp: null,
}));

/** The server answered: whatever failed before, it is reachable now. */
export function reportAnswer(at = Date.now()): void {
  useSyncStatus.setState({ lastSuccessAt: at, errorsSinceSuccess: 0, unreachableSince: null });
}

/** A request failed for want of the server. */
export function reportFailure(at = Date.now()): void {
  const s = useSyncStatus.getState();
  useSyncStatus.setState({
    lastErrorAt: at,
    errorsSinceSuccess: s.errorsSinceSuccess + 1,
    unreachableSince: s.unreachableSince ?? at,
  });
}

export function reportSending(delta: 1 | -1): void {
  useSyncStatus.setState((s) => ({ sending: Math.max(0, s.sending + delta) }));
}
