/**
 * Small counts in figures published beyond the school (the national level, issue 11): a count of 1–4 learners can
 * point at a person in a small school ("the one learner with a pregnancy risk"), so it is shown as "<5". Zero is
 * shown: it identifies nobody. Counts of records (consultations, cents) are not about one person and are not
 * suppressed by this; a caller applies it to counts of learners and to the shares made from them.
 *
 * One suppressed cell of a set whose total is shown can be worked out by subtraction (51 % + 44 % + "<5" of 43 is
 * 2). So within a set that adds up to a shown total, when exactly one cell is suppressed, the next smallest non-zero
 * cell is withheld too ("complementary suppression", as statistics offices do). It is shown as withheld, not as "<5":
 * it may well be 5 or more, and a published figure must not be false.
 */
export const SMALL_COUNT_THRESHOLD = 5;

/** A count as it may be published: the number, "<5" (with the threshold used), or withheld (see above). */
export type PublishedCount = number | `<${number}` | 'withheld';

export function suppressCount(count: number, threshold = SMALL_COUNT_THRESHOLD): PublishedCount {
  return count > 0 && count < threshold ? `<${threshold}` : count;
}

/** A share of a base: withheld (null) when its count is; a share of a count of 1–4 would tell the count. */
export function suppressShare(count: number, share: number | null, threshold = SMALL_COUNT_THRESHOLD): number | null {
  return count > 0 && count < threshold ? null : share;
}

/**
 * The cells of one set that adds up to a shown total (e.g. consultations only / economic only / both), each
 * suppressed when small, and one more when a single suppressed cell could be recovered from the total.
 */
export function suppressSmallCounts<K extends string>(
  cells: Readonly<Record<K, number>>,
  threshold = SMALL_COUNT_THRESHOLD,
): Record<K, PublishedCount> {
  const keys = Object.keys(cells) as K[];
  const small = new Set(keys.filter((k) => cells[k] > 0 && cells[k] < threshold));
  let withheld: K | undefined;
  if (small.size === 1)
    withheld = keys
      .filter((k) => !small.has(k) && cells[k] > 0)
      .sort((a, b) => cells[a] - cells[b] || a.localeCompare(b))[0];
  const published = (k: K): PublishedCount => (small.has(k) ? `<${threshold}` : k === withheld ? 'withheld' : cells[k]);
  return Object.fromEntries(keys.map((k) => [k, published(k)])) as Record<K, PublishedCount>;
}
