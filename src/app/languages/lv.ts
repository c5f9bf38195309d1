// The Latvian strings: one chunk, loaded when the language is chosen (src/app/language.ts). Every file in
// locales/lv/ is a namespace: a new feature's strings need no line here.
import { bundleOf, type LanguageBundle } from '../language';

export const bundle: LanguageBundle = bundleOf(
  import.meta.glob<Record<string, unknown>>('../../../locales/lv/*.json', { eager: true, import: 'default' }),
);
