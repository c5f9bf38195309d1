import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordRefusal } from '../../sync/protocol/auth';
import { DEMO_PASSWORD } from '../seed/demoData';

/**
 * Which passwords a person may set (first administrator, new account, reset). Length alone let `1234567890` through.
 * zxcvbn (the `@zxcvbn-ts` port) estimates how many guesses a password takes, knowing ~49,000 common passwords,
 * keyboard walks, repeats, sequences, dates and l33t; we refuse below score 3 (fewer than 10^8 guesses): with
 * scrypt at 32 MiB a hash, that keeps a stolen hash out of reach for years. It also refuses what the attacker
 * knows first: the username, the person's name, and the demo password printed in the README (allowed only for the
 * seeded demo accounts, which are written without this check).
 */
export type { PasswordRefusal };

export const MIN_SCORE = 3;

/** Words anyone would try against this app first (Latvian ones are not in the library's common list). */
const APP_WORDS = ['atbalsts', 'parole', 'skola', 'pumpurs', 'skolotajs', 'latvija', 'riga', 'ezerkalni'];

let estimator: ZxcvbnFactory | null = null;
/** Built on first use: ranking the dictionaries takes a few hundred milliseconds, once per process. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/** Lower case, without diacritics or separators: "Kalniņa" and "kalnina", "ilze.kalnina" and "ilzekalnina" meet. */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

function variants(text: string): string[] {
  const parts = text.split(/[\s._-]+/).filter((p) => p.length >= 2);
  return [...new Set([text, folded(text), ...parts, ...parts.map(folded)].filter((v) => v.length >= 2))];
}

const isDictionaryMatch = (m: MatchExtended): m is MatchExtended & { matchedWord: string; dictionaryName: string } =>
  m.pattern === 'dictionary' && 'matchedWord' in m;

export function passwordRefusal(
  password: string,
  person: { username: string; displayName: string },
): PasswordRefusal | null {
  const plain = folded(password);
  if (plain.includes(folded(DEMO_PASSWORD))) return 'password_is_demo';
  const usernameWords = variants(person.username).map((w) => w.toLowerCase());
  const nameWords = variants(person.displayName).map((w) => w.toLowerCase());
  if (plain === folded(person.username)) return 'password_has_username';
  if (plain === folded(person.displayName)) return 'password_has_name';
  const result = zxcvbn().check(password, [...usernameWords, ...nameWords, ...APP_WORDS]);
  if (result.score >= MIN_SCORE) return null;
  // Too easy to guess: say so by what made it easy, when that is something of the person's own.
  const ownWords = result.sequence
    .filter(isDictionaryMatch)
    .filter((m) => m.dictionaryName === 'userInputs')
    .map((m) => m.matchedWord.toLowerCase());
  if (ownWords.some((w) => usernameWords.includes(w) && !nameWords.includes(w))) return 'password_has_username';
  if (ownWords.some((w) => nameWords.includes(w))) return 'password_has_name';
  return 'password_guessable';
}
