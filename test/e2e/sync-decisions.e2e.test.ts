import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage } from './pages/SignInPage';

const PASSWORD = 'atbalsts-demo';

async function signIn(device: Device, url: string, username: string) {
  await device.page.goto(url);
  await new SignInPage(device.page).signIn(username, PASSWORD);
  await device.page.getByRole('heading', { name: 'Izglītojamie' }).waitFor();
  await device.page.getByLabel('Skola').selectOption({ label: 'Ezerkalnu vidusskola' });
  await expect.poll(() => new LearnersPage(device.page).rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
}

/** The list shows "Last First", the learner's page "First Last". */
async function openLearner(device: Device, first: string, last: string) {
  const learners = new LearnersPage(device.page);
  await device.page.getByRole('link', { name: 'Izglītojamie' }).first().click();
  await learners.search(last);
  const row = learners.row(`${last} ${first}`);
  await expect.poll(() => row.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await row.first().getByRole('link').click();
  await device.page.getByRole('heading', { level: 1, name: `${first} ${last}` }).waitFor();
}

/** What sync decided, shown where the record is — on both devices, with the person's choice taking effect. */
describe('what sync decided, on two devices', () => {
  let server: RunningServer;
  let tablet: Device;
  let phone: Device;

  beforeAll(async () => {
    server = await startServer();
    [tablet, phone] = await Promise.all([
      openDevice({ width: 1024, height: 768 }),
      openDevice({ width: 360, height: 740 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([tablet?.close(), phone?.close()]);
    await server?.stop();
  });

  it('the class edited offline on two devices: both see which change was replaced, and "take" wins everywhere', async () => {
    await signIn(tablet, server.url, 'ilze.kalnina');
    await signIn(phone, server.url, 'dace.liepa');
    const name = (await new LearnersPage(tablet.page).rows().first().locator('.learner-row__name').innerText()).trim();
    const [last = '', first = ''] = name.split(' ');
    await openLearner(tablet, first, last);
    await openLearner(phone, first, last);

    await Promise.all([tablet.context.setOffline(true), phone.context.setOffline(true)]);
    for (const [device, className] of [
      [tablet, '11.c'],
      [phone, '11.d'],
    ] as const) {
      await device.page.getByLabel('Klase vai kurss', { exact: true }).fill(className);
      await device.page.getByRole('button', { name: 'Saglabāt', exact: true }).click();
      await device.page.getByRole('heading', { name: 'Izglītojamie' }).waitFor();
    }
    // The tablet's edit reaches the server first; the phone's meets it.
    await tablet.context.setOffline(false);
    await expect.poll(() => tablet.page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
    await phone.context.setOffline(false);
    await expect.poll(() => phone.page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);

    await openLearner(phone, first, last);
    const onPhone = phone.page.getByTestId('sync-conflicts');
    await expect
      .poll(() => onPhone.innerText().catch(() => ''), { timeout: 30_000 })
      .toContain('Jūsu izmaiņu (klase: „11.d”) aizstāja „11.c”, ko saglabāja Ilze Kalniņa.');

    await openLearner(tablet, first, last);
    const onTablet = tablet.page.getByTestId('sync-conflicts');
    await expect
      .poll(() => onTablet.innerText().catch(() => ''), { timeout: 30_000 })
      .toContain('Izmaiņu (klase: „11.d”), ko veica Dace Liepa, aizstāja jūsu saglabātā vērtība „11.c”.');

    await tablet.page.getByRole('button', { name: 'Ņemt „11.d”' }).click();
    for (const device of [tablet, phone]) {
      await expect
        .poll(() => device.page.locator('.learner-page__class').innerText(), { timeout: 30_000 })
        .toBe('11.d');
      await expect.poll(() => device.page.getByTestId('sync-conflicts').count(), { timeout: 30_000 }).toBe(0);
    }
  });
});

/**
 * A refused record needs attention: the indicator says so and lists it, totals leave it out, and the person can
 * discard it. Two devices of one social pedagogue each record 20 € intercity transport for the same learner and
 * month (cap 30 €); the one that was offline is refused by the server.
 */
describe('a compensation the server refused', () => {
  let server: RunningServer;
  let offline: Device;
  let online: Device;

  beforeAll(async () => {
    server = await startServer();
    [offline, online] = await Promise.all([
      openDevice({ width: 1024, height: 768 }),
      openDevice({ width: 1024, height: 768 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([offline?.close(), online?.close()]);
    await server?.stop();
  });

  async function record(device: Device, euros: string) {
    await device.page.getByLabel('Veids').selectOption({ label: 'Starppilsētu sabiedriskais transports' });
    await device.page.getByLabel('Summa, €').fill(euros);
    await device.page.getByRole('button', { name: 'Pievienot kompensāciju' }).click();
    await device.page.getByText('Kompensācija pieteikta.').first().waitFor();
  }

  it('is marked, left out of the total, listed by the indicator, and can be discarded', async () => {
    await signIn(online, server.url, 'marta.vitola');
    await signIn(offline, server.url, 'marta.vitola');
    const learners = new LearnersPage(online.page);
    await learners.addLearner({ firstName: 'Atteikta', lastName: 'Kompensācija', className: '8.a' });
    await expect.poll(() => online.page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
    await openLearner(online, 'Atteikta', 'Kompensācija');
    await openLearner(offline, 'Atteikta', 'Kompensācija');

    await offline.context.setOffline(true);
    await record(offline, '20');
    await record(online, '20');
    await expect.poll(() => online.page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
    await offline.context.setOffline(false);

    const { page } = offline;
    await expect
      .poll(() => page.getByTestId('sync-indicator').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('attention');
    await expect.poll(() => page.getByTestId('refusal').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('refusal').innerText()).toContain('pārsniedz programmas ierobežojumu');
    const totals = page.locator('.compensation-totals');
    await expect.poll(() => totals.innerText(), { timeout: 30_000 }).toContain('20,00');
    expect(await totals.innerText()).not.toContain('40,00');

    await page.getByTestId('sync-indicator').click();
    const list = page.locator('.sync-panel');
    await expect.poll(() => list.innerText()).toContain('Kompensācija');
    page.once('dialog', (dialog) => void dialog.accept());
    await list.getByRole('button', { name: 'Atmest izmaiņas' }).click();
    await expect.poll(() => page.getByTestId('refusal').count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => page.getByTestId('sync-indicator').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('synced');
    await expect.poll(() => page.locator('.compensation').count()).toBe(1);
  });
});
