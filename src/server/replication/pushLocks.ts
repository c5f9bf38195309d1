import { createHash } from 'node:crypto';
import type { CollectionName } from '../../domain';
import type { Queryable } from '../store/store';
import type { ValidRow } from './documents';

/**
 * Transaction-scoped advisory locks for rules that depend on rows a push does not write, or that do not exist yet
 * (row locks cannot cover a compensation another process is about to insert). Two int keys: a namespace, and a
 * hash of the id (a collision only makes two pushes wait for each other, never lets one through).
 */
const NAMESPACES = {
  /** The compensations of one learner: the caps count them. */
  learnerCompensations: 7_414_201,
  /** The paid compensations of one plan: a plan with money paid on it cannot be deleted. */
  planPayments: 7_414_202,
  /** A youth competition and its applications: its commission is fixed once it has one (youthProjects.ts). */
  youthCompetition: 7_414_203,
} as const;

export interface PushLockKey {
  namespace: number;
  key: number;
}

const hashOf = (id: string) => createHash('sha256').update(id).digest().readInt32BE(0);
const lockOf = (namespace: keyof typeof NAMESPACES, id: string): PushLockKey => ({
  namespace: NAMESPACES[namespace],
  key: hashOf(id),
});

/** What a push must lock before its rules read anything, from the pushed documents alone. */
export function lockKeysFor(collection: CollectionName, rows: readonly ValidRow[]): PushLockKey[] {
  const keys: PushLockKey[] = [];
  for (const { id, next } of rows) {
    const doc = next as unknown as Record<string, unknown>;
    if (collection === 'compensations' && typeof doc.learnerId === 'string') {
      keys.push(lockOf('learnerCompensations', doc.learnerId));
      if (doc.status === 'paid' && typeof doc.planId === 'string' && doc.planId !== '')
        keys.push(lockOf('planPayments', doc.planId));
    }
    if (collection === 'plans' && next._deleted) keys.push(lockOf('planPayments', id));
    if (collection === 'youthprojects') {
      const application = doc.application as { competitionId?: unknown } | undefined;
      if (doc.kind === 'competition') keys.push(lockOf('youthCompetition', id));
      else if (typeof application?.competitionId === 'string')
        keys.push(lockOf('youthCompetition', application.competitionId));
    }
  }
  return keys;
}

/**
 * Takes the locks one by one in one global order (namespace, then key), so pushes that need several of them can
 * never wait for each other in a circle. Every push takes them before any row lock (writeDocuments locks its own
 * rows afterwards), and held locks are released only at commit or rollback.
 */
export async function takePushLocks(tx: Queryable, keys: readonly PushLockKey[]): Promise<void> {
  const unique = [...new Map(keys.map((k) => [`${k.namespace}:${k.key}`, k])).values()].sort(
    (a, b) => a.namespace - b.namespace || a.key - b.key,
  );
  for (const { namespace, key } of unique) {
    await tx.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [namespace, key]);
  }
}
