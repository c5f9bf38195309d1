import type { User } from '../organisation';
import { normaliseForSearch } from './learnerSearch';

const latvianCollator = new Intl.Collator('lv', { sensitivity: 'base', numeric: true });

/** Matches any part of the name or the username, without diacritics ("berzins" finds "Bērziņš"). */
export function matchesUserQuery(user: Pick<User, 'displayName' | 'username'>, query: string): boolean {
  const q = normaliseForSearch(query);
  if (!q) return true;
  return normaliseForSearch(user.displayName).includes(q) || normaliseForSearch(user.username).includes(q);
}

/** Latvian alphabetical order by the name as written, then by username (two people may share a name). */
export function compareUsers(a: Pick<User, 'displayName' | 'username'>, b: Pick<User, 'displayName' | 'username'>) {
  return latvianCollator.compare(a.displayName, b.displayName) || a.username.localeCompare(b.username);
}
