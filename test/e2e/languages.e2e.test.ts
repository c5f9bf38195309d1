import { mkdir, readdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { DEMO_TEACHER, SignInPage } from './pages/SignInPage';

const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;
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

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** What each screen is called in each language, and how to reach it without reloading (a reload locks the app). */
const WALK = {
  en: {
    language: 'English',
    languageLabel: 'Valoda',
    learners: 'Learners',
    importLink: 'Import a list',
    importTitle: 'Import a class list',
    file: 'File',
    newRows: 'New: 1',
    today: 'Today',
    plans: 'Plans',
    plansTitle: 'Support plans',
    settings: 'Settings',
  },
  ru: {
    language: 'Русский',
    languageLabel: 'Language',
    learners: 'Учащиеся',
    importLink: 'Импортировать список',
    importTitle: 'Импорт списка класса',
    file: 'Файл',
    newRows: 'Новые: 1',
    today: 'Сегодня',
    plans: 'Планы',
    plansTitle: 'Планы поддержки',
    settings: 'Настройки',
  },
} as const;

describe('the screens speak English and Russian whole', () => {
  let server: RunningServer;
  let device: Device;
  let keys: Set<string>;

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    keys = await translationKeys();
    server = await startServer();
    device = await openDevice({ width: 360, height: 740 });
    await device.page.goto(server.url);
    await new SignInPage(device.page).signIn(DEMO_TEACHER.username, DEMO_TEACHER.password);
    await device.page.locator('.learner-row').first().waitFor({ timeout: 30_000 });
    // The "works offline now" prompt would sit over every screenshot: answer it as a person would.
    const later = device.page.getByRole('button', { name: 'Vēlāk' });
    await later.waitFor({ timeout: 15_000 }).then(
      () => later.click(),
      () => undefined,
    );
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await device?.page
        .screenshot({ path: `${screenshots}FAILED-${task.name.replace(/\W+/g, '-')}.png`, fullPage: true })
        .catch(() => {});
    }
  });

  afterAll(async () => {
    await device?.close();
    await server?.stop();
  });

  it.each([
    ['en', 360, 740],
    ['ru', 1024, 768],
  ] as const)(
    '%s at %i px: learners, learner page, import, today, plans, settings',
    async (language, width, height) => {
      const { page } = device;
      const walk = WALK[language];
      await page.setViewportSize({ width, height });
      await page.getByLabel(walk.languageLabel).selectOption(language);
      // The language's strings come in a chunk of their own (issue 13.11): the switch follows their arrival.
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      const check = async (screen: string) => {
        expect(await leakedKeys(page, keys), `${language} ${screen}`).toEqual([]);
        expect(await overflow(page), `${language} ${screen} fits`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${screenshots}${language}-${screen}-${width}.png`, fullPage: true });
      };
      const go = async (link: string) => {
        await page.getByRole('navigation').getByRole('link', { name: link }).click();
      };

      await go(walk.learners);
      await page.getByRole('heading', { name: walk.learners, level: 1 }).waitFor();
      await check('learners');

      await page.locator('.learner-row a').first().click();
      await page.locator('.learner-page, .page').first().waitFor();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('learner');

      await go(walk.learners);
      await page.getByRole('link', { name: walk.importLink }).click();
      await page.getByRole('heading', { name: walk.importTitle }).waitFor();
      await page.getByLabel(walk.file).setInputFiles({
        name: 'list.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Surname;Name;Class;Date of birth\nValoda;Test;9.c;01.09.2012\nValoda;;9.c;31.02.2012\n'),
      });
      await page.getByText(walk.newRows).waitFor();
      await check('import');

      await go(walk.today);
      await page.getByRole('heading', { name: walk.today, level: 1 }).waitFor();
      await check('today');

      await go(walk.plans);
      await page.getByRole('heading', { name: walk.plansTitle, level: 1 }).waitFor();
      await check('plans');

      await go(walk.settings);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('settings');
    },
  );
});
