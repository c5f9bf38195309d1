import { readdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from './harness/demo';
import { labelsIn } from './harness/labels';
import { PHONE, screenshots, seededApp } from './harness/seededApp';
import { AppShell } from './pages/AppShell';

const locales = new URL('../../locales/', import.meta.url).pathname;

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));

/**
 * Every translation key, with and without its namespace and plural suffix: i18next shows the key itself when a
 * string is missing, so a key on screen is a string someone forgot to translate or mistyped.
 */
async function translationKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const file of await readdir(`${locales}lv`)) {
    const namespace = file.replace(/\.json$/, '');
    const tree = JSON.parse(await readFile(`${locales}lv/${file}`, 'utf8')) as Tree;
    for (const key of flatten(tree)) {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      // One-word keys ("title", "empty") are ordinary words too; only dotted ones are unmistakably keys.
      for (const k of [key, base]) if (k.includes('.')) keys.add(k).add(`${namespace}:${k}`);
      keys.add(`${namespace}:${base}`);
    }
  }
  return keys;
}

/** Visible texts, labels and placeholders of the page that are translation keys. */
async function leakedKeys(page: Page, keys: Set<string>): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node.textContent?.trim() ?? '');
    for (const element of document.querySelectorAll('[aria-label],[placeholder],[title]'))
      for (const name of ['aria-label', 'placeholder', 'title']) found.push(element.getAttribute(name)?.trim() ?? '');
    return found.filter(Boolean);
  });
  return texts.filter((text) => keys.has(text));
}

describe('the screens speak English and Russian whole', () => {
  const app = seededApp({ device: PHONE });
  let keys: Set<string>;
  /** The language the screen is in before each walk: the walk switches from it. */
  let shell: AppShell;

  beforeAll(async () => {
    keys = await translationKeys();
    await app.signInAs('device', DEMO.teacher);
    shell = new AppShell(app.page('device'));
    // The "works offline now" prompt would sit over every screenshot: answer it as a person would.
    await shell.dismissOfflineReady();
  });

  it.each([
    ['en', 360, 740],
    ['ru', 1024, 768],
  ] as const)(
    '%s at %i px: learners, learner page, import, today, plans, settings',
    async (language, width, height) => {
      const page = app.page('device');
      const t = labelsIn(language);
      await page.setViewportSize({ width, height });
      // The same page models as in Latvian, reading this language's labels: a key missing in it fails here.
      shell = await shell.chooseLanguage(language, t);
      const check = async (screen: string) => {
        expect(await leakedKeys(page, keys), `${language} ${screen}`).toEqual([]);
        expect(await shell.overflow(), `${language} ${screen} fits`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${screenshots}${language}-${screen}-${width}.png`, fullPage: true });
      };

      const learners = await shell.learners();
      await check('learners');

      await learners.rows().first().getByRole('link').click();
      await page.locator('.learner-page, .page').first().waitFor();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('learner');

      await shell.learners();
      await page.getByRole('link', { name: t('classImport:open') }).click();
      await page.getByRole('heading', { name: t('classImport:title') }).waitFor();
      await page.getByLabel(t('classImport:file')).setInputFiles({
        name: 'list.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Surname;Name;Class;Date of birth\nValoda;Test;9.c;01.09.2012\nValoda;;9.c;31.02.2012\n'),
      });
      await page.getByText(t('classImport:summary.add', { count: 1 })).waitFor();
      await check('import');

      await shell.today();
      await check('today');

      await shell.plans();
      await check('plans');

      await shell.navLink('common:nav.settings').click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('settings');
    },
  );
});
