import { mkdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO_PASSWORD } from './harness/demo';
import { PHONE, screenshots, seededApp, TABLET } from './harness/seededApp';
import { type Device } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage } from './pages/SignInPage';

const shots = process.env.SCREENSHOT_DIR ?? screenshots;
/** The demo's maths teacher already keeps weekly schedules; the Latvian teacher starts without any. */
const TEACHER = { username: 'andris.ozols', subject: 'Latviešu valoda' };

/**
 * A Latvian teacher sets up his weekly session on the tablet, starting last week: today's session is due and last
 * week's is overdue. With the network gone he logs today's with one tap; it syncs, and his phone shows the same.
 */
describe('a weekly consultation schedule on the today screen', () => {
  const app = seededApp({ tablet: TABLET, phone: PHONE });
  let today = '';
  let learnerName = '';

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
  });

  /** Toasts float over the content: closed before a screenshot, so it shows the screen itself. */
  async function dismissNotifications(device: Device) {
    const close = device.page.locator('.notification__close');
    while ((await close.count()) > 0) await close.first().click();
  }

  async function openToday(device: Device) {
    const page = device.page;
    await page.goto(app.server.url);
    await new SignInPage(page).signIn(TEACHER.username, DEMO_PASSWORD);
    await page.getByRole('heading', { name: t('learners:title') }).waitFor();
    await page.getByLabel(t('common:school.label')).selectOption({ label: 'Ezerkalnu vidusskola' });
    await expect.poll(() => new LearnersPage(page).rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    // In-app navigation: a full reload would lock the session.
    await page.getByRole('link', { name: t('common:nav.today') }).click();
    await page.getByRole('heading', { name: t('consultations:today.title'), exact: true }).waitFor();
  }

  it('creates a weekly schedule that started last week: today’s session is due, last week’s overdue', async () => {
    const page = app.devices.tablet.page;
    await openToday(app.devices.tablet);
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

    await form.getByLabel(t('consultations:today.search')).fill('a');
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

    await dismissNotifications(app.devices.tablet);
    await page.getByRole('heading', { name: t('consultations:schedule.due.title') }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/schedules-today-1024x768.png` });
    await page.screenshot({ path: `${shots}/schedules-today-1024x768-full.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('heading', { name: t('consultations:schedule.due.title') }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/schedules-today-360x740.png` });
    await page.screenshot({ path: `${shots}/schedules-today-360x740-full.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('logs today’s session offline with one tap; it syncs when the network is back', async () => {
    const page = app.devices.tablet.page;
    await app.devices.tablet.context.setOffline(true);
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
    await dismissNotifications(app.devices.tablet);
    await page.screenshot({ path: `${shots}/schedules-logged-offline-1024x768.png`, fullPage: true });

    await app.devices.tablet.context.setOffline(false);
    await expect.poll(() => page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
  });

  it('shows the same on the teacher’s phone: the schedule, the logged session, and last week’s still overdue', async () => {
    const page = app.devices.phone.page;
    await openToday(app.devices.phone);
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
    await dismissNotifications(app.devices.phone);
    await page.screenshot({ path: `${shots}/schedules-phone-360x740.png`, fullPage: true });

    // Stopped: it asks first, then the due list goes and the schedule shows as stopped.
    await schedules.first().getByRole('button', { name: 'Apturēt', exact: true }).click();
    await schedules.first().getByRole('button', { name: 'Jā, apturēt' }).click();
    await expect.poll(() => schedules.first().innerText()).toContain('Apturēts');
    await expect.poll(() => page.getByRole('heading', { name: t('consultations:schedule.due.title') }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
  });
});
