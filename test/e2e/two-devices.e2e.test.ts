import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage } from './pages/SignInPage';

const PASSWORD = 'atbalsts-demo';
const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;

/**
 * A teacher's tablet and a psychologist's phone, each with its own browser profile, both offline, each editing the
 * same learner; when both are back online both show both edits.
 */
describe('two people, two devices, both offline', () => {
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

  async function signIn(device: Device, username: string) {
    await device.page.goto(server.url);
    await new SignInPage(device.page).signIn(username, PASSWORD);
    await device.page.getByRole('heading', { name: 'Izglītojamie' }).waitFor();
    await device.page.getByLabel('Skola').selectOption({ label: 'Ezerkalnu vidusskola' });
    await expect.poll(() => new LearnersPage(device.page).rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
  }

  async function editLearner(device: Device, name: string, field: string, value: string) {
    const learners = new LearnersPage(device.page);
    await learners.search(name.split(' ')[0] ?? name);
    await learners.row(name).first().getByRole('link').click();
    await device.page.getByLabel(field, { exact: true }).fill(value);
    await device.page.getByRole('button', { name: 'Saglabāt', exact: true }).click();
    await device.page.getByRole('heading', { name: 'Izglītojamie' }).waitFor();
  }

  it('merges edits of the same learner made offline on two devices', async () => {
    await signIn(tablet, 'ilze.kalnina');
    await signIn(phone, 'dace.liepa');
    const first = new LearnersPage(tablet.page).rows().first();
    const name = (await first.locator('.learner-row__name').innerText()).trim();
    const [lastName] = name.split(' ');

    await Promise.all([tablet.context.setOffline(true), phone.context.setOffline(true)]);
    await editLearner(tablet, name, 'Klase vai kurss', '11.c');
    await editLearner(phone, name, 'Uzvārds', `${lastName}-Ozola`);

    await Promise.all([tablet.context.setOffline(false), phone.context.setOffline(false)]);
    for (const device of [tablet, phone]) {
      const learners = new LearnersPage(device.page);
      await learners.search(`${lastName}-Ozola`);
      await expect
        .poll(async () => (await learners.rows().first().locator('.learner-row__class').innerText()).trim(), {
          timeout: 60_000,
          interval: 1_000,
        })
        .toBe('11.c');
    }
    await phone.page.screenshot({ path: `${screenshots}two-devices-phone-360x740.png` });
  });

  it('wipes a disabled person’s data from their device at its next contact', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const admin = (await login.json()) as { accessToken: string };
    const users = await phone.page.evaluate(
      () => JSON.parse(localStorage.getItem('atbalsts.accounts') ?? '[]') as { userId: string; databaseName: string }[],
    );
    const dace = users[0]!;
    const disabled = await fetch(`${server.url}/api/users/${dace.userId}/active`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({ active: false }),
    });
    expect(disabled.status).toBe(200);

    // The next contact (the live stream reconnecting, a pull, the health probe) meets the disabled account: it may
    // come before the reload, and then there is nothing left to unlock.
    await phone.page.reload();
    const unlock = phone.page.getByRole('heading', { name: 'Atbloķēt' });
    const signIn = phone.page.getByRole('heading', { name: 'Pieslēgties' });
    await unlock.or(signIn).first().waitFor({ timeout: 30_000 });
    if (await unlock.isVisible()) {
      await phone.page.getByLabel('Parole', { exact: true }).fill(PASSWORD);
      await phone.page.getByRole('button', { name: 'Atbloķēt' }).click();
    }
    await signIn.waitFor({ timeout: 60_000 });
    expect(await phone.page.evaluate(() => localStorage.getItem('atbalsts.accounts'))).toBe('[]');
    await expect
      .poll(
        async () =>
          (await phone.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''))).filter(
            (name) => name.includes(dace.databaseName),
          ),
        { timeout: 30_000, interval: 500 },
      )
      .toEqual([]);
  });
});
