import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems } from './harness/axe';
import { t } from './harness/labels';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { signOut } from './pages/SignInPage';

/** The demo municipality's coordinator announces and decides; the commission is a teacher and the psychologist. */
const COORDINATOR = 'inese.zarina';
const MEMBERS = [
  {
    username: 'andris.ozols',
    name: 'Andris Ozols',
    scores: [
      ['9', '4'],
      ['6', '3'],
    ],
  },
  {
    username: 'dace.liepa',
    name: 'Dace Liepa',
    scores: [
      ['8', '5'],
      ['5', '2'],
    ],
  },
] as const;
const TITLE = 'Pavasara kārta: jauniešu iniciatīvas';
const FIRST = 'Biedrība „Jaunie līderi”';
const SECOND = 'Nodibinājums „Ceļš”';

async function shoot(page: Page, name: string) {
  expect(await axeProblems(page)).toEqual([]);
  await page.screenshot({ path: `${screenshots}youth-${name}-1024x768.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await axeProblems(page)).toEqual([]);
  await page.screenshot({ path: `${screenshots}youth-${name}-360x740.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
}

async function openCompetition(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Konkursi' }).click();
  await page.getByRole('heading', { name: 'Jaunatnes iniciatīvu projekti', exact: true }).waitFor();
  await page.getByRole('link', { name: TITLE }).click({ timeout: 30_000 });
  await page.getByRole('heading', { name: TITLE }).waitFor();
}

describe('youth initiative projects', () => {
  const app = seededApp({ device: TABLET });

  it('announce, two applications, two members score, one approved at 4600 € and another amount refused', async () => {
    const page = app.page('device');
    await app.signInAs('device', COORDINATOR);
    await page.getByRole('navigation').getByRole('link', { name: 'Konkursi' }).click();
    await page.getByRole('heading', { name: 'Jaunatnes iniciatīvu projekti', exact: true }).waitFor();
    // The demo's call: "6 applied, 3 approved".
    await page.getByText('6 pieteikumi, 3 apstiprināti').waitFor({ timeout: 30_000 });
    await shoot(page, 'list');

    await page.getByRole('link', { name: 'Izsludināt konkursu' }).click();
    await page.getByRole('heading', { name: 'Jauns projektu konkurss' }).waitFor();
    await page.getByLabel('Nosaukums').fill(TITLE);
    await page.getByLabel('Iesniegšanas termiņš').fill('2099-04-14');
    await page.getByLabel(/^Konkursa budžets/).fill('46000');
    await page.getByLabel('Vērtēšanas kritēriji').fill('Atbilstība mērķiem; 10\nRiska jauniešu iesaiste; 5');
    await page.getByLabel('Nepieciešamie dokumenti').fill('Projekta iesnieguma veidlapa\nProjekta budžets');
    for (const m of MEMBERS) await page.getByLabel(m.name).check();
    await shoot(page, 'announce');
    await page.getByRole('button', { name: 'Izsludināt' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();

    for (const [organisation, months] of [
      [FIRST, '19'],
      [SECOND, '6'],
    ] as const) {
      await page.getByRole('link', { name: 'Jauns pieteikums' }).click();
      await page.getByRole('heading', { name: 'Jauns pieteikums' }).waitFor();
      await page.getByLabel('Organizācija').fill(organisation);
      await page.getByLabel('Projekta nosaukums').fill(`${organisation}: projekts`);
      await page.getByLabel('Riska grupas jaunieši').fill('12');
      await page.getByLabel('Ilgums, mēneši').fill(months);
      await page.getByLabel('Projekta iesnieguma veidlapa').check();
      await page.getByRole('button', { name: t('common:actions.save') }).click();
      if (months === '19') {
        // 19 months is past the programme's 18: the form says so and keeps what was typed.
        await page.getByText('Projekta ilgums ir no 3 līdz 18 mēnešiem.').waitFor();
        await shoot(page, 'application-form');
        await page.getByLabel('Ilgums, mēneši').fill('12');
        await page.getByRole('button', { name: t('common:actions.save') }).click();
      }
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await page.getByRole('link', { name: organisation }).waitFor();
    }
    await signOut(page);

    for (const member of MEMBERS) {
      await app.signInAs('device', member.username);
      await openCompetition(page);
      await page.getByText('Jūs esat šī konkursa vērtēšanas komisijā', { exact: false }).waitFor();
      for (const [i, organisation] of [FIRST, SECOND].entries()) {
        await page.getByRole('link', { name: organisation }).click({ timeout: 30_000 });
        await page.getByRole('heading', { name: organisation, exact: true }).waitFor();
        const [fit = '', risk = ''] = member.scores[i] ?? [];
        await page.getByLabel('Atbilstība mērķiem (0–10)').fill(fit);
        await page.getByLabel('Riska jauniešu iesaiste (0–5)').fill(risk);
        if (i === 0 && member === MEMBERS[0]) await shoot(page, 'scoring');
        await page.getByRole('button', { name: 'Saglabāt vērtējumus' }).click();
        await page.getByText('Vērtējumi saglabāti.').waitFor();
        await page.getByRole('link', { name: TITLE }).click();
        await page.getByRole('heading', { name: TITLE }).waitFor();
      }
      await signOut(page);
    }

    await app.signInAs('device', COORDINATOR);
    await openCompetition(page);
    // Totals by hand: FIRST 9+4=13 and 8+5=13 → 13; SECOND 6+3=9 and 5+2=7 → 8.
    const rows = page.getByTestId('ranking-row');
    await expect
      .poll(async () => (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()), { timeout: 30_000 })
      .toEqual([
        expect.stringMatching(new RegExp(`^1 ${FIRST} .* Iesniegts 13 novērtējuši 2 no 2$`)),
        expect.stringMatching(new RegExp(`^2 ${SECOND} .* Iesniegts 8 novērtējuši 2 no 2$`)),
      ]);
    await shoot(page, 'ranking');

    await page.getByRole('link', { name: FIRST }).click();
    await page.getByRole('heading', { name: FIRST, exact: true }).waitFor();
    await page.getByText('Vidējais vērtējums: 13 no 15').waitFor();
    await page.getByLabel('Piešķirtais finansējums, €').fill('5000');
    await page.getByRole('button', { name: 'Saglabāt lēmumu' }).click();
    await page.getByText('Finansējums ir tieši 4600 € — ne vairāk un ne mazāk.').waitFor();
    await shoot(page, 'decision-refused');
    await page.getByLabel('Piešķirtais finansējums, €').fill('4600');
    await page.getByRole('button', { name: 'Saglabāt lēmumu' }).click();
    await expect.poll(() => page.getByTestId('application-status').innerText()).toBe('Apstiprināts');
    await page.getByText('piešķirti 4600,00 €').waitFor();
    await shoot(page, 'approved');

    await page.getByRole('link', { name: TITLE }).click();
    await page.getByTestId('competition-summary').getByText('2 pieteikumi, 1 apstiprināts').waitFor();

    // The approved project runs: it starts, gathers a progress note, and closes with its final report.
    await page.getByRole('link', { name: FIRST }).click();
    await page.getByRole('heading', { name: FIRST, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Uzsākt projektu' }).click();
    await expect.poll(() => page.getByTestId('application-status').innerText()).toBe('Notiek');
    const NOTE = 'Notika pirmā pārgājiena nodarbība: 14 jaunieši.';
    await page.getByLabel('Jauna piezīme').fill(NOTE);
    await page.getByRole('button', { name: 'Pievienot piezīmi' }).click();
    await page.getByText(NOTE).waitFor();
    await page.getByLabel('Notikušās aktivitātes').fill('Seši pārgājieni un noslēguma pasākums.');
    await page.getByLabel('Dalībnieki', { exact: true }).fill('18');
    await page.getByLabel('No tiem riska grupas jaunieši', { exact: true }).fill('11');
    await page.getByLabel('Izlietots, €').fill('4550');
    await page.getByRole('button', { name: 'Saglabāt atskaiti un pabeigt' }).click();
    await expect.poll(() => page.getByTestId('application-status').innerText()).toBe('Pabeigts');
    const report = page.getByTestId('final-report');
    await expect
      .poll(async () => (await report.innerText()).replace(/\s+/g, ' ').trim())
      .toMatch(/Dalībnieki 18 .*jaunieši 11 .*4550,00.* no 4600,00/);
    await page.getByText('Seši pārgājieni un noslēguma pasākums.').waitFor();
    await page.getByText(NOTE).waitFor();
    await shoot(page, 'finished');
    await signOut(page);
  });
});
