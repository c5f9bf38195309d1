import { jsonEquals } from '../merge/mergeDocuments';

export interface FormEdits<T> {
  /** Fields given a value the form was not opened with. */
  set: Partial<T>;
  /** Optional fields the form was opened with and that were emptied. */
  cleared: (keyof T)[];
}

/**
 * What a form changed, judged against the values it was opened with.
 *
 * A form stays open for minutes while sync brings a colleague's edits of the same record. Writing back every field
 * the form shows would silently put the values it was opened with over theirs. Only what the person changed is
 * written, onto the record as stored at save time; the rest keeps whatever arrived meanwhile.
 */
export function formEdits<T extends object>(openedWith: T, saved: T): FormEdits<T> {
  const set: Partial<T> = {};
  const cleared: (keyof T)[] = [];
  const keys = new Set([...Object.keys(openedWith), ...Object.keys(saved)] as (keyof T)[]);
  for (const key of keys) {
    const before = openedWith[key];
    const after = saved[key];
    if (jsonEquals(before, after)) continue;
    if (after === undefined) cleared.push(key);
    else set[key] = after;
  }
  return { set, cleared };
}

/** The stored record with a form's edits applied. */
export function applyFormEdits<R extends object, T extends object>(stored: R, edits: FormEdits<T>): R {
  const cleared = new Set<PropertyKey>(edits.cleared);
  const next = Object.entries({ ...stored, ...edits.set }).filter(([key]) => !cleared.has(key));
  return Object.fromEntries(next) as R;
}
