import { describe, expect, it } from 'vitest';
import { PHONE, screenshots, seededApp, TABLET } from './harness/seededApp';
import { t } from './harness/labels';
import { type Device } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage } from './pages/SignInPage';

const PASSWORD = 'atbalsts-demo';

/**
 * A teacher's tablet and a psychologist's phone, each with its own browser profile, both offline, each editing the
 * same learner; when both are back online both show both edits.
 */
describe('two people, two devices, both offline', () => {
  const app = seededApp({ tablet: TABLET, phone: PHONE });

  async function signIn(device: Device, username: string) {
    await device.page.goto(app.server.url);
    await new SignInPage(device.page).signIn(username, PASSWORD);
    await device.page.getByRole('heading', { name: t('learners:title') }).waitFor();
    await device.page.getByLabel(t('common:school.label')).selectOption({ label: 'Ezerkalnu vidusskola' });
    await expect.poll(() => new LearnersPage(device.page).rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
  }

  async function editLearner(device: Device, name: string, field: string, value: string) {
    const learners = new LearnersPage(device.page);
    await learners.search(name.split(' ')[0] ?? name);
    await learners.row(name).first().getByRole('link').click();
    await device.page.getByLabel(field, { exact: true }).fill(value);
    await device.page.getByRole('button', { name: t('common:actions.save'), exact: true }).click();
    await device.page.getByRole('heading', { name: t('learners:title') }).waitFor();
  }

  it('merges edits of the same learner made offline on two devices', async () => {
    await signIn(app.devices.tablet, 'ilze.kalnina');
    await signIn(app.devices.phone, 'dace.liepa');
    const first = new LearnersPage(app.devices.tablet.page).rows().first();
    const name = (await first.locator('.learner-row__name').innerText()).trim();
    const [lastName] = name.split(' ');

    await Promise.all([app.devices.tablet.context.setOffline(true), app.devices.phone.context.setOffline(true)]);
    await editLearner(app.devices.tablet, name, 'Klase vai kurss', '11.c');
    await editLearner(app.devices.phone, name, 'Uzvārds', `${lastName}-Ozola`);

    await Promise.all([app.devices.tablet.context.setOffline(false), app.devices.phone.context.setOffline(false)]);
    for (const device of [app.devices.tablet, app.devices.phone]) {
      const learners = new LearnersPage(device.page);
      await learners.search(`${lastName}-Ozola`);
      await expect
        .poll(async () => (await learners.rows().first().locator('.learner-row__class').innerText()).trim(), {
          timeout: 60_000,
          interval: 1_000,
        })
        .toBe('11.c');
    }
    await app.devices.phone.page.screenshot({ path: `${screenshots}two-devices-phone-360x740.png` });
  });

  it('wipes a disabled person’s data from their device at its next contact', async () => {
    const login = await fetch(`${app.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const admin = (await login.json()) as { accessToken: string };
    const users = await app.devices.phone.page.evaluate(
      () => JSON.parse(localStorage.getItem('atbalsts.accounts') ?? '[]') as { userId: string; databaseName: string }[],
    );
    const dace = users[0]!;
    const disabled = await fetch(`${app.server.url}/api/users/${dace.userId}/active`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({ active: false }),
    });
    expect(disabled.status).toBe(200);

    // The next contact (the live stream reconnecting, a pull, the health probe) meets the disabled account: it may
    // come before the reload, and then there is nothing left to unlock.
    await app.devices.phone.page.reload();
    const unlock = app.devices.phone.page.getByRole('heading', { name: t('account:unlock.title') });
    const signIn = app.devices.phone.page.getByRole('heading', { name: t('account:signIn.title') });
    await unlock.or(signIn).first().waitFor({ timeout: 30_000 });
    if (await unlock.isVisible()) {
      await app.devices.phone.page.getByLabel(t('account:fields.password'), { exact: true }).fill(PASSWORD);
      await app.devices.phone.page.getByRole('button', { name: 'Atbloķēt' }).click();
    }
    await signIn.waitFor({ timeout: 60_000 });
    expect(await app.devices.phone.page.evaluate(() => localStorage.getItem('atbalsts.accounts'))).toBe('[]');
    await expect
      .poll(
        async () =>
          (
            await app.devices.phone.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''))
          ).filter((name) => name.includes(dace.databaseName)),
        { timeout: 30_000, interval: 500 },
      )
      .toEqual([]);
  });
});
