/**
 * Paths of values that lost a conflict (see mergeDocuments): dotted keys, list items by id — "className",
 * "consent.signedBy", "measures[m1].plannedSessions". Taking the lost value writes it back at its path.
 */
type Segment = { key: string } | { itemId: string };

export function parseConflictPath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/\[([^\]]*)\]|([^.[\]]+)/g)) {
    if (match[1] !== undefined) segments.push({ itemId: match[1] });
    else if (match[2] !== undefined) segments.push({ key: match[2] });
  }
  return segments;
}

/** The first key of the path: the field a person knows by name. */
export function conflictField(path: string): string {
  const first = parseConflictPath(path)[0];
  return first && 'key' in first ? first.key : path;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A copy of `doc` with `value` at `path`, or null when the path no longer leads anywhere (the list item was removed
 * since): nothing is written in that case rather than something half-right.
 */
export function withValueAt<T extends object>(doc: T, path: string, value: unknown): T | null {
  const segments = parseConflictPath(path);
  if (segments.length === 0) return null;
  const put = (node: unknown, rest: Segment[]): unknown => {
    const [head, ...tail] = rest;
    if (!head) return value;
    if ('key' in head) {
      if (!isObject(node)) return undefined;
      if (tail.length > 0 && node[head.key] === undefined) return undefined;
      const next = put(node[head.key], tail);
      if (next === undefined && tail.length > 0) return undefined;
      const others = Object.entries(node).filter(([k]) => k !== head.key);
      return Object.fromEntries(next === undefined ? others : [...others, [head.key, next]]);
    }
    if (!Array.isArray(node)) return undefined;
    const index = node.findIndex((item) => isObject(item) && item.id === head.itemId);
    if (index < 0) return undefined;
    const next = put(node[index], tail);
    if (next === undefined) return undefined;
    return node.map((item, i) => (i === index ? next : item));
  };
  const result = put(doc, segments);
  return isObject(result) ? (result as T) : null;
}
