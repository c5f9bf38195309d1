import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { axeProblems } from './harness/axe';
import { signOut } from './pages/SignInPage';

/** The technical school's director records its events (demo seed). */
const DIRECTOR = 'rasa.kaleja';
/** A teacher of both demo schools, who takes part. */
const PARTICIPANT = { username: 'andris.ozols', name: 'Andris Ozols' };
const TITLE = 'Darbnīca: saruna ar jaunieti, kurš grib pamest skolu';

describe('staff development', () => {
  const app = seededApp({ device: TABLET });

  it('a director records a workshop with two teachers, and one of them sees its hours on their timesheet', async () => {
    const page = app.page('device');
    await app.signInAs('device', DIRECTOR);
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
    await page.getByRole('button', { name: t('common:actions.save') }).click();
    await page.getByText(t('common:validation.required')).first().waitFor();
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

    await page.getByRole('button', { name: t('common:actions.save') }).click();
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
    await app.signInAs('device', PARTICIPANT.username);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: t('common:nav.today') })
      .click();
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
