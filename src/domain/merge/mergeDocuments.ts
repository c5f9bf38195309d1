import type { PlanEditEntry } from '../plan';
import { mergeEditLogs } from './editLogs';
import { hasRisks, settleDuplicateRisks } from './planRisks';
import { isPlanLike, settleAppendedSteps } from './planSteps';

/**
 * Three-way merge of a document edited on two devices, against the state both started from (the common base).
 * Pure and deterministic: every device that merges the same three states gets the same result.
 *
 * - A field changed on one side only takes that side's value.
 * - Lists of items with an `id` (risks, measures, history, attendees…) merge item by item: additions from both sides
 *   are kept, a removal wins over an untouched item, an edit wins over a removal (nothing typed is lost).
 * - Nested objects merge field by field.
 * - A risk of a plan's grid ticked on both devices is one risk (planRisks.ts), not one per device.
 * - A plan's workflow steps taken here while the server's copy moved on are settled (planSteps.ts): a step that no
 *   longer applies is dropped and reported, and the status follows the steps kept.
 * - A plan's edit logs keep both sides' entries (editLogs.ts).
 * - Where both sides changed the same value differently, the server's value is kept (every device resolves against
 *   the same server state, so all converge) and the other value is reported, so a person can see it.
 */

export interface FieldConflict {
  /** Dotted path of the value, with list items by id, e.g. "measures[m1].plannedSessions". */
  path: string;
  kept: unknown;
  lost: unknown;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: FieldConflict[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Fields never merged as data: the id is the identity, the rest is storage bookkeeping or decided below. */
const SKIPPED_FIELDS = new Set(['id', '_deleted', '_rev', '_meta', '_attachments', 'updatedAt', 'updatedBy']);
const BOOKKEEPING = { _rev: undefined, _meta: undefined, updatedAt: undefined, updatedBy: undefined };

const STATUS_PATHS = new Set(['status', 'statusReason']);

export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEquals(v, b[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as JsonObject)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as JsonObject)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => jsonEquals((a as JsonObject)[k], (b as JsonObject)[k]));
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isListOfItemsWithId(value: unknown): value is JsonObject[] {
  return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.id === 'string');
}

function mergeValue(path: string, base: unknown, local: unknown, remote: unknown, out: FieldConflict[]): unknown {
  if (jsonEquals(local, remote)) return remote;
  if (jsonEquals(local, base)) return remote;
  if (jsonEquals(remote, base)) return local;
  if (isListOfItemsWithId(local) && isListOfItemsWithId(remote) && (base === undefined || isListOfItemsWithId(base))) {
    return mergeLists(path, base ?? [], local, remote, out);
  }
  if (isPlainObject(local) && isPlainObject(remote) && (base === undefined || isPlainObject(base))) {
    return mergeObjects(path, base ?? {}, local, remote, out);
  }
  out.push({ path, kept: remote, lost: local });
  return remote;
}

function mergeObjects(
  path: string,
  base: JsonObject,
  local: JsonObject,
  remote: JsonObject,
  out: FieldConflict[],
): JsonObject {
  const keys = [...new Set([...Object.keys(remote), ...Object.keys(local), ...Object.keys(base)])];
  const merged: JsonObject = {};
  for (const key of keys) {
    if (SKIPPED_FIELDS.has(key)) {
      if (remote[key] !== undefined) merged[key] = remote[key];
      continue;
    }
    const value = mergeValue(path ? `${path}.${key}` : key, base[key], local[key], remote[key], out);
    if (value !== undefined) merged[key] = value as Json;
  }
  return merged;
}

