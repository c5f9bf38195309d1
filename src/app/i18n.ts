import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, loadLanguage, namespaces, rememberLanguage, type Language, type LanguageBundle } from './language';

export {
  defaultLanguage,
  isLanguage,
  languages,
  loadLanguage,
  namespaces,
  storedLanguage,
  type Language,
  type LanguageBundle,
} from './language';

type Load = (language: Language) => Promise<LanguageBundle>;

/** Gives i18next a language's namespaces from its chunk (loaded once: the module loader keeps it). */
function chunkBackend(load: Load): BackendModule {
  return {
    type: 'backend',
    init() {},
    read(language, namespace, callback) {
      if (!isLanguage(language)) {
        callback(new Error(`No such language: ${language}`), null);
        return;
      }
      load(language).then(
        (bundle) => callback(null, bundle[namespace as keyof LanguageBundle] ?? {}),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
      );
    },
  };
}

/**
 * An i18next instance in `language`, its strings given: the app passes the one language it loaded before rendering
 * (src/app/main.tsx) and loads another on a switch, which i18next awaits before it changes language; tests pass every
 * language. Every language has every key (i18n.test.ts), so there is no fallback language to load beside it.
 */
export function createI18n(
  language: Language,
  resources: Partial<Record<Language, LanguageBundle>>,
  load: Load = loadLanguage,
): i18n {
  const instance = i18next.createInstance();
  instance.use(chunkBackend(load));
  void instance.use(initReactI18next).init({
    resources,
    partialBundledLanguages: true,
    lng: language,
    fallbackLng: false,
    ns: [...namespaces],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
    rememberLanguage(lng);
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return instance;
}
