import type { Learner } from '../learner';

const latvianCollator = new Intl.Collator('lv', { sensitivity: 'base', numeric: true });

/**
 * Lower-case without diacritics, so "berzina" finds "Bērziņa" and "семенов" finds "Семёнов": tablets often lack a
 * Latvian keyboard layout.
 */
export function normaliseForSearch(text: string): string {
  return text
    .toLocaleLowerCase('lv')
    .replace(/ё/g, 'е')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Matches first name, last name, "first last" and "last first", by prefix of any of them. */
export function matchesLearnerQuery(learner: Pick<Learner, 'firstName' | 'lastName'>, query: string): boolean {
  const q = normaliseForSearch(query);
  if (!q) return true;
  const first = normaliseForSearch(learner.firstName);
  const last = normaliseForSearch(learner.lastName);
  return [first, last, `${first} ${last}`, `${last} ${first}`].some((candidate) => candidate.includes(q));
}

/** Latvian alphabetical order: by last name, then first name (č after c, š after s…). */
export function compareLearners(
  a: Pick<Learner, 'firstName' | 'lastName'>,
  b: Pick<Learner, 'firstName' | 'lastName'>,
): number {
  return latvianCollator.compare(a.lastName, b.lastName) || latvianCollator.compare(a.firstName, b.firstName);
}

/** The distinct classes of the given learners in natural order: 5.a before 10.b. */
export function classNames(learners: readonly Pick<Learner, 'className'>[]): string[] {
  return [...new Set(learners.map((l) => l.className))].sort(latvianCollator.compare);
}
