import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO_PASSWORD } from './harness/demo';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { axeProblems } from './harness/axe';
import { SignInPage, signOut } from './pages/SignInPage';

const TITLE = 'Skola–kopiena (pilots)';

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${screenshots}${name}-1024x768.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${screenshots}${name}-360x740.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
}

describe('programme profiles', () => {
  const app = seededApp({ device: TABLET });

  it('the administrator makes an edited copy and chooses it for this school year; a coordinator sees it', async () => {
    const page = app.page('device');
    await app.signIn('device', 'admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Programma' }).click({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Programmas profili', level: 1 }).waitFor();
    // This year's plans: PuMPuRS, with the two risks of seed 002; the demo's successor is there to look at.
    await page.getByText('PuMPuRS (2017–2023)', { exact: false }).first().waitFor();
    await page.getByText('Laulības', { exact: true }).waitFor();
    await page.getByText('Negatīva vienaudžu ietekme', { exact: true }).waitFor();
    await page.getByLabel('Skatīt profilu').selectOption({ label: 'Skola–kopiena' });
    await page.getByText('Atkarība no digitālajām ierīcēm').waitFor({ timeout: 30_000 });
    expect((await page.locator('.profile-view__caps').innerText()).replace(/\u00a0/g, ' ')).toContain('80,00 € mēnesī');
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, 'programme-profiles');

    await page.getByRole('link', { name: 'Izveidot labotu kopiju' }).click();
    await page.getByRole('heading', { name: /Jauns profils/ }).waitFor();
    await page.getByLabel('Nosaukums').fill('');
    await page.getByRole('button', { name: t('common:actions.save') }).click();
    await page.getByText('Ierakstiet nosaukumu.').waitFor();
    await page.getByLabel('Nosaukums').fill(TITLE);
    await page.getByLabel('Ēdināšana (€)').fill('95');
    await page.getByLabel('Jauns risks grupā „Citi riski”').fill('Bieža dzīvesvietas maiņa');
    await page.getByRole('button', { name: 'Pievienot' }).last().click();
    await page.getByText('Bieža dzīvesvietas maiņa').waitFor();
    await page.getByRole('button', { name: 'Noņemt risku „Darba uzsākšana”' }).click();
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, 'programme-profiles-form');
    await page.getByRole('button', { name: t('common:actions.save') }).click();

    await page.getByRole('heading', { name: 'Programmas profili', level: 1 }).waitFor();
    const year = (await page.locator('.profile-years__table tbody tr').nth(1).locator('th').innerText()).trim();
    await page.getByLabel(year, { exact: true }).selectOption({ label: TITLE });
    await page.getByText(`Mācību gadā ${year} jaunus plānus veido pēc profila „${TITLE}”.`).waitFor();
    expect((await page.locator('.profile-view__caps').innerText()).replace(/\u00a0/g, ' ')).toContain('95,00 € mēnesī');
    expect(await page.locator('.profile-view').innerText()).toContain('Bieža dzīvesvietas maiņa');
    expect(await page.locator('.profile-view').innerText()).not.toContain('Darba uzsākšana');
    expect(await axeProblems(page)).toEqual([]);

    // Signing out waits for the profiles to reach the server; the municipal coordinator's device pulls them.
    await signOut(page);
    await new SignInPage(page).signIn('inese.zarina', DEMO_PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Programma' }).click({ timeout: 30_000 });
    await page
      .getByText(`Mācību gadā ${year} jaunus plānus veido pēc profila „${TITLE}”.`)
      .waitFor({ timeout: 30_000 });
    // A coordinator reads; only the administrator edits.
    expect(await page.getByRole('link', { name: 'Izveidot labotu kopiju' }).count()).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${screenshots}programme-profiles-coordinator-360x740.png`, fullPage: true });
  });
});
