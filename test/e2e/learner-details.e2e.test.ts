import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { PHONE, seededApp, TABLET } from './harness/seededApp';
import { daysBefore, localDate, semesterOf, type Learner } from '../../src/domain';
import { attendee, consultation, measure, newRow, plan } from '../fixtures/documents';
import { readIndexedDb, waitForServiceWorker } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage, signOut } from './pages/SignInPage';

const shots = process.env.LEARNER_SHOTS_DIR ?? '/tmp/shots';
const GUARDIAN = { name: 'Inga Bezsaistes', relation: 'māte', phone: '+371 2000 0001', email: 'inga@example.lv' };
const SIGNER = 'Inga Bezsaistes';
const TEACHER_ID = 'demo-user-maths';

/**
 * The learner page: a teacher records a parent and the signed application on her tablet with the network cut;
 * once it is back, the server and a colleague's phone have them. Who works with the learner and their
 * consultations over time come from a plan and sessions logged beforehand; a municipal coordinator only reads.
 */
describe('a learner’s parents, signed application, staff and consultations', () => {
  const app = seededApp({ tablet: TABLET, phone: PHONE });
  let learner: Learner;
  let token = '';

  const api = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${app.server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const serverLearner = async () =>
    (await api<{ documents: Learner[] }>('/api/sync/learners/pull?seq=0&limit=500')).documents.find(
      (l) => l.id === learner.id,
    );
  const name = () => `${learner.lastName} ${learner.firstName}`;

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
  });

  async function dismissNotifications(page: Page) {
    const close = page.locator('.notification__close');
    while ((await close.count()) > 0) await close.first().click();
  }

  async function openLearner(page: Page, username: string, chooseSchool = false) {
    await new SignInPage(page).signIn(username, DEMO_PASSWORD);
    await page.getByRole('heading', { name: t('learners:title') }).waitFor();
    if (chooseSchool) await page.getByLabel(t('common:school.label')).selectOption({ label: 'Ezerkalnu vidusskola' });
    const learners = new LearnersPage(page);
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await learners.search(learner.lastName);
    await learners.row(name()).first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `${learner.firstName} ${learner.lastName}` }).waitFor();
  }

  it('has a learner without a signed application, a plan naming three people and 13 consultations', async () => {
    const login = await fetch(`${app.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO.teacher, password: DEMO_PASSWORD }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    const { documents } = await api<{ documents: Learner[] }>('/api/sync/learners/pull?seq=0&limit=500');
    const found = documents.find((l) => l.schoolId === 'demo-school-vidusskola' && !l.consent);
    if (!found) throw new Error('the demo data has no learner without consent');
    learner = found;

    const today = localDate(new Date());
    const at = new Date().toISOString();
    const supportPlan = plan({
      id: 'e2e-plan-details',
      createdAt: at,
      updatedAt: at,
      learnerId: learner.id,
      schoolId: learner.schoolId,
      ...semesterOf(today),
      preparerIds: [TEACHER_ID],
      measures: [
        measure({ id: 'e2e-m-maths', subject: 'maths', staffId: TEACHER_ID }),
        measure({ id: 'e2e-m-lv', subject: 'latvian', staffId: 'demo-user-latvian' }),
        measure({
          id: 'e2e-m-psy',
          kind: 'specialist_consultation',
          subject: undefined,
          specialistRole: 'psychologist',
          staffId: 'demo-user-psychologist',
        }),
      ],
    });
    expect(await api<{ rejected: unknown[] }>('/api/sync/plans/push', [newRow(supportPlan)])).toMatchObject({
      rejected: [],
    });

    const attendance = ['attended', 'attended', 'absent_excused', 'attended', 'cancelled'] as const;
    const consultations = Array.from({ length: 13 }, (_, i) => {
      const came = attendance[i % attendance.length] ?? 'attended';
      return consultation({
        id: `e2e-consultation-${i}`,
        createdAt: at,
        updatedAt: at,
        schoolId: learner.schoolId,
        staffId: TEACHER_ID,
        // The oldest one a semester back, to show the history across semesters.
        date: i === 12 ? daysBefore(today, 200) : daysBefore(today, 1 + i * 3),
        startTime: '14:10',
        attendees: [
          { ...attendee(learner.id, came), ...(i % 2 === 0 && came === 'attended' ? { confirmedAt: at } : {}) },
        ],
      });
    });
    expect(await api<{ rejected: unknown[] }>('/api/sync/consultations/push', consultations.map(newRow))).toMatchObject(
      {
        rejected: [],
      },
    );
  });

  it('shows who works with the learner and their consultations, newest first, ten at a time', async () => {
    const { page } = app.devices.tablet;
    await page.goto(app.server.url);
    await openLearner(page, DEMO.teacher);
    const staff = page.locator('section[aria-labelledby="learner-staff"]');
    await expect.poll(() => staff.locator('.learner-staff__item').count(), { timeout: 30_000 }).toBe(3);
    // The directory may still be arriving from the first sync: the order settles once every name is known.
    await expect
      .poll(() => staff.locator('.learner-staff__name').allInnerTexts(), { timeout: 30_000 })
      .toEqual(['Andris Ozols', 'Dace Liepa', 'Ilze Kalniņa']);
    expect(await staff.locator('.learner-staff__item').last().innerText()).toMatch(/Matemātika[\s\S]*sagatavo plānu/);

    const history = page.locator('section[aria-labelledby="learner-history"]');
    await expect.poll(() => history.locator('.learner-history__item').count(), { timeout: 30_000 }).toBe(10);
    await history.getByText('Parādītas 10 no 13').waitFor();
    await history.getByRole('button', { name: 'Rādīt vēl' }).click();
    await expect.poll(() => history.locator('.learner-history__item').count()).toBe(13);
    expect(await history.locator('.learner-history__semester').count()).toBe(2);
    expect(await history.getByRole('button', { name: 'Rādīt vēl' }).count()).toBe(0);
  });

  it('records a parent and the signed application with the network cut', async () => {
    const { page, context } = app.devices.tablet;
    await waitForServiceWorker(page);
    await app.server.halt();
    await context.setOffline(true);
    await expect.poll(() => new LearnersPage(page).syncState()).toBe('offline');

    const consent = page.locator('section[aria-labelledby="learner-consent"]');
    await consent.getByText('Parakstīts iesniegums vēl nav reģistrēts.').waitFor();
    await page.getByRole('heading', { name: 'Pamatdati' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 330));
    await page.screenshot({ path: `${shots}/learner-no-consent-1024x768.png` });
    await consent.getByRole('button', { name: 'Reģistrēt parakstīto iesniegumu' }).click();
    const consentForm = consent.getByRole('form', { name: 'Parakstītais iesniegums' });
    await consentForm.getByLabel('Parakstīšanas datums').fill('2026-09-03');
    await consentForm.getByLabel('Kas parakstīja').fill(SIGNER);
    await consentForm.getByLabel('Parakstītājs ir').selectOption('parent');
    await consentForm.getByRole('button', { name: t('common:actions.save'), exact: true }).click();
    await consent.getByText('Iesniegums parakstīts').waitFor();

    const guardians = page.locator('section[aria-labelledby="learner-guardians"]');
    const seeded = learner.guardians[0];
    if (!seeded) throw new Error('demo learner without a guardian');
    await guardians.getByRole('button', { name: 'Pievienot vecāku vai aizbildni' }).click();
    const form = guardians.getByRole('form', { name: 'Jauns vecāks vai aizbildnis' });
    await form.getByLabel('Vārds, uzvārds').fill(GUARDIAN.name);
    await form.getByLabel(/Radniecība/).fill(GUARDIAN.relation);
    await form.getByLabel(/Tālrunis/).fill(GUARDIAN.phone);
    await form.getByLabel(/E-pasts/).fill('inga@');
    await form.getByRole('button', { name: t('common:actions.save'), exact: true }).click();
    // The error sits under the field, and nothing typed is gone.
    await form.getByText('Ievadiet e-pasta adresi, piemēram, vards@epasts.lv.').waitFor();
    expect(await form.getByLabel('Vārds, uzvārds').inputValue()).toBe(GUARDIAN.name);
    await form.getByLabel(/E-pasts/).fill(GUARDIAN.email);
    await form.getByRole('button', { name: t('common:actions.save'), exact: true }).click();
    const added = guardians.locator('.guardian').filter({ hasText: GUARDIAN.name });
    await added.waitFor();
    expect(await added.getByRole('link', { name: /Zvanīt/ }).getAttribute('href')).toBe('tel:+37120000001');
    expect(await added.getByRole('link', { name: /Rakstīt/ }).getAttribute('href')).toBe(`mailto:${GUARDIAN.email}`);

    // The seeded guardian goes, after a confirmation.
    await guardians.getByRole('button', { name: `Noņemt: ${seeded.name}` }).click();
    await guardians.getByRole('alertdialog').getByRole('button', { name: 'Noņemt', exact: true }).click();
    await expect.poll(() => guardians.locator('.guardian').count()).toBe(1);
    await expect.poll(() => page.getByTestId('sync-pending').count()).toBe(1);
    // Family details are encrypted at rest on the device.
    const dump = await readIndexedDb(page, '');
    expect(dump).toContain(learner.id);
    for (const secret of [GUARDIAN.email, GUARDIAN.name, '2000 0001']) expect(dump).not.toContain(secret);

    await dismissNotifications(page);
    await page.getByRole('heading', { name: 'Pamatdati' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 330));
    await page.screenshot({ path: `${shots}/learner-1024x768.png` });
    await page.screenshot({ path: `${shots}/learner-1024x768-full.png`, fullPage: true });
  });

  it('sends them once the network is back', async () => {
    await app.server.restart();
    await app.devices.tablet.context.setOffline(false);
    await expect
      .poll(async () => (await serverLearner())?.consent?.signedBy ?? null, { timeout: 45_000, interval: 1_000 })
      .toBe(SIGNER);
    const stored = await serverLearner();
    expect(stored?.consent).toEqual({ signedOn: '2026-09-03', signedBy: SIGNER, signerRole: 'parent' });
    expect(stored?.guardians).toEqual([{ id: expect.any(String) as string, ...GUARDIAN }]);
    await expect.poll(() => app.devices.tablet.page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
  });

  it('a colleague’s phone shows them, and the page fits 360 px', async () => {
    const { page } = app.devices.phone;
    await page.goto(app.server.url);
    await openLearner(page, 'marta.vitola');
    const guardians = page.locator('section[aria-labelledby="learner-guardians"]');
    await guardians.getByText(GUARDIAN.name).waitFor({ timeout: 30_000 });
    expect(await guardians.getByRole('link', { name: /Zvanīt/ }).getAttribute('href')).toBe('tel:+37120000001');
    const consent = page.locator('section[aria-labelledby="learner-consent"]');
    await consent.getByText(SIGNER).waitFor();
    expect(await consent.innerText()).toContain('vecāks');
    // She may edit learners too.
    expect(await guardians.getByRole('button', { name: 'Pievienot vecāku vai aizbildni' }).count()).toBe(1);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await dismissNotifications(page);
    await page.getByRole('heading', { name: 'Iesniegums un piekrišana' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/learner-360x740.png` });
    await page.screenshot({ path: `${shots}/learner-360x740-full.png`, fullPage: true });
    await guardians.getByRole('button', { name: `Labot: ${GUARDIAN.name}` }).click();
    await guardians.getByRole('form', { name: `Labot: ${GUARDIAN.name}` }).waitFor();
    await guardians.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/learner-guardian-form-360x740.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await guardians.getByRole('button', { name: 'Atcelt' }).click();

    await page.getByLabel(t('common:language.label')).selectOption('ru');
    await page.getByRole('heading', { name: 'Родители и опекуны' }).waitFor();
    await page.screenshot({ path: `${shots}/learner-ru-360x740-full.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByLabel('Язык').selectOption('lv');
  });

  it('a municipal coordinator reads the page but is offered no changes', async () => {
    const { page } = app.devices.phone;
    await signOut(page);
    await page.getByRole('heading', { name: t('account:signIn.title') }).waitFor();
    await openLearner(page, 'inese.zarina', true);
    const guardians = page.locator('section[aria-labelledby="learner-guardians"]');
    await guardians.getByText(GUARDIAN.name).waitFor({ timeout: 30_000 });
    await page.getByText('Jūs varat skatīt šī izglītojamā datus, bet ne mainīt tos.').waitFor();
    expect(await guardians.getByRole('button').count()).toBe(0);
    expect(await page.locator('section[aria-labelledby="learner-consent"]').getByRole('button').count()).toBe(0);
    expect(await page.getByLabel('Vārds', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: `${shots}/learner-readonly-360x740-full.png`, fullPage: true });
  });
});
