import { mkdir, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './harness/demo';
import { seededApp, TABLET } from './harness/seededApp';
import { t } from './harness/labels';
import {
  localDate,
  semesterOf,
  type Compensation,
  type Guardian,
  type Learner,
  type SupportPlan,
  type SyncConflict,
} from '../../src/domain';
import { scanOrigin, waitForServiceWorker, type StoredText } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage } from './pages/SignInPage';

const results = new URL('../../test-results/', import.meta.url).pathname;
const A = { username: 'dace.liepa', name: 'Dace Liepa', id: 'demo-user-psychologist' };
const B = { username: 'marta.vitola', name: 'Marta Vītola' };

/**
 * What each person types, distinctive enough to be found anywhere. None of it is among what the README says is kept
 * in plaintext (names and classes of learners, staff names, ids, dates, amounts, statuses).
 */
const TYPED_BY_A = {
  note: 'Privāti: Zilonītis baidās no pārbaudes darbiem',
  guardianName: 'Aiga Zvaigznīte-Ābele',
  guardianPhone: '+371 2999 7731',
  justification: 'Pamatojums: ģimenē šķiršanās, Kvarcs-4417',
};
const TYPED_BY_B = {
  note: 'Kopīgi: Pūcīte stāsta par konfliktu mājās',
  compensationNote: 'Pusdienas, jo mamma bez darba Ozolzīle-5520',
  lostPhone: '+371 2888 4422',
};
/** A's edit of the same phone on her laptop, meanwhile: it wins on the server and is B's device's kept value. */
const SERVER_PHONE = '+371 2777 5533';
const prefixed = (who: string, values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [`${who}.${k}`, v]));
const A_SECRETS = prefixed('A', TYPED_BY_A);
const EVERY_SECRET = { ...A_SECRETS, ...prefixed('B', TYPED_BY_B), 'A.serverPhone': SERVER_PHONE };

interface Finding {
  secret: string;
  where: string;
  count: number;
}
const findingsOf = (stores: StoredText[], secrets: Record<string, string>): Finding[] =>
  stores.flatMap((s) =>
    Object.entries(secrets)
      .map(([secret, value]) => ({ secret, where: s.where, count: s.text.split(value).length - 1 }))
      .filter((f) => f.count > 0),
  );

/**
 * A shared school tablet: a psychologist and then a social pedagogue sign in on the same browser profile, each types
 * family details, notes, a justification and a compensation note, and a change made on two devices at once leaves a
 * conflict record. Everything the origin keeps at rest — every IndexedDB database and store (the replication meta
 * stores included), localStorage, sessionStorage, Cache Storage — is scanned with A locked, with B unlocked and with
 * everyone locked: none of what either typed may be readable.
 */
