import type { Language, LanguageBundle } from '../language';
import { bundle as en } from './en';
import { bundle as lv } from './lv';
import { bundle as ru } from './ru';

/** Every language at once, for tests (translation checks, components rendered in any language); the app loads one. */
export const resources: Readonly<Record<Language, LanguageBundle>> = { lv, en, ru };
