import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { LearnersPage } from './pages/LearnersPage';
import { DEMO_TEACHER, SignInPage } from './pages/SignInPage';

const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;
const shots = process.env.SCREENSHOT_DIR ?? screenshots;
/** The demo's maths teacher already keeps weekly schedules; the Latvian teacher starts without any. */
const TEACHER = { username: 'andris.ozols', subject: 'Latviešu valoda' };

/**
 * A Latvian teacher sets up his weekly session on the tablet, starting last week: today's session is due and last
 * week's is overdue. With the network gone he logs today's with one tap; it syncs, and his phone shows the same.
 */
describe('a weekly consultation schedule on the today screen', () => {
  let server: RunningServer;
  let tablet: Device;
  let phone: Device;
  let today = '';
  let learnerName = '';

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    await mkdir(shots, { recursive: true });
    server = await startServer();
    [tablet, phone] = await Promise.all([
      openDevice({ width: 1024, height: 768 }),
      openDevice({ width: 360, height: 740 }),
    ]);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const name = task.name.replace(/\W+/g, '-');
      await tablet?.page
        .screenshot({ path: `${screenshots}FAILED-tablet-${name}.png`, fullPage: true })
        .catch(() => {});
      await phone?.page.screenshot({ path: `${screenshots}FAILED-phone-${name}.png`, fullPage: true }).catch(() => {});
    }
  });

  afterAll(async () => {
    await Promise.all([tablet?.close(), phone?.close()]);
    await server?.stop();
  });

  /** Toasts float over the content: closed before a screenshot, so it shows the screen itself. */
  async function dismissNotifications(device: Device) {
    const close = device.page.locator('.notification__close');
    while ((await close.count()) > 0) await close.first().click();
  }

  async function openToday(device: Device) {
    const page = device.page;
    await page.goto(server.url);
    await new SignInPage(page).signIn(TEACHER.username, DEMO_TEACHER.password);
    await page.getByRole('heading', { name: 'Izglītojamie' }).waitFor();
    await page.getByLabel('Skola').selectOption({ label: 'Ezerkalnu vidusskola' });
    await expect.poll(() => new LearnersPage(page).rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    // In-app navigation: a full reload would lock the session.
    await page.getByRole('link', { name: 'Šodien' }).click();
    await page.getByRole('heading', { name: 'Šodien', exact: true }).waitFor();
  }

  it('creates a weekly schedule that started last week: today’s session is due, last week’s overdue', async () => {
    const page = tablet.page;
    await openToday(tablet);
    // The device's own calendar day, as the app computes it.
    today = await page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    const weekAgo = await page.evaluate((t) => {
      const d = new Date(`${t}T12:00:00`);
      d.setDate(d.getDate() - 7);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    }, today);

    await page.getByText('Jums vēl nav regulāru konsultāciju grafika.').waitFor();
    await page.getByText('Jauns nedēļas grafiks').click();
    const form = page.getByRole('form', { name: 'Jauns nedēļas grafiks' });
    await form.waitFor();

    // Saved too early: each field says what is missing, next to it.
    await form.getByRole('button', { name: 'Saglabāt grafiku' }).click();
    await form.getByText('Izvēlieties vismaz vienu izglītojamo.').waitFor();
    await form.getByText('Ievadiet sākuma laiku, piemēram, 14:00.').waitFor();

    await form.getByLabel('Meklēt citu izglītojamo').fill('a');
    const found = form.locator('.quick-log__found button').first();
    learnerName = ((await found.innerText()).replace(/^\+\s*/, '').split(' (')[0] ?? '').trim();
    await found.click();
    await form.getByLabel('Sākums').fill('14:00');
    await form.getByLabel('Sākot no').fill(weekAgo);
    await form.getByRole('button', { name: 'Saglabāt grafiku' }).click();

    const schedules = page.locator('.schedule-list .schedule');
    await expect.poll(() => schedules.count()).toBe(1);
    await expect.poll(() => schedules.first().innerText()).toContain(`14:00 · ${TEACHER.subject}`);
    await expect.poll(() => schedules.first().innerText()).toContain(learnerName);

    const due = page.locator('.due-session:not(.due-session--overdue)');
    const overdue = page.locator('.due-session--overdue');
    await expect.poll(() => due.count()).toBe(1);
    await expect.poll(() => overdue.count()).toBe(1);
    expect(await due.first().innerText()).toContain('Šodien');
    expect(await due.first().innerText()).toContain(learnerName);
    expect(await overdue.first().innerText()).toMatch(/Nokavēta kopš/);
    await expect.poll(() => page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);

    await dismissNotifications(tablet);
    await page.getByRole('heading', { name: 'Paredzētās un nokavētās' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/schedules-today-1024x768.png` });
    await page.screenshot({ path: `${shots}/schedules-today-1024x768-full.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('heading', { name: 'Paredzētās un nokavētās' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/schedules-today-360x740.png` });
    await page.screenshot({ path: `${shots}/schedules-today-360x740-full.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('logs today’s session offline with one tap; it syncs when the network is back', async () => {
    const page = tablet.page;
    await tablet.context.setOffline(true);
    const due = page.locator('.due-session:not(.due-session--overdue)');
    await due.first().getByRole('button', { name: 'Notika', exact: true }).click();
    await expect.poll(() => due.count()).toBe(0);
    // Logged: in today's list with the learner attended, and the overdue one is still waiting.
    const items = page.locator('.consultation-list .consultation');
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(() => items.first().innerText()).toContain(TEACHER.subject);
    await expect.poll(() => items.first().innerText()).toContain('14:00');
    expect(await page.getByLabel(`Apmeklējums: ${learnerName}`).inputValue()).toBe('attended');
    expect(await page.locator('.due-session--overdue').count()).toBe(1);
    await expect.poll(() => page.getByTestId('sync-pending').count()).toBeGreaterThan(0);
    await dismissNotifications(tablet);
    await page.screenshot({ path: `${shots}/schedules-logged-offline-1024x768.png`, fullPage: true });

    await tablet.context.setOffline(false);
    await expect.poll(() => page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
  });

  it('shows the same on the teacher’s phone: the schedule, the logged session, and last week’s still overdue', async () => {
    const page = phone.page;
    await openToday(phone);
    const schedules = page.locator('.schedule-list .schedule');
    await expect.poll(() => schedules.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator('.consultation-list .consultation').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator('.due-session--overdue').count()).toBe(1);
    expect(await page.locator('.due-session:not(.due-session--overdue)').count()).toBe(0);

    // Last week's did not take place (a school trip): logged as cancelled, nothing is left due.
    await page.locator('.due-session--overdue').getByRole('button', { name: 'Atcelta', exact: true }).click();
    await page
      .getByText('Pēc jūsu grafikiem šodien nekas nav paredzēts, un nekas nav nokavēts.')
      .waitFor({ timeout: 30_000 });
    await dismissNotifications(phone);
    await page.screenshot({ path: `${shots}/schedules-phone-360x740.png`, fullPage: true });

    // Stopped: it asks first, then the due list goes and the schedule shows as stopped.
    await schedules.first().getByRole('button', { name: 'Apturēt', exact: true }).click();
    await schedules.first().getByRole('button', { name: 'Jā, apturēt' }).click();
    await expect.poll(() => schedules.first().innerText()).toContain('Apturēts');
    await expect.poll(() => page.getByRole('heading', { name: 'Paredzētās un nokavētās' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
  });
});