function mergeLists(
  path: string,
  base: JsonObject[],
  local: JsonObject[],
  remote: JsonObject[],
  out: FieldConflict[],
): JsonObject[] {
  const byId = (items: JsonObject[]) => new Map(items.map((item) => [item.id as string, item]));
  const [baseItems, localItems, remoteItems] = [byId(base), byId(local), byId(remote)];
  // Remote order first (what other devices already show), then items only this device added, in its order.
  const order = [...remoteItems.keys(), ...[...localItems.keys()].filter((id) => !remoteItems.has(id))];
  const merged: JsonObject[] = [];
  for (const id of order) {
    const [b, l, r] = [baseItems.get(id), localItems.get(id), remoteItems.get(id)];
    const itemPath = `${path}[${id}]`;
    if (l && r) merged.push(mergeObjects(itemPath, b ?? {}, l, r, out));
    else if (r) {
      // Removed here: honour the removal unless the other side edited the item meanwhile.
      if (!b || !jsonEquals(b, r)) merged.push(r);
    } else if (l) {
      if (!b || !jsonEquals(b, l)) merged.push(l);
    }
  }
  return merged;
}

/**
 * Merges `local` (this device's edit) and `remote` (the server's current state) against `base` (the server state the
 * local edit started from; null when unknown, e.g. both sides created the document).
 */
export function mergeDocuments<T extends object>(base: T | null | undefined, local: T, remote: T): MergeResult<T> {
  const conflicts: FieldConflict[] = [];
  const [b, l, r] = [(base ?? {}) as JsonObject, local as unknown as JsonObject, remote as unknown as JsonObject];
  let merged = mergeObjects('', b, l, r, conflicts);
  if (isPlanLike(r) && isPlanLike(merged)) {
    const settled = settleAppendedSteps(r, merged);
    if (settled.merged !== merged) {
      merged = settled.merged as unknown as JsonObject;
      // The status and its reason now follow the steps: a clash on them is told as the steps dropped, if any.
      const steps = settled.dropped.map((entry) => ({ path: `history[${entry.id}]`, kept: r.status, lost: entry }));
      conflicts.splice(0, conflicts.length, ...conflicts.filter((c) => !STATUS_PATHS.has(c.path)), ...steps);
    }
  }
  if (hasRisks(r) && hasRisks(merged)) {
    const settled = settleDuplicateRisks(r, merged);
    merged = settled.merged as unknown as JsonObject;
    conflicts.push(...settled.conflicts);
  }
  if (Array.isArray(l.edits) || Array.isArray(r.edits)) {
    // The edit logs keep both sides' entries (editLogs.ts); the field-by-field merge's clashes on them are no news.
    const edits = mergeEditLogs(l.edits as PlanEditEntry[] | undefined, r.edits as PlanEditEntry[] | undefined);
    if (edits) merged.edits = edits as unknown as Json;
    conflicts.splice(
      0,
      conflicts.length,
      ...conflicts.filter((c) => c.path !== 'edits' && !c.path.startsWith('edits[')),
    );
  }
  const later = [l.updatedAt, r.updatedAt]
    .filter((v): v is string => typeof v === 'string')
    .sort()
    .pop();
  if (later !== undefined) merged.updatedAt = later;
  const deleted = mergeDeleted(b, l, r);
  if (deleted !== undefined) merged._deleted = deleted;
  // The merge is signed by whoever's change is in it: the server's signer when nothing of this device's edit
  // survived, else this device's person, who pushes it (rules/authorship accepts no one else's name on a change).
  const signer = jsonEquals({ ...merged, ...BOOKKEEPING }, { ...r, ...BOOKKEEPING }) ? r.updatedBy : l.updatedBy;
  if (signer === undefined) delete merged.updatedBy;
  else merged.updatedBy = signer;
  return { merged: merged as unknown as T, conflicts };
}

/** A deletion on one side wins over an untouched document and loses to an edited one, as for list items. */
function mergeDeleted(base: JsonObject, local: JsonObject, remote: JsonObject): boolean | undefined {
  const [l, r] = [local._deleted === true, remote._deleted === true];
  if (local._deleted === undefined && remote._deleted === undefined) return undefined;
  if (l === r) return l;
  const changedFromBase = (side: JsonObject) =>
    !jsonEquals(
      { ...side, _deleted: undefined, updatedAt: undefined },
      { ...base, _deleted: undefined, updatedAt: undefined },
    );
  return l ? !changedFromBase(remote) : !changedFromBase(local);
}
