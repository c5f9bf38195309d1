import { describe, expect, it } from 'vitest';
import { DEMO } from './harness/demo';
import { t } from './harness/labels';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { AppShell } from './pages/AppShell';

/** The semester report on the demo data: a director's school, a municipal coordinator's schools side by side. */
describe('semester reports', () => {
  const app = seededApp({ device: TABLET }, { pinned: true });

  const cellsOf = (caption: string, row: string) =>
    app
      .page('device')
      .getByRole('table', { name: caption })
      .getByRole('row')
      .filter({ has: app.page('device').getByRole('rowheader', { name: row, exact: true }) })
      .locator('td')
      .allInnerTexts();

  it('shows the director the school’s figures for the current semester, on a phone and on a laptop', async () => {
    const page = app.page('device');
    await (await app.signInAs('device', DEMO.director)).nav.reports();
    await page.getByRole('heading', { name: 'Ezerkalnu vidusskola', level: 2 }).waitFor();

    const support = 'Plāni un atbalstītie skolēni';
    await expect
      .poll(async () => Number((await cellsOf(support, 'Izveidoti un īstenoti plāni'))[0]), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const [supported = '0'] = await cellsOf(support, 'Atbalstu saņēmušie skolēni');
    expect(Number(supported.split('\n')[0])).toBeGreaterThan(0);
    // Shares in Latvian: a space before the sign.
    const [, share = ''] = await cellsOf(support, 'Tikai konsultācijas');
    expect(share).toMatch(/^\d+\s%$/);
    const [, , paid = ''] = await cellsOf('Kompensācijas (eiro)', 'Kopā');
    expect(paid).toMatch(/^\d[\d\s]*,\d\d\s€$/);

    // The charts (loaded with their library only now), each a picture with its numbers in words; and the trend: last
    // semester's evaluated plans in the demo beside this semester's.
    const mix = page.getByRole('img', { name: /^Atbalstu saņēmušie skolēni: Tikai konsultācijas \d+\s%/ });
    await mix.waitFor({ timeout: 30_000 });
    expect(await mix.locator('svg rect').count()).toBe(3);
    await page.getByRole('img', { name: /^Mērķi 90\s% sasniedz \d+ plāni/ }).waitFor();
    const trend = page.getByRole('table', { name: 'Pa semestriem' });
    await trend.waitFor({ timeout: 30_000 });
    expect((await trend.getByRole('columnheader').allInnerTexts()).length).toBeGreaterThanOrEqual(2);
    const [learnersSince = '0'] = await cellsOf(
      'Kopš programmas sākuma',
      'Skolēni, kas programmā bijuši vismaz 1 reizi',
    );
    expect(Number(learnersSince.split('\n')[0])).toBeGreaterThanOrEqual(Number(supported.split('\n')[0]));
    await page.getByRole('img', { name: /Atbalstu saņēmušie skolēni \d+, Izveidoti un īstenoti plāni \d+;/ }).waitFor();
    await page.screenshot({ path: `${screenshots}reports-school-1024x768.png`, fullPage: true });
    await page.locator('.report-charts').screenshot({ path: `${screenshots}reports-charts-1024.png` });

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}reports-school-360x740.png`, fullPage: true });
    await page.locator('.report-charts').screenshot({ path: `${screenshots}reports-charts-360.png` });
    // Drawn again at the phone's width: the SVG is as wide as its figure, not wider.
    const overflow = await page
      .locator('.report-chart')
      .evaluateAll((figures) =>
        figures.map((f) => (f.querySelector('svg')?.getBoundingClientRect().width ?? 0) - f.clientWidth),
      );
    for (const o of overflow) expect(o).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1024, height: 768 });

    // The printed page: A4's width at 96 dpi, only the report (no nav, no buttons, no choices).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${screenshots}reports-print-a4.png`, fullPage: true });
    expect(await page.getByRole('button', { name: t('reports:print') }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: support }).isVisible()).toBe(true);
    expect(await mix.isVisible()).toBe(true);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the municipal coordinator both schools and the municipality’s total', async () => {
    const page = app.page('device');
    await new AppShell(page).signOut();
    await (await app.signInAs('device', DEMO.municipalCoordinator)).nav.reports();
    await page.getByRole('heading', { name: 'Ezerkalnu novads', level: 2 }).waitFor({ timeout: 30_000 });

    const bySchool = 'Pa skolām';
    await page.getByRole('table', { name: bySchool }).waitFor();
    const plans = async (school: string) => Number((await cellsOf(bySchool, school))[0]?.split('\n')[0]);
    await expect.poll(() => plans('Ezerkalnu vidusskola'), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => plans('Ezerkalnu tehnikums'), { timeout: 30_000 }).toBeGreaterThan(0);
    const total = Number((await cellsOf('Plāni un atbalstītie skolēni', 'Izveidoti un īstenoti plāni'))[0]);
    expect(total).toBe((await plans('Ezerkalnu vidusskola')) + (await plans('Ezerkalnu tehnikums')));
    // Rudzupes novads's school is not hers: not a row, not on the page.
    expect(await page.getByText('Rudzupes vidusskola').count()).toBe(0);
    // One support-mix bar per school (in the municipality's order) and one for the total, last.
    const mix = page.getByRole('img', {
      name: /^(?=.*Ezerkalnu vidusskola: Tikai konsultācijas)(?=.*Ezerkalnu tehnikums: Tikai konsultācijas).*; Kopā: /,
    });
    await mix.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${screenshots}reports-municipality-1024x768.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${screenshots}reports-municipality-360x740.png`, fullPage: true });
    await page.locator('.report-charts').screenshot({ path: `${screenshots}reports-municipality-charts-360.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('shows Rudzupe’s coordinator her one school and nothing of Ezerkalni’s', async () => {
    const page = app.page('device');
    await new AppShell(page).signOut();
    await (await app.signInAs('device', DEMO.secondMunicipalCoordinator)).nav.reports();
    await page.getByRole('heading', { name: 'Rudzupes novads', level: 2 }).waitFor({ timeout: 30_000 });
    const made = async () =>
      Number((await cellsOf('Plāni un atbalstītie skolēni', 'Izveidoti un īstenoti plāni'))[0]?.split('\n')[0]);
    // Ten running plans and one approved (demoRudzupeStory.ts): above the small-count threshold.
    await expect.poll(made, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    expect(await page.getByText(/Ezerkalnu/).count()).toBe(0);
    await page.screenshot({ path: `${screenshots}reports-municipality-rudzupe-1024x768.png`, fullPage: true });
  });
});
