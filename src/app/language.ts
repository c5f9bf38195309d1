import { STORAGE_KEYS } from '../db';

export const languages = ['lv', 'en', 'ru'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'lv';

/**
 * Every namespace, one JSON file per language each (locales/<language>/<namespace>.json): the one line a new feature's
 * strings add outside its folder (i18next is told them before any language's chunk is loaded).
 */
export const namespaces = [
  'common',
  'account',
  'backup',
  'classImport',
  'compensations',
  'consultations',
  'hours',
  'learners',
  'notes',
  'plans',
  'profile',
  'programmeProfiles',
  'reports',
  'staffDevelopment',
  'sync',
  'users',
  'youthProjects',
] as const;
export type Namespace = (typeof namespaces)[number];
type Tree = { readonly [key: string]: string | Tree };
export type LanguageBundle = Readonly<Record<Namespace, Tree>>;

/**
 * A language's bundle from its locale files as Vite's glob gives them (path → JSON): each file's name is its
 * namespace. A file that is not in `namespaces` fails here, in every test that loads a language, rather than
 * sitting unused.
 */
export function bundleOf(files: Readonly<Record<string, unknown>>): LanguageBundle {
  const bundle: Record<string, Tree> = {};
  for (const [path, tree] of Object.entries(files)) {
    const namespace = /([^/]+)\.json$/.exec(path)?.[1] ?? path;
    if (!(namespaces as readonly string[]).includes(namespace))
      throw new Error(`${path}: namespace "${namespace}" is not listed in src/app/language.ts`);
    bundle[namespace] = tree as Tree;
  }
  const missing = namespaces.filter((n) => !(n in bundle));
  if (missing.length) throw new Error(`No locale file for namespace(s) ${missing.join(', ')}`);
  return bundle as LanguageBundle;
}

/**
 * One chunk per language (issue 13.11: the first load carried all three): a device loads the language it speaks, and
 * another one when the person switches. The service worker precaches all three, so any of them is there offline.
 */
const chunks: Record<Language, () => Promise<{ bundle: LanguageBundle }>> = {
  lv: () => import('./languages/lv'),
  en: () => import('./languages/en'),
  ru: () => import('./languages/ru'),
};

export const loadLanguage = async (language: Language): Promise<LanguageBundle> => (await chunks[language]()).bundle;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language last chosen on this device, Latvian before any choice. */
export function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEYS.language);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

export function rememberLanguage(language: string): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEYS.language, language);
  } catch {
    // Private mode or a full disk: the choice lasts for this visit only.
  }
}
