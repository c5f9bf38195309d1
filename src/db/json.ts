/**
 * Stored documents are JSON: a key whose value is undefined (zod keeps optional keys given as undefined) would
 * survive in IndexedDB but vanish on the server, and the two copies would never compare equal.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The same, all the way down: nested objects (a plan's measures, a consultation's attendees) included. */
export function plainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
