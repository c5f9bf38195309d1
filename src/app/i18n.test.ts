import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultProfile, profileLabelKeys } from '../domain';
import { createI18n, languages, namespaces, type Language } from './i18n';
import { resources } from './languages/all';

type Tree = { [key: string]: string | Tree };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  const reference = resources.lv as unknown as Record<string, Tree>;

  it.each(languages.filter((l) => l !== 'lv'))('%s has every Latvian key, with the same placeholders', (language) => {
    const other = resources[language] as unknown as Record<string, Tree>;
    for (const [namespace, tree] of Object.entries(reference)) {
      const otherTree = other[namespace] ?? {};
      expect(keys(otherTree).sort(), namespace).toEqual(keys(tree).sort());
      // Plural forms may differ ("No learners" for 0 in English, but "10 izglītojamo" in Latvian's zero category);
      // the _other form must carry the same placeholders.
      for (const key of keys(tree).filter((k) => !pluralSuffix.test(k) || k.endsWith('_other'))) {
        const get = (t: Tree) => key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part] ?? '', t);
        expect(placeholders(String(get(otherTree))), `${namespace}:${key}`).toEqual(placeholders(String(get(tree))));
      }
    }
  });

  it.each(languages)('%s has a plural form for every category its language uses', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const tree of Object.values(resources[language] as unknown as Record<string, Tree>)) {
      const plurals = new Set(
        keys(tree)
          .filter((k) => pluralSuffix.test(k))
          .map((k) => k.replace(pluralSuffix, '')),
      );
      for (const base of plurals) {
        for (const category of categories) expect(keys(tree), `${base}_${category}`).toContain(`${base}_${category}`);
      }
    }
  });

  it('has no empty strings', () => {
    for (const language of languages) {
      for (const tree of Object.values(resources[language] as unknown as Record<string, Tree>)) {
        const get = (key: string) =>
          key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part] ?? '', tree);
        for (const key of keys(tree)) expect(String(get(key)).trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });
});

describe('programme profile labels', () => {
  it.each(languages)('%s names every code of the default profile', (language) => {
    const i18n = createI18n(language, resources);
    for (const key of profileLabelKeys(defaultProfile)) {
      expect(i18n.exists(`profile:${key}`), `${language} profile:${key}`).toBe(true);
    }
  });
});

describe('one language at a time', () => {
  it('starts with the language it was given and loads another when the person switches', async () => {
    const asked = new Set<Language>();
    const i18n = createI18n('lv', { lv: resources.lv }, async (language) => {
      asked.add(language);
      return resources[language];
    });
    expect(i18n.t('chunkFailed.retry')).toBe('Mēģināt vēlreiz');
    expect(i18n.t('reports:nav')).toBe(resources.lv.reports.nav);
    expect([...asked]).toEqual([]);
    await i18n.changeLanguage('ru');
    expect([...asked]).toEqual(['ru']);
    expect(i18n.t('chunkFailed.retry')).toBe('Попробовать ещё раз');
    expect(i18n.t('reports:nav')).toBe(resources.ru.reports.nav);
  });
});

describe('every namespace is registered', () => {
  it.each(languages)(
    '%s: each locales file is in the language chunk and in the namespaces i18next loads',
    (language) => {
      const files = readdirSync(new URL(`../../locales/${language}/`, import.meta.url))
        .filter((file) => file.endsWith('.json'))
        .map((file) => file.replace(/\.json$/, ''))
        .sort();
      expect(Object.keys(resources[language]).sort()).toEqual(files);
      expect([...namespaces].sort()).toEqual(files);
    },
  );
});
