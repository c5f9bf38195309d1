import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { DEMO_TEACHER, SignInPage, signOut } from './pages/SignInPage';

const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
/** The technical school's director records its events (demo seed). */
const DIRECTOR = 'rasa.kaleja';
/** A teacher of both demo schools, who takes part. */
const PARTICIPANT = { username: 'andris.ozols', name: 'Andris Ozols' };
const TITLE = 'Darbnīca: saruna ar jaunieti, kurš grib pamest skolu';

/** axe-core's serious and critical findings on the page as it stands (the accessibility test's rules, in short). */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

describe('staff development', () => {
  let server: RunningServer;
  let device: Device;

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    server = await startServer();
    device = await openDevice({ width: 1024, height: 768 });
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

  it('a director records a workshop with two teachers, and one of them sees its hours on their timesheet', async () => {
    const { page } = device;
    await page.goto(server.url);
    await new SignInPage(page).signIn(DIRECTOR, DEMO_TEACHER.password);
    await page.locator('.learner-row').first().waitFor({ timeout: 30_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Pilnveide' }).click();
    await page.getByRole('heading', { name: 'Darbinieku profesionālā pilnveide' }).waitFor();
    // The demo's events of this semester and the last (the 004 workshop among them, in the last one).
    await page.getByLabel('Semestris').selectOption({ index: 1 });
    await page.getByText('Darbnīcas pedagogiem', { exact: false }).waitFor();
    await page.getByLabel('Semestris').selectOption({ index: 0 });

    await page.getByRole('link', { name: 'Jauns pasākums' }).click();
    await page.getByRole('heading', { name: 'Jauns pilnveides pasākums' }).waitFor();
    await page.getByLabel('Veids').selectOption({ label: 'Darbnīca' });
    await page.getByLabel('Nosaukums').fill(TITLE);
    await page.getByLabel(/^Vadītājs vai organizētājs/).fill('Biedrība „Radošā pieeja”');
    await page.getByLabel('Stundas', { exact: true }).fill('');
    // Saved without hours: the message says so next to the field, and nothing is saved.
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByText('Aizpildiet šo lauku.').first().waitFor();
    await page.getByLabel('Stundas', { exact: true }).fill('12');
    await page.getByLabel(/^Citi dalībnieki/).fill('17');

    // Participants by keyboard: type in the search, Tab to the person's button, Enter.
    await page.getByLabel('Meklēt darbinieku').fill('Andris');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(`+ Pievienot ${PARTICIPANT.name} ${PARTICIPANT.username}`);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Noņemt ${PARTICIPANT.name}` }).waitFor();
    await page.getByLabel('Meklēt darbinieku').fill('Dace');
    await page.getByRole('button', { name: 'Pievienot Dace Liepa' }).click();
    await page.getByRole('button', { name: 'Noņemt Dace Liepa' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}staff-development-form-1024x768.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${screenshots}staff-development-form-360x740.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });

    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByRole('heading', { name: 'Darbinieku profesionālā pilnveide' }).waitFor();
    const item = page.locator('.staff-event').filter({ hasText: TITLE });
    await item.waitFor();
    expect(await item.innerText()).toContain('12 stundas');
    expect(await item.innerText()).toContain('2 darbinieki un 17 citi');
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}staff-development-1024x768.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${screenshots}staff-development-360x740.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });

    // Signing out waits for the event to reach the server (the question says what would be lost until then).
    await signOut(page);
    await new SignInPage(page).signIn(PARTICIPANT.username, DEMO_TEACHER.password);
    await page.locator('.learner-row').first().waitFor({ timeout: 30_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Šodien' }).click();
    await page.getByRole('link', { name: 'Mēneša darba laika uzskaite' }).click();
    const own = page.locator('.own-development');
    await own.getByRole('heading', { name: 'Profesionālā pilnveide' }).waitFor();
    await own.getByText(TITLE).waitFor({ timeout: 30_000 });
    expect(await own.innerText()).toMatch(/Šajā mēnesī\s+12 stundas/);
    expect(await axeProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${screenshots}staff-development-own-hours-360x740.png`, fullPage: true });
  });
});
