import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { DEMO_TEACHER, SignInPage, signOut } from './pages/SignInPage';

const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const TITLE = 'Skola–kopiena (pilots)';

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

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${screenshots}${name}-1024x768.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${screenshots}${name}-360x740.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
}

describe('programme profiles', () => {
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

  it('the administrator makes an edited copy and chooses it for this school year; a coordinator sees it', async () => {
    const { page } = device;
    await page.goto(server.url);
    await new SignInPage(page).signIn('admin', DEMO_TEACHER.password);
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
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByText('Ierakstiet nosaukumu.').waitFor();
    await page.getByLabel('Nosaukums').fill(TITLE);
    await page.getByLabel('Ēdināšana (€)').fill('95');
    await page.getByLabel('Jauns risks grupā „Citi riski”').fill('Bieža dzīvesvietas maiņa');
    await page.getByRole('button', { name: 'Pievienot' }).last().click();
    await page.getByText('Bieža dzīvesvietas maiņa').waitFor();
    await page.getByRole('button', { name: 'Noņemt risku „Darba uzsākšana”' }).click();
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, 'programme-profiles-form');
    await page.getByRole('button', { name: 'Saglabāt' }).click();

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
    await new SignInPage(page).signIn('inese.zarina', DEMO_TEACHER.password);
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
