import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { DEMO_TEACHER, SignInPage, signOut } from './pages/SignInPage';

const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;
const DIRECTOR = 'juris.berzins';
const COORDINATOR = 'inese.zarina';

/** The semester report on the demo data: a director's school, a municipal coordinator's schools side by side. */
describe('semester reports', () => {
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

  const cellsOf = (caption: string, row: string) =>
    device.page
      .getByRole('table', { name: caption })
      .getByRole('row')
      .filter({ has: device.page.getByRole('rowheader', { name: row, exact: true }) })
      .locator('td')
      .allInnerTexts();

  it('shows the director the school’s figures for the current semester, on a phone and on a laptop', async () => {
    const { page } = device;
    await page.goto(server.url);
    await new SignInPage(page).signIn(DIRECTOR, DEMO_TEACHER.password);
    await page.locator('.learner-row').first().waitFor({ timeout: 30_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Atskaites' }).click();
    await page.getByRole('heading', { name: 'Semestra atskaite' }).waitFor();
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
    await page.screenshot({ path: `${screenshots}reports-school-1024x768.png`, fullPage: true });

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}reports-school-360x740.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });

    // The printed page: A4's width at 96 dpi, only the report (no nav, no buttons, no choices).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${screenshots}reports-print-a4.png`, fullPage: true });
    expect(await page.getByRole('button', { name: 'Drukāt' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: support }).isVisible()).toBe(true);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the municipal coordinator both schools and the municipality’s total', async () => {
    const { page } = device;
    await signOut(page);
    await new SignInPage(page).signIn(COORDINATOR, DEMO_TEACHER.password);
    await page.locator('.learner-row').first().waitFor({ timeout: 30_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Atskaites' }).click();
    await page.getByRole('heading', { name: 'Ezerkalnu novads', level: 2 }).waitFor({ timeout: 30_000 });

    const bySchool = 'Pa skolām';
    await page.getByRole('table', { name: bySchool }).waitFor();
    const plans = async (school: string) => Number((await cellsOf(bySchool, school))[0]?.split('\n')[0]);
    await expect.poll(() => plans('Ezerkalnu vidusskola'), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => plans('Ezerkalnu tehnikums'), { timeout: 30_000 }).toBeGreaterThan(0);
    const total = Number((await cellsOf('Plāni un atbalstītie skolēni', 'Izveidoti un īstenoti plāni'))[0]);
    expect(total).toBe((await plans('Ezerkalnu vidusskola')) + (await plans('Ezerkalnu tehnikums')));
    await page.screenshot({ path: `${screenshots}reports-municipality-1024x768.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${screenshots}reports-municipality-360x740.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
  });
});
