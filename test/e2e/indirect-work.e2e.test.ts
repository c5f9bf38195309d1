import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO_PASSWORD } from './harness/demo';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { localDate } from '../../src/domain';
import { axeProblems } from './harness/axe';

/** The technical school's accountant (demo seed), who records indirect work each month. */
const ACCOUNTANT = { username: 'sarmite.krumina', id: 'demo-user-accountant' };
const WHAT = 'Kompensāciju pārskats direktorei';

const minutesIn = (text: string) => Number(/(\d+)\s*min/.exec(text)?.[1] ?? Number.NaN);

describe('indirect work', () => {
  const app = seededApp({ device: TABLET });

  it('an accountant records this month’s indirect work, sees it on her timesheet, and the server holds it', async () => {
    const page = app.page('device');
    const month = localDate(new Date()).slice(0, 7);
    await app.signInAs('device', ACCOUNTANT.username);
    await page.getByRole('navigation').getByRole('link', { name: 'Netiešais' }).click();
    await page.getByRole('heading', { name: 'Ierakstīt netiešo darbu' }).waitFor();
    // The demo's months are there: this month's three records among them (9, 6 and 4 hours).
    await page.getByText('Kompensāciju aprēķins un izmaksa').first().waitFor({ timeout: 30_000 });

    // The month field starts at this month; 2 h 15 min.
    expect(await page.getByLabel('Mēnesis').inputValue()).toBe(month);
    await page.getByLabel('Stundas').fill('2');
    await page.getByLabel('Minūtes').fill('15');
    await page.getByLabel('Ko darījāt').fill(WHAT);
    await page.getByRole('button', { name: t('common:actions.save') }).click();
    const item = page.locator('.indirect-item', { hasText: WHAT });
    await item.waitFor();
    expect(await item.locator('.indirect-item__time').innerText()).toBe('2 st. 15 min');

    // Deleted, then put back from the notice.
    await item.getByRole('button', { name: /^Dzēst:/ }).click();
    await item.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Atsaukt' }).click();
    await item.waitFor();

    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}indirect-work-1024x768.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}indirect-work-360x740.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });

    // Her timesheet of the month: the indirect work under the (no) consultations, its total the rows' sum.
    await page.getByRole('link', { name: 'Mēneša darba laika uzskaite' }).click();
    await page.getByRole('heading', { name: 'Darba laika uzskaite', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/hours/${ACCOUNTANT.id}/${month}`);
    const table = page.locator('table.timesheet-indirect-table');
    await table.locator('tbody tr', { hasText: WHAT }).waitFor({ timeout: 30_000 });
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    expect(rows.find((r) => r.includes(WHAT))).toContain('135 min');
    // The demo's three of the month: 9 h, 6 h and 4 h.
    expect(rows.filter((r) => /540 min|360 min|240 min/.test(r))).toHaveLength(3);
    const total = minutesIn(await table.locator('.timesheet-table__total').innerText());
    expect(total).toBe(rows.reduce((sum, r) => sum + minutesIn(r), 0));
    // 540 + 360 + 240 + 135.
    expect(total).toBe(1275);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}timesheet-indirect-1024x768.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}timesheet-indirect-360x740.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });

    // The server took it from her device: her own pull holds it, as written.
    const login = await fetch(`${app.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ACCOUNTANT.username, password: DEMO_PASSWORD }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    await expect
      .poll(
        async () => {
          const pulled = (await (
            await fetch(`${app.server.url}/api/sync/staffevents/pull?seq=0&limit=500`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).json()) as { documents: { what?: string; minutes?: number; staffId?: string; _deleted: boolean }[] };
          return pulled.documents.filter((d) => d.what === WHAT && !d._deleted).map((d) => [d.staffId, d.minutes]);
        },
        { timeout: 30_000 },
      )
      .toEqual([[ACCOUNTANT.id, 135]]);
  });
});
