import { readdirSync, readFileSync } from 'node:fs';
import i18next, { type i18n, type ResourceLanguage } from 'i18next';

export const LANGUAGES = ['lv', 'en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A label by `namespace:key`, interpolated as the app's i18next does it (`{{count}}` picks the plural form). */
export type Label = (key: string, values?: Record<string, string | number>) => string;

const localesDir = new URL('../../../locales/', import.meta.url);

/** Every namespace of a language as the app has it: one JSON file each in locales/<language>/. */
function resourcesOf(language: Language): ResourceLanguage {
  const dir = new URL(`${language}/`, localesDir);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [
        file.replace(/\.json$/, ''),
        JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as ResourceLanguage,
      ]),
  );
}

const instances = new Map<Language, i18n>();

function instanceOf(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    const resources = resourcesOf(language);
    instance = i18next.createInstance();
    // The app's own settings (src/app/i18n.ts), so a label reads as the screen shows it.
    void instance.init({
      resources: { [language]: resources },
      lng: language,
      fallbackLng: false,
      ns: Object.keys(resources),
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    instances.set(language, instance);
  }
  return instance;
}

/**
 * The labels of one language, read from locales/ as the app reads them: a page model finds "Lietotājvārds" by
 * `account:fields.username`, so it follows a reworded string and walks the same screen in English or Russian. A key
 * that is missing throws (i18next would answer with the key itself, and the test would wait for a label that never
 * comes).
 */
export function labelsIn(language: Language = 'lv'): Label {
  const instance = instanceOf(language);
  return (key, values) => {
    if (!key.includes(':')) throw new Error(`Label "${key}" names no namespace (namespace:key)`);
    if (!instance.exists(key, values)) throw new Error(`No label "${key}" in locales/${language}`);
    return instance.t(key, values ?? {});
  };
}

/** The Latvian labels: the language the app starts in. */
export const t: Label = labelsIn('lv');
