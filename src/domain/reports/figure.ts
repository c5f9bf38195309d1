/**
 * The shape every report figure has. A figure carries the ids behind it (sorted, without duplicates), so a screen can
 * open "the learners behind this number" and the device and the server, reading the same rows in any order, give
 * the same figure. What the ids are is named, so a screen knows which list to open.
 */
export type IdKind = 'learners' | 'plans' | 'consultations' | 'compensations' | 'users';

export interface CountFigure {
  count: number;
  idsOf: IdKind;
  ids: string[];
}

/** A count as a share of a base (e.g. learners supported). `share` is a ratio 0…1; null when the base is empty. */
export interface ShareFigure extends CountFigure {
  /** The size of the base the share is of. */
  base: number;
  share: number | null;
}

/** A sum of money in whole euro cents, with the compensation records it is the sum of. */
export interface MoneyFigure {
  cents: number;
  idsOf: 'compensations';
  ids: string[];
}

const sortedUnique = (ids: Iterable<string>) => [...new Set(ids)].sort();

export function countFigure(idsOf: IdKind, ids: Iterable<string>): CountFigure {
  const list = sortedUnique(ids);
  return { count: list.length, idsOf, ids: list };
}

export function shareFigure(idsOf: IdKind, ids: Iterable<string>, base: number): ShareFigure {
  const figure = countFigure(idsOf, ids);
  return { ...figure, base, share: base > 0 ? figure.count / base : null };
}

export function moneyFigure(records: readonly { id: string; amountCents: number }[]): MoneyFigure {
  const byId = new Map(records.map((r) => [r.id, r.amountCents]));
  let cents = 0;
  for (const amount of byId.values()) cents += amount;
  return { cents, idsOf: 'compensations', ids: sortedUnique(byId.keys()) };
}

/** Ids grouped under a key (a category, a risk code, a role): each key's set becomes a count or share figure. */
export class IdGroups {
  private readonly groups = new Map<string, Set<string>>();

  add(key: string, id: string): void {
    const set = this.groups.get(key);
    if (set) set.add(id);
    else this.groups.set(key, new Set([id]));
  }

  /** Every key of `keys` (so a figure of 0 is shown, not missing) plus any other key met in the data. */
  counts(idsOf: IdKind, keys: readonly string[] = []): Record<string, CountFigure> {
    return Object.fromEntries(this.keys(keys).map((k) => [k, countFigure(idsOf, this.groups.get(k) ?? [])]));
  }

  shares(idsOf: IdKind, base: number, keys: readonly string[] = []): Record<string, ShareFigure> {
    return Object.fromEntries(this.keys(keys).map((k) => [k, shareFigure(idsOf, this.groups.get(k) ?? [], base)]));
  }

  private keys(keys: readonly string[]): string[] {
    const extra = [...this.groups.keys()].filter((k) => !keys.includes(k)).sort();
    return [...keys, ...extra];
  }
}
