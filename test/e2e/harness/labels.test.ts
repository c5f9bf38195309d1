import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, labelsIn, t } from './labels';

const e2eDir = new URL('../', import.meta.url);

/** Every `t('namespace:key')` the browser tests and their page models write, with the file it stands in. */
function keysUsed(): { file: string; key: string }[] {
  const files = [
    ...readdirSync(e2eDir).map((f) => new URL(f, e2eDir)),
    ...readdirSync(new URL('pages/', e2eDir)).map((f) => new URL(`pages/${f}`, e2eDir)),
    ...readdirSync(new URL('harness/', e2eDir)).map((f) => new URL(`harness/${f}`, e2eDir)),
  ].filter((url) => url.pathname.endsWith('.ts') && !url.pathname.endsWith('labels.test.ts'));
  return files.flatMap((url) =>
    [...readFileSync(url, 'utf8').matchAll(/\bt\(\s*'([A-Za-z]+:[A-Za-z0-9_.]+)'/g)].map((m) => ({
      file: url.pathname.split('/test/e2e/')[1] ?? url.pathname,
      key: m[1] ?? '',
    })),
  );
}

describe('labels read from locales/', () => {
  it('reads a label as the screen shows it, in each language', () => {
    // Typed here from the screens, not read from the files: the oracle is what a person sees.
    expect(t('account:fields.username')).toBe('Lietotājvārds');
    expect(labelsIn('en')('account:fields.username')).toBe('Username');
    expect(labelsIn('ru')('account:fields.username')).toBe('Имя пользователя');
  });

  it('interpolates and picks the plural form as i18next does in the app', () => {
    expect(t('plans:measures.sessions', { count: 3 })).toBe('3 konsultācijas');
    // Latvian: 21 takes the singular.
    expect(t('plans:measures.sessions', { count: 21 })).toBe('21 konsultācija');
    expect(labelsIn('ru')('plans:measures.sessions', { count: 5 })).toBe('5 консультаций');
  });

  it('throws on a key that is not there, rather than answering with the key', () => {
    expect(() => t('account:fields.userName')).toThrow(/No label "account:fields.userName" in locales\/lv/);
    expect(() => t('fields.username')).toThrow(/names no namespace/);
    expect(() => labelsIn('en')('nosuch:title')).toThrow(/No label/);
  });

  it('has every key the browser tests ask for, in every language', () => {
    const used = keysUsed();
    expect(used.length).toBeGreaterThan(0);
    const missing = LANGUAGES.flatMap((language) => {
      const label = labelsIn(language);
      return used
        .filter(({ key }) => {
          // A plural key is asked for with its count: any count will do to know it is there.
          for (const values of [undefined, { count: 2 }])
            try {
              label(key, values);
              return false;
            } catch {
              // try the next
            }
          return true;
        })
        .map(({ file, key }) => `${language} ${file}: ${key}`);
    });
    expect(missing).toEqual([]);
  });
});
