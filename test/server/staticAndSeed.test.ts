import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvalStage,
  checkCompensation,
  compareLearners,
  defaultProfile,
  dueSessions,
  entitySchemas,
  measureFor,
  isIndirectWork,
  isStaffEvent,
  noShowsByLearner,
  planProgress,
  profileForSchoolYear,
  pumpurs2017,
  sameSemester,
  semesterFigures,
  semesterOf,
  statusChangeProblem,
  weekdayOf,
  type CollectionName,
  type SupportPlan,
} from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { demoDocuments } from '../../src/server/seed/demoData';
import { planVersions, seedDemoIfEmpty } from '../../src/server/seed/seedDemo';
import type { Store } from '../../src/server/store/store';
import { storeFactories } from '../fixtures/stores';

describe('serving the built app', () => {
  let dir: string;
  let app: FastifyInstance;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atbalsts-static-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Atbalsts</title>');
    await writeFile(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.info(1)');
    // As the build leaves them (vite.config.ts precompress): siblings of the same file, told apart by their bytes here.
    const big = 'console.info("Atbalsts");\n'.repeat(200);
    await writeFile(join(dir, 'assets', 'app-def456.js'), big);
    await writeFile(join(dir, 'assets', 'app-def456.js.br'), brotliCompressSync(big));
    await writeFile(join(dir, 'assets', 'app-def456.js.gz'), gzipSync(big));
    const created = await storeFactories[0]!.create();
    dispose = created.dispose;
    await migrate(created.store);
    app = await buildApp({ store: created.store, staticDir: dir });
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['/', 'no-cache'],
    ['/sw.js', 'no-cache'],
    ['/assets/index-abc123.js', 'public, max-age=31536000, immutable'],
  ])('serves %s with Cache-Control %s and the security headers', async (url, cacheControl) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe(cacheControl);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the brotli or gzip sibling the browser accepts, with Vary, and the raw file otherwise (issue 13.11)', async () => {
    const url = '/assets/app-def456.js';
    const raw = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(raw.headers['content-encoding']).toBeUndefined();
    const original = raw.rawPayload;
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(original.length / 10);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);
    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);
  });

  it('answers a deep link with the app shell, but a missing file or API path with 404', async () => {
    const page = await app.inject({ method: 'GET', url: '/learners/abc', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Atbalsts</title>');
    const file = await app.inject({ method: 'GET', url: '/assets/missing.js', headers: { accept: '*/*' } });
    expect(file.statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/missing', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
  });
});

/** A fixed day for stable tests: a Wednesday late in semester 1 of 2026/2027. */
const TODAY = '2026-11-25';
const docsOf = (today?: string) => {
  const docs = demoDocuments(today);
  return {
    ...docs,
    plans: docs.plans ?? [],
    consultations: docs.consultations ?? [],
    compensations: docs.compensations ?? [],
    schedules: docs.schedules ?? [],
    notes: docs.notes ?? [],
    learners: docs.learners ?? [],
    users: docs.users ?? [],
  };
};

function expectValid(documents: ReturnType<typeof demoDocuments>) {
  for (const [collection, docs] of Object.entries(documents) as [CollectionName, unknown[]][]) {
    for (const doc of docs) expect(entitySchemas[collection].safeParse(doc).error).toBeUndefined();
  }
  const ids = Object.values(documents).flatMap((docs) => docs.map((d) => d.id));
  expect(new Set(ids).size).toBe(ids.length);
}

describe('demo data', () => {
  it('is the same on every call for a day and valid against the domain schemas', () => {
    const first = demoDocuments(TODAY);
    expect(demoDocuments(TODAY)).toEqual(first);
    expectValid(first);
    // Ezerkalnu novads's two schools and Rudzupes novads's one.
    expect(first.schools).toHaveLength(3);
    expect(first.municipalities?.map((m) => m.name)).toEqual(['Ezerkalnu novads', 'Rudzupes novads']);
    expect(first.learners!.length).toBeGreaterThanOrEqual(35);
    expect(first.users!.length).toBeGreaterThanOrEqual(5);
    // Without a day, the seed's own: valid too.
    expectValid(demoDocuments());
  });

  it('gives vocational learners vocational programmes and feminine surnames to girls where it can tell', () => {
    const { learners = [], schools = [] } = demoDocuments(TODAY);
    const vocational = schools.find((s) => s.kind === 'vocational')!;
    for (const l of learners) expect(l.programme === 'vocational').toBe(l.schoolId === vocational.id);
    const anna = learners.filter((l) => ['Anna', 'Marta', 'Elza', 'Laura'].includes(l.firstName));
    for (const l of anna) expect(l.lastName).toMatch(/(a|e)$/);
  });
});

describe('the demo semester', () => {
  const docs = docsOf(TODAY);
  const current = semesterOf(TODAY);
  const plansNow = docs.plans.filter((p) => sameSemester(p, current));
  const RUDZUPE = 'demo-school-rudzupe';
  const ezerkalni = (p: SupportPlan) => p.schoolId !== RUDZUPE;
  const name = (learnerId: string) => {
    const l = docs.learners.find((x) => x.id === learnerId)!;
    return `${l.lastName} ${l.firstName}`;
  };
  const user = (username: string) => docs.users.find((u) => u.username === username)!;

  it('holds plans of both schools along the whole workflow, stable for a given day', () => {
    const summary = Object.fromEntries(
      plansNow
        .filter(ezerkalni)
        .map((p) => [name(p.learnerId), `${p.status}${approvalStage(p) ? ` (${approvalStage(p)})` : ''}`]),
    );
    expect(summary).toEqual({
      'Krūmiņš Emīls': 'in_progress',
      'Ozoliņa Elza': 'in_progress',
      'Dūmiņš Gustavs': 'in_progress',
      'Čakste Rainers': 'in_progress',
      'Grīnberga Līva': 'in_progress',
      'Lūse Katrīna': 'suspended',
      'Pētersons Rainers': 'approved',
      'Eglīte Alise': 'in_approval (municipality)',
      'Kalniņa Marta': 'in_approval (director)',
      'Zariņš Artūrs': 'draft',
      'Eglīte Rēzija': 'in_progress',
      'Grīnbergs Roberts': 'in_progress',
      'Vītols Roberts': 'in_approval (director)',
      'Balode Laura': 'draft',
    });
    expect(plansNow.find((p) => p.status === 'suspended')?.statusReason).toBeTruthy();
    // Last semester's plan was evaluated from its own sessions, and continues in this one.
    const [previous, ...others] = docs.plans.filter((p) => ezerkalni(p) && !sameSemester(p, current));
    expect(others).toEqual([]);
    expect(previous?.evaluation?.outcome).toBe('continues');
    const share = planProgress(previous!, docs.consultations, docs.compensations, defaultProfile).share;
    expect(previous?.evaluation?.deliveredShare).toBe(share);
    expect(plansNow.find((p) => p.learnerId === previous?.learnerId)?.history[0]?.action).toBe('created_from_previous');
  });

  it('holds Rudzupe’s plans: this semester’s along the workflow, last semester’s evaluated with every outcome', () => {
    const status = (p: SupportPlan) => `${p.status}${approvalStage(p) ? ` (${approvalStage(p)})` : ''}`;
    const ofRudzupe = docs.plans.filter((p) => p.schoolId === RUDZUPE);
    const now = ofRudzupe.filter((p) => sameSemester(p, current));
    // As demoRudzupeStory.ts tells it: ten running (two of them meals only), one approved, one at the
    // municipality, one draft.
    expect(Object.fromEntries(now.map((p) => [name(p.learnerId), status(p)]))).toEqual({
      'Ozoliņš Emīls': 'in_progress',
      'Krūmiņa Līva': 'in_progress',
      'Krūmiņš Ričards': 'in_progress',
      'Dūmiņa Līva': 'in_progress',
      'Lūse Estere': 'in_progress',
      'Pētersone Madara': 'in_progress',
      'Krūmiņa Paula': 'in_progress',
      'Siliņš Gustavs': 'in_progress',
      'Eglīte Sofija': 'in_progress',
      'Ozoliņš Dāvis': 'in_progress',
      'Siliņš Tomass': 'approved',
      'Ozoliņa Estere': 'in_approval (municipality)',
      'Vītola Emīlija': 'draft',
    });
    const before = ofRudzupe.filter((p) => !sameSemester(p, current));
    expect(
      Object.fromEntries(
        before.map((p) => [name(p.learnerId), [p.evaluation?.outcome, ...(p.evaluation?.reasons ?? [])].join(' ')]),
      ),
    ).toEqual({
      'Krūmiņa Līva': 'continues',
      'Eglīte Sofija': 'continues',
      'Čakste Katrīna': 'improved',
      'Lūse Elza': 'improved',
      'Pētersone Marta': 'improved',
      'Dūmiņš Markuss': 'improved',
      'Ģērmanis Gustavs': 'improved',
      'Vītols Kārlis': 'no_improvement lack_of_motivation unexcused_absence',
      'Čakste Madara': 'no_improvement parents_indifference',
      'Šmite Anna': 'no_longer_needed',
    });
    // Those who continue start this semester from last semester's plan; every plan of the school is the school's.
    for (const n of ['Krūmiņa Līva', 'Eglīte Sofija'])
      expect(now.find((p) => name(p.learnerId) === n)?.history[0]?.action).toBe('created_from_previous');
    const rudzupeLearners = new Set(docs.learners.filter((l) => l.schoolId === RUDZUPE).map((l) => l.id));
    expect(rudzupeLearners.size).toBe(30);
    expect(ofRudzupe.every((p) => rudzupeLearners.has(p.learnerId))).toBe(true);
    expect(docs.consultations.filter((c) => c.schoolId === RUDZUPE).length).toBeGreaterThan(100);
    expect(new Set(docs.compensations.filter((c) => c.schoolId === RUDZUPE).map((c) => c.category))).toEqual(
      new Set(['meals', 'intercity_transport']),
    );
  });

  it('writes each plan’s history as the workflow would, by people allowed to take each step', () => {
    for (const plan of docs.plans) {
      const learner = docs.learners.find((l) => l.id === plan.learnerId)!;
      const school = docs.schools!.find((s) => s.id === plan.schoolId)!;
      expect(learner.consent, name(plan.learnerId)).toBeDefined();
      expect(plan.risks.every((r) => pumpurs2017.riskGroups.some((g) => g.items.includes(r.code)))).toBe(true);
      const riskIds = new Set(plan.risks.map((r) => r.id));
      for (const m of plan.measures) {
        expect(m.riskIds.length > 0 && m.riskIds.every((id) => riskIds.has(id))).toBe(true);
        expect(m.justification.trim()).not.toBe('');
      }
      // Each version of the plan, from its draft on, passes the server's rule for a push by that step's author.
      let previous: SupportPlan | null = null;
      for (const version of planVersions(plan)) {
        const by = docs.users.find((u) => u.id === version.by)!;
        const actor = {
          userId: by.id,
          roles: by.roles,
          schoolIds: by.roles.includes('municipal_coordinator') ? [school.id] : by.schoolIds,
          municipalityIds: [school.municipalityId],
        };
        expect(
          statusChangeProblem(previous, version.plan, { actor, school, learner, profile: defaultProfile }),
        ).toBeNull();
        previous = version.plan;
      }
      expect(previous).toEqual(plan);
      const times = plan.history.map((h) => h.at);
      expect([...times].sort()).toEqual(times);
      expect(times.every((t) => t < `${TODAY}T00:00:00Z`)).toBe(true);
    }
  });

  it('leaves without a plan the learners the browser tests start from', () => {
    const withPlans = new Set(docs.plans.map((p) => p.learnerId));
    const general = docs.learners.filter((l) => l.schoolId === 'demo-school-vidusskola').sort(compareLearners);
    expect(withPlans.has(general[0]!.id)).toBe(false);
    for (const l of docs.learners.filter((x) => !x.consent)) expect(withPlans.has(l.id)).toBe(false);
  });

  it('has sessions on school days before today for every running plan, tied to the plans’ measures', () => {
    for (const c of docs.consultations) {
      expect(c.date < TODAY).toBe(true);
      expect(weekdayOf(c.date)).toBeLessThanOrEqual(5);
      const plans = docs.plans.filter((p) => sameSemester(p, semesterOf(c.date)));
      expect(plans.length).toBeGreaterThan(0);
      // Each learner's plan (running when the session was held) has a measure of this subject or role.
      for (const a of c.attendees) {
        const asRunning = plans.map((p) => ({ ...p, status: 'in_progress' as const }));
        expect(measureFor(asRunning, a.learnerId, c), c.id).not.toBeNull();
      }
      if (c.measureId) {
        const measure = plans.find((p) => p.id === c.planId)?.measures.find((m) => m.id === c.measureId);
        expect(measure?.staffId).toBe(c.staffId);
      }
    }
    // Every running plan with consultations among its measures (a plan of meals only has none to hold).
    const consulting = (p: SupportPlan) => p.measures.some((m) => m.kind !== 'compensation');
    for (const plan of plansNow.filter((p) => p.status === 'in_progress' && consulting(p))) {
      const held = docs.consultations.filter((c) =>
        c.attendees.some((a) => a.learnerId === plan.learnerId && a.attendance === 'attended'),
      );
      expect(held.length, name(plan.learnerId)).toBeGreaterThan(0);
    }
    const shares = plansNow
      .filter((p) => p.status === 'in_progress' && consulting(p))
      .map((p) => planProgress(p, docs.consultations, docs.compensations, defaultProfile).share ?? 0);
    expect(Math.max(...shares)).toBeGreaterThanOrEqual(0.85);
    expect(Math.min(...shares)).toBeLessThan(0.6);

    const attendance = docs.consultations.flatMap((c) => c.attendees);
    expect(attendance.some((a) => a.attendance === 'cancelled')).toBe(true);
    expect(attendance.some((a) => a.attendance === 'absent_excused')).toBe(true);
    expect(Math.max(...noShowsByLearner(docs.consultations).values())).toBeGreaterThanOrEqual(3);
    expect(docs.consultations.some((c) => c.attendees.length > 1)).toBe(true);
    expect(attendance.some((a) => a.attendance === 'attended' && !a.confirmedAt)).toBe(true);
  });

  it('keeps compensations within the caps, paid, approved and requested', () => {
    for (const c of docs.compensations) {
      const learner = docs.learners.find((l) => l.id === c.learnerId)!;
      expect(checkCompensation(defaultProfile, c, learner.programme, docs.compensations), c.id).toBeNull();
      expect(docs.plans.find((p) => p.id === c.planId)?.status).toBe('in_progress');
    }
    expect(new Set(docs.compensations.map((c) => c.status))).toEqual(new Set(['paid', 'approved', 'requested']));
  });

  it('holds staff development of every kind over two semesters: 004’s 12-hour workshop for 19, a supervision for 7', () => {
    const events = (demoDocuments(TODAY).staffevents ?? []).filter(isStaffEvent);
    const people = (e: (typeof events)[number]) => e.participantIds.length + e.otherParticipants;
    expect(events.map((e) => [e.kind, e.schoolId ?? 'municipality', e.date, e.hours, people(e)])).toEqual([
      ['workshop', 'demo-school-tehnikums', '2026-02-12', 12, 19],
      ['supervision', 'demo-school-vidusskola', '2026-03-04', 2, 7],
      ['seminar', 'municipality', '2026-01-25', 4, 17],
      ['material', 'demo-school-vidusskola', '2026-09-08', 8, 1],
      ['conference', 'municipality', '2026-09-15', 10, 43],
    ]);
    // Early in a semester, what has not happened yet is not there.
    expect((demoDocuments('2026-09-10').staffevents ?? []).map((e) => e.kind)).not.toContain('conference');
  });

  it('holds the technical school’s indirect work: its accountant’s 19 hours and its coordinator’s 3 a school month', () => {
    const docs = demoDocuments(TODAY);
    const indirect = (docs.staffevents ?? []).filter(isIndirectWork);
    const hoursOf = (staffId: string, from: string, to: string) =>
      indirect
        .filter((w) => w.staffId === staffId && w.month >= from && w.month <= to)
        .reduce((s, w) => s + w.minutes, 0) / 60;
    // Last semester's school months January–June, 6 × 19 and 6 × 3; this one September–November so far, 3 × 19, 3 × 3.
    expect(hoursOf('demo-user-accountant', '2026-01', '2026-08')).toBe(114);
    expect(hoursOf('demo-user-director-tech', '2026-01', '2026-08')).toBe(18);
    expect(hoursOf('demo-user-accountant', '2026-09', '2026-12')).toBe(57);
    expect(hoursOf('demo-user-director-tech', '2026-09', '2026-12')).toBe(9);
    expect(new Set(indirect.map((w) => w.schoolId))).toEqual(new Set(['demo-school-tehnikums']));
    expect(docs.users?.find((u) => u.id === 'demo-user-accountant')?.roles).toEqual(['accountant']);
    // The semester's report of the technical school: 66 indirect hours, one accountant and one coordinator.
    const figures = semesterFigures(
      {
        learners: [],
        plans: [],
        consultations: docs.consultations ?? [],
        compensations: [],
        users: docs.users ?? [],
        indirectWork: indirect,
      },
      { schoolYear: '2026/2027', semester: 1 },
      { schoolIds: new Set(['demo-school-tehnikums']) },
    );
    expect(figures.indirectWork.indirectMinutes).toBe(66 * 60);
    expect(figures.indirectWork.byGroup.accountant.count).toBe(1);
    expect(figures.indirectWork.byGroup.coordinator.count).toBe(1);
  });

  it('holds the successor profile Skola–kopiena, chosen for next school year; this year stays PuMPuRS', () => {
    const profiles = demoDocuments(TODAY).profiles ?? [];
    expect(profiles.map((p) => [p.title, p.years, p.schoolYears])).toEqual([
      ['Skola–kopiena', { from: 2024, to: 2029 }, ['2027/2028']],
    ]);
    expect(profileForSchoolYear(profiles, '2026/2027').id).toBe(pumpurs2017.id);
    expect(profileForSchoolYear(profiles, '2027/2028').id).toBe('demo-profile-skola-kopiena');
    // 80 € of meals a month instead of 70 €, and one risk more than PuMPuRS's 23.
    expect(profiles[0]?.compensations.find((c) => c.code === 'meals')?.capCents).toBe(8000);
    expect(profiles[0]?.riskGroups.flatMap((g) => g.items)).toHaveLength(24);
    // The demo's plans were made before it: PuMPuRS plans.
    expect(docs.plans.every((p) => p.profileId === undefined)).toBe(true);
  });

  it('gives the maths teacher a weekly session due or overdue today, and the psychologist a private and a shared note', () => {
    const ilze = user('ilze.kalnina');
    const schedules = docs.schedules.filter((s) => s.staffId === ilze.id);
    expect(schedules.some((s) => !s.active)).toBe(true);
    const { due, overdue } = dueSessions(schedules, docs.consultations, TODAY);
    expect(due.length + overdue.length).toBeGreaterThan(0);
    expect(docs.notes.map((n) => n.sharedWithSupportTeam).sort()).toEqual([false, true]);
    expect(docs.notes.every((n) => n.authorId === user('dace.liepa').id)).toBe(true);
  });

  it.each(['2026-09-01', '2026-09-03', '2026-09-10', '2026-12-30', '2027-01-05', '2027-07-10'])(
    'is thin but valid early in a semester or after its lessons (%s)',
    (today) => {
      const early = docsOf(today);
      expectValid(early);
      expect(early.consultations.every((c) => c.date < today)).toBe(true);
      for (const plan of early.plans) {
        expect(plan.history.every((h) => h.at < `${today}T00:00:00Z`)).toBe(true);
        expect(planVersions(plan).at(-1)?.plan).toEqual(plan);
      }
    },
  );
});

describe.each(storeFactories)('seeding on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
  });
  afterAll(async () => dispose?.());

  it('seeds an empty database once, through the server’s checks, and never one that holds data', async () => {
    const demo = demoDocuments(TODAY);
    const expected = Object.values(demo).reduce((n, docs) => n + docs.length, 0);
    expect(await seedDemoIfEmpty(store, TODAY)).toBe(expected);
    expect(await seedDemoIfEmpty(store, TODAY)).toBe(0);
    const [{ count }] = (await store.query<{ count: number }>('SELECT count(*)::int AS count FROM documents')) as [
      { count: number },
    ];
    expect(count).toBe(expected);
    const plans = await store.query<{ data: SupportPlan }>(
      `SELECT data FROM documents WHERE collection = 'plans' ORDER BY id`,
    );
    const byId = [...(demo.plans ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(plans.map((p) => p.data)).toEqual(byId);
  });
});
