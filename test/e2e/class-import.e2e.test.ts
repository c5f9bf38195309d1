import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { waitForServiceWorker, type Device } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage, signOut } from './pages/SignInPage';

/** A class list as a school register exports it: a title line, one name column with the surname first, date cells. */
async function classListXlsx(): Promise<Buffer> {
  const date = (y: number, m: number, d: number) => ({ value: new Date(Date.UTC(y, m - 1, d)), format: 'dd.mm.yyyy' });
  return writeExcelFile([
    ['9.c klases saraksts', null, null],
    ['Skolēns', 'Dzimšanas datums', 'Programma'],
    ['Importa Rūta', date(2011, 3, 14), 'vispārējā'],
    ['Importa Kārlis', date(2011, 7, 2), 'vispārējā'],
    ['Importa Līga Marta', date(2010, 12, 30), 'vispārējā'],
    ['Importa', date(2011, 1, 1), 'vispārējā'],
  ]).toBuffer();
}

describe('a teacher imports a class list', () => {
  const app = seededApp({ tablet: TABLET });

  it('previews an .xlsx offline, writes nothing until confirmed, then adds the class', async () => {
    const { page, context } = app.devices.tablet;
    await page.goto(app.server.url);
    await new SignInPage(page).signIn(DEMO.teacher, DEMO_PASSWORD);
    const learners = new LearnersPage(page);
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    // The parsers load on demand: offline they come from the service worker's precache.
    await waitForServiceWorker(page);
    await context.setOffline(true);

    await page.getByRole('link', { name: 'Importēt sarakstu' }).click();
    await page.getByRole('heading', { name: 'Importēt klases sarakstu' }).waitFor();
    await page.getByLabel('Klase rindām bez klases').fill('9.c');
    await page.getByLabel('Fails').setInputFiles({
      name: '9c.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await classListXlsx(),
    });
    await page.getByText('Jauni: 3').waitFor();
    await page.getByText('Ar kļūdām: 1').waitFor();
    await page.getByText('Vārds: nav aizpildīts.').waitFor();
    await page.getByText('Līga Marta').waitFor();
    await page.screenshot({ path: `${screenshots}class-import-1024x768.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}class-import-360x740.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });

    // Leaving without confirming writes nothing.
    await page.getByRole('button', { name: 'Atcelt' }).click();
    await learners.search('Importa');
    await expect.poll(() => learners.rows().count()).toBe(0);

    await page.getByRole('link', { name: 'Importēt sarakstu' }).click();
    await page.getByLabel('Klase rindām bez klases').fill('9.c');
    await page.getByLabel('Fails').setInputFiles({
      name: '9c.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await classListXlsx(),
    });
    await page.getByRole('button', { name: 'Importēt 3 izglītojamos' }).click();
    await page.getByText('Importēts: pievienoti 3, atjaunināti 0.').waitFor();
    await learners.search('Importa');
    await expect.poll(() => learners.rows().count()).toBe(3);
    expect(await learners.row('Importa Līga Marta').locator('.learner-row__class').innerText()).toBe('9.c');
  });

  it('re-importing the list as CSV adds no duplicates and moves a learner to her new class', async () => {
    const { page } = app.devices.tablet;
    await page.getByRole('link', { name: 'Importēt sarakstu' }).click();
    const csv = 'Uzvārds;Vārds;Klase\r\nImporta;Rūta;9.c\r\nImporta;Kārlis;9.c\r\nImporta;Līga Marta;10.a\r\n';
    await page.getByLabel('Fails').setInputFiles({ name: '9c.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Jau ir: 2').waitFor();
    await page.getByText('Klase: 9.c → 10.a').waitFor();
    await page.getByRole('button', { name: 'Importēt 1 izglītojamo' }).click();
    await page.getByText('Importēts: pievienoti 0, atjaunināti 1.').waitFor();
    await learners(page).search('Importa');
    await expect.poll(() => learners(page).rows().count()).toBe(3);
    expect(await learners(page).row('Importa Līga Marta').locator('.learner-row__class').innerText()).toBe('10.a');
  });

  it('sends the imported class to the server once online, each learner once', async () => {
    await app.devices.tablet.context.setOffline(false);
    const login = await fetch(`${app.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO.teacher, password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    await expect
      .poll(
        async () => {
          const response = await fetch(`${app.server.url}/api/sync/learners/pull?seq=0&limit=500`, {
            headers: { authorization: `Bearer ${accessToken}` },
          });
          const body = (await response.json()) as {
            documents: { lastName: string; firstName: string; className: string }[];
          };
          return body.documents
            .filter((d) => d.lastName === 'Importa')
            .map((d) => `${d.firstName} ${d.className}`)
            .sort();
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toEqual(['Kārlis 9.c', 'Līga Marta 10.a', 'Rūta 9.c']);
  });

  it('is not offered to a municipal coordinator, who reads learners but may not add them', async () => {
    const { page } = app.devices.tablet;
    await signOut(page);
    await new SignInPage(page).signIn('inese.zarina', DEMO_PASSWORD);
    await expect.poll(() => learners(page).rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await page.getByRole('link', { name: 'Importēt sarakstu' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Pievienot izglītojamo' }).count()).toBe(0);
  });
});

const learners = (page: Device['page']) => new LearnersPage(page);
