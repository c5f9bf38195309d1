/** Client-generated ids, so records can be created offline and never collide across devices. */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}