describe('a shared tablet keeps nothing typed readable at rest', () => {
  const app = seededApp({ tablet: TABLET });
  let token = '';
  let learner: Learner;
  const scans: { when: string; stores: number; kinds: Record<string, number>; findings: Finding[] }[] = [];
  /** The steps that typed something and finished: a scan after a failed step would prove nothing. */
  const typed = new Set<string>();

  const api = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${app.server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const pull = async <T>(collection: string) =>
    (await api<{ documents: T[] }>(`/api/sync/${collection}/pull?seq=0&limit=500`)).documents;
  const serverLearner = async () => (await pull<Learner>('learners')).find((l) => l.id === learner.id);
  const page = () => app.devices.tablet.page;

  async function scan(when: string, secrets: Record<string, string>) {
    const stores = await scanOrigin(page());
    const findings = findingsOf(stores, secrets);
    const kinds = Object.fromEntries(
      ['indexedDB', 'localStorage', 'sessionStorage', 'cache'].map((k) => [
        k,
        stores.filter((st) => st.where.startsWith(`${k}:`)).length,
      ]),
    );
    const databases = new Set(
      stores.filter((st) => st.where.startsWith('indexedDB:')).map((st) => st.where.split('/')[0]),
    );
    scans.push({ when, stores: stores.length, kinds: { ...kinds, databases: databases.size }, findings });
    await mkdir(results, { recursive: true });
    await writeFile(`${results}at-rest-scan.json`, JSON.stringify(scans, null, 2));
    return { stores, findings };
  }

  async function openLearner() {
    await page()
      .getByRole('link', { name: t('common:nav.learners') })
      .click();
    await page().getByLabel(t('common:school.label')).selectOption({ label: 'Ezerkalnu vidusskola' });
    const learners = new LearnersPage(page());
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await learners.search(learner.lastName);
    await learners.row(`${learner.lastName} ${learner.firstName}`).first().getByRole('link').click();
    await page()
      .getByRole('heading', { level: 1, name: `${learner.firstName} ${learner.lastName}` })
      .waitFor();
  }
  const synced = () => expect.poll(() => page().getByTestId('sync-pending').count(), { timeout: 45_000 }).toBe(0);
  const lock = () =>
    page()
      .getByRole('button', { name: t('account:menu.lock'), exact: true })
      .click();

  beforeAll(async () => {
    await mkdir(`${results}screenshots`, { recursive: true });
  });

  it('has a learner without a plan or compensations this semester, and A drafts a plan for her elsewhere', async () => {
    const login = await fetch(`${app.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: A.username, password: DEMO_PASSWORD }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    const today = localDate(new Date());
    const semester = semesterOf(today);
    const [learners, plans, compensations] = await Promise.all([
      pull<Learner>('learners'),
      pull<SupportPlan>('plans'),
      pull<Compensation>('compensations'),
    ]);
    const busy = new Set([
      ...plans
        .filter((p) => p.schoolYear === semester.schoolYear && p.semester === semester.semester)
        .map((p) => p.learnerId),
      ...compensations.map((c) => c.learnerId),
    ]);
    const found = learners.find((l) => l.schoolId === 'demo-school-vidusskola' && !busy.has(l.id));
    if (!found) throw new Error('the demo data has no learner free of plans and compensations');
    learner = found;

    // A plan A drew up on her laptop: the tablet receives it by sync (into its documents and the replication meta).
    const at = new Date().toISOString();
    const plan: SupportPlan = {
      id: 'e2e-plan-at-rest',
      createdAt: at,
      updatedAt: at,
      learnerId: learner.id,
      schoolId: learner.schoolId,
      ...semester,
      preparerIds: [A.id],
      status: 'draft',
      risks: [],
      measures: [
        {
          id: 'e2e-m-at-rest',
          kind: 'specialist_consultation',
          specialistRole: 'psychologist',
          staffId: A.id,
          riskIds: [],
          justification: TYPED_BY_A.justification,
          plannedSessions: 6,
        },
      ],
      history: [],
    };
    const pushed = await api<{ rejected: unknown[] }>('/api/sync/plans/push', [
      { assumedMasterState: null, newDocumentState: { ...plan, _deleted: false } },
    ]);
    expect(pushed.rejected).toEqual([]);
  });

  it('A writes a private note and adds a guardian, syncs, and locks', async () => {
    await page().goto(app.server.url);
    await new SignInPage(page()).signIn(A.username, DEMO_PASSWORD);
    await page()
      .getByRole('heading', { name: t('learners:title') })
      .waitFor();
    await waitForServiceWorker(page());
    await openLearner();

    await page().getByLabel('Piezīme', { exact: true }).fill(TYPED_BY_A.note);
    await page().getByRole('button', { name: 'Saglabāt piezīmi' }).click();
    await page().getByText(TYPED_BY_A.note).waitFor();

    const guardians = page().locator('section[aria-labelledby="learner-guardians"]');
    await guardians.getByRole('button', { name: 'Pievienot vecāku vai aizbildni' }).click();
    const form = guardians.getByRole('form', { name: 'Jauns vecāks vai aizbildnis' });
    await form.getByLabel('Vārds, uzvārds').fill(TYPED_BY_A.guardianName);
    await form.getByLabel(/Radniecība/).fill('māte');
    await form.getByLabel(/Tālrunis/).fill(TYPED_BY_A.guardianPhone);
    await form.getByRole('button', { name: t('common:actions.save'), exact: true }).click();
    await guardians.locator('.guardian').filter({ hasText: TYPED_BY_A.guardianName }).waitFor();
    await synced();
    await expect
      .poll(async () => (await serverLearner())?.guardians.some((g) => g.phone === TYPED_BY_A.guardianPhone), {
        timeout: 30_000,
      })
      .toBe(true);
    // The plan from her laptop has arrived.
    await expect
      .poll(() => page().locator('section[aria-labelledby="learner-plans"] .plan-list__link').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await lock();
    await page()
      .getByRole('heading', { name: t('account:unlock.title') })
      .waitFor();
    typed.add('A');
  });

  it('with A locked, nothing A typed is readable anywhere in the browser', async () => {
    expect([...typed]).toEqual(['A']);
    const { stores, findings } = await scan('A locked', A_SECRETS);
    expect(stores.some((s) => s.where.includes('rx-replication-meta'))).toBe(true);
    expect(stores.filter((s) => s.where.startsWith('indexedDB:')).length).toBeGreaterThan(20);
    // The scan reads real data: the learner's (deliberately plaintext) name is there.
    expect(stores.some((s) => s.text.includes(learner.lastName))).toBe(true);
    expect(findings).toEqual([]);
  });

  it('B signs in on the same tablet, writes a shared note and a compensation with a note', async () => {
    await page().getByRole('button', { name: 'Pieslēgties kā cits lietotājs' }).click();
    await new SignInPage(page()).signIn(B.username, DEMO_PASSWORD);
    await page()
      .getByRole('heading', { name: t('learners:title') })
      .waitFor();
    await openLearner();

    await page().getByLabel('Piezīme', { exact: true }).fill(TYPED_BY_B.note);
    await page().getByLabel('Dalīties ar skolas atbalsta komandu').check();
    await page().getByRole('button', { name: 'Saglabāt piezīmi' }).click();
    await page().getByText(TYPED_BY_B.note).waitFor();

    const compensations = page().locator('section[aria-labelledby="learner-compensations"]');
    await compensations.getByLabel('Veids', { exact: true }).selectOption('meals');
    await compensations.getByLabel('Mēnesis').fill(new Date().toISOString().slice(0, 7));
    await compensations.getByLabel('Summa, €').fill('12');
    await compensations.getByLabel(/^Piezīme/).fill(TYPED_BY_B.compensationNote);
    await compensations.getByRole('button', { name: 'Pievienot kompensāciju' }).click();
    await compensations.getByText(TYPED_BY_B.compensationNote).waitFor();
    await synced();
    typed.add('B');
  });

  it('B changes the guardian’s phone offline while A changes it elsewhere: a conflict record is kept', async () => {
    const guardians = page().locator('section[aria-labelledby="learner-guardians"]');
    await guardians.getByText(TYPED_BY_A.guardianPhone).waitFor({ timeout: 30_000 });
    await app.devices.tablet.context.setOffline(true);
    await expect.poll(() => new LearnersPage(page()).syncState()).toBe('offline');
    await guardians.getByRole('button', { name: `Labot: ${TYPED_BY_A.guardianName}` }).click();
    const form = guardians.getByRole('form', { name: `Labot: ${TYPED_BY_A.guardianName}` });
    await form.getByLabel(/Tālrunis/).fill(TYPED_BY_B.lostPhone);
    await form.getByRole('button', { name: t('common:actions.save'), exact: true }).click();
    await guardians.getByText(TYPED_BY_B.lostPhone).waitFor();

    const current = await serverLearner();
    if (!current) throw new Error('learner gone from the server');
    const edited = {
      ...current,
      guardians: current.guardians.map((g: Guardian) =>
        g.name === TYPED_BY_A.guardianName ? { ...g, phone: SERVER_PHONE } : g,
      ),
    };
    const pushed = await api<{ rejected: unknown[]; conflicts?: unknown[] }>('/api/sync/learners/push', [
      { assumedMasterState: { ...current, _deleted: false }, newDocumentState: { ...edited, _deleted: false } },
    ]);
    expect(pushed.rejected).toEqual([]);

    await app.devices.tablet.context.setOffline(false);
    const conflicts = async (): Promise<SyncConflict[]> => (await serverLearner())?.syncConflicts ?? [];
    await expect
      .poll(async () => (await conflicts()).some((c) => c.lost.includes(TYPED_BY_B.lostPhone)), { timeout: 45_000 })
      .toBe(true);
    expect((await conflicts()).some((c) => c.kept.includes(SERVER_PHONE))).toBe(true);
    await guardians.getByText(SERVER_PHONE).waitFor({ timeout: 30_000 });
    await synced();
    typed.add('conflict');
  });

  it('with B unlocked, nothing A or B typed is readable anywhere in the browser', async () => {
    expect([...typed]).toEqual(['A', 'B', 'conflict']);
    const { findings } = await scan('B unlocked', EVERY_SECRET);
    expect(findings).toEqual([]);
  });

  it('with everyone locked, nothing is readable either', async () => {
    await lock();
    await page()
      .getByRole('heading', { name: t('account:unlock.title') })
      .waitFor();
    expect([...typed]).toEqual(['A', 'B', 'conflict']);
    const { stores, findings } = await scan('everyone locked', EVERY_SECRET);
    expect(stores.filter((s) => s.where.includes('rx-replication-meta')).length).toBeGreaterThanOrEqual(2);
    expect(findings).toEqual([]);
  });

  it('A unlocks after a reload and finds her work, synced', async () => {
    await page().reload();
    await page().getByLabel('Kas strādā').selectOption({ label: A.name });
    await new SignInPage(page()).unlock(DEMO_PASSWORD);
    // Back where she left off; from there to the learner.
    await page()
      .getByRole('button', { name: t('account:menu.lock'), exact: true })
      .waitFor();
    await openLearner();
    await page().getByText(TYPED_BY_A.note).waitFor({ timeout: 30_000 });
    await page()
      .locator('section[aria-labelledby="learner-guardians"]')
      .getByText(SERVER_PHONE)
      .waitFor({ timeout: 30_000 });
    await synced();
    const { findings } = await scan('A unlocked again', EVERY_SECRET);
    expect(findings).toEqual([]);
  });

  it('a device left by the older version, with plaintext meta copies and conflict records, is still read', async () => {
    await lock();
    await page()
      .getByRole('heading', { name: t('account:unlock.title') })
      .waitFor();
    const onServer = await serverLearner();
    expect(onServer?.syncConflicts?.length).toBeGreaterThan(0);
    // What the older version kept: the server's copy in the replication meta and the conflict record, in plaintext.
    const planted = await page().evaluate(
      async ({ prefix, learnerId, copy, conflicts }) => {
        const done = <T>(request: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error ?? new Error('IndexedDB'));
          });
        let count = 0;
        for (const { name } of await indexedDB.databases()) {
          if (!name?.startsWith(prefix)) continue;
          const db = await done(indexedDB.open(name));
          if (!db.objectStoreNames.contains('docs')) {
            db.close();
            continue;
          }
          const tx = db.transaction('docs', 'readwrite');
          const store = tx.objectStore('docs');
          for (const row of (await done(store.getAll())) as Record<string, unknown>[]) {
            if (name.endsWith('--learners') && row.id === learnerId) {
              store.put({ ...row, syncConflicts: conflicts });
              count++;
            }
            if (name.includes('rx-replication-meta-') && row.itemId === learnerId) {
              store.put({ ...row, docData: copy });
              count++;
            }
          }
          await new Promise((resolve) => (tx.oncomplete = resolve));
          db.close();
        }
        localStorage.removeItem(`atbalsts.sealed.${prefix.replace(/^rxdb-dexie-|--$/g, '')}`);
        return count;
      },
      {
        // Any schema version: Dexie's store names carry the collection's (`--1--learners` once learners moved on).
        prefix: 'rxdb-dexie-atbalsts_u_demo_user_psychologist--',
        learnerId: learner.id,
        copy: { ...onServer, _deleted: false },
        conflicts: onServer?.syncConflicts,
      },
    );
    expect(planted).toBe(2);
    const before = await scan('A locked, plaintext of the older version planted', EVERY_SECRET);
    expect(before.findings.map((f) => f.secret)).toContain('B.lostPhone');

    await page().reload();
    await page().getByLabel('Kas strādā').selectOption({ label: A.name });
    await new SignInPage(page()).unlock(DEMO_PASSWORD);
    await page()
      .getByRole('button', { name: t('account:menu.lock'), exact: true })
      .waitFor();
    await openLearner();
    const guardians = page().locator('section[aria-labelledby="learner-guardians"]');
    await guardians.getByText(SERVER_PHONE).waitFor({ timeout: 30_000 });
    // Sealed as the stores opened, before anything was shown.
    expect((await scan('A unlocked after the upgrade', EVERY_SECRET)).findings).toEqual([]);

    // The sealed meta copy still says what the server has: an edit goes through without a new conflict.
    await guardians.getByRole('button', { name: `Labot: ${TYPED_BY_A.guardianName}` }).click();
    const form = guardians.getByRole('form', { name: `Labot: ${TYPED_BY_A.guardianName}` });
    await form.getByLabel(/Radniecība/).fill('vecmāmiņa');
    await form.getByRole('button', { name: t('common:actions.save'), exact: true }).click();
    await synced();
    await expect
      .poll(async () => (await serverLearner())?.guardians.find((g) => g.name === TYPED_BY_A.guardianName)?.relation, {
        timeout: 30_000,
      })
      .toBe('vecmāmiņa');
    expect((await serverLearner())?.syncConflicts).toEqual(onServer?.syncConflicts);
    await lock();
    expect((await scan('everyone locked at the end', EVERY_SECRET)).findings).toEqual([]);
  });
});
