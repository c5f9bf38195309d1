/**
 * The state's report on PostgreSQL (issue 11): the server's national report (src/server/reports: the semester's rows
 * of every school read from the documents table, then the domain's figures over them) next to its floor, one plain
 * SQL aggregate over the same rows (counts and sums per municipality, with the report's filters). Issue 11's scale is
 * 600 schools, 22,000 plans and 400,000 consultations; BENCH_NATIONAL_SCALE (default 0.25) scales the plans,
 * consultations and compensations (the schools stay 600) so the bench runs in under a minute on this machine.
 * Runs on PostgreSQL when BENCH_DATABASE_URL (or else TEST_DATABASE_URL) is set, otherwise on embedded PGlite.
 */
import { migrate } from '../src/server/migrations/migrate';
import { nationalReport } from '../src/server/reports/nationalReport';
import type { Store } from '../src/server/store/store';
import { openBenchStore } from './benchStore';
import type { BenchResult } from './figures';

const SCALE = Number(process.env.BENCH_NATIONAL_SCALE ?? '0.25');
const SCHOOLS = 600;
const MUNICIPALITIES = 43;
const PLANS = Math.round(22_000 * SCALE);
const CONSULTATIONS = Math.round(400_000 * SCALE);
const COMPENSATIONS = Math.round(PLANS / 2);
/** Issue 11: the national report within ×1.5 of one plain SQL aggregate over the same rows. */
const RATIO_BUDGET = 1.5;
const RUNS = 3;
const AT = '2026-09-01T08:00:00.000Z';
const SEMESTER = { schoolYear: '2026/2027', semester: 1 } as const;

const NOTES =
  'Atkārtojām daļskaitļu saskaitīšanu un atņemšanu; skolēns strādāja patstāvīgi, kļūdas tikai saīsināšanā. ' +
  'Mājasdarbs: 12. lpp. 3.–5. uzdevums. Nākamreiz – procenti.';
const school = (i: number) => `s${i}`;
const municipalityOf = (i: number) => `m${i % MUNICIPALITIES}`;

function* documents(): Generator<[string, Record<string, unknown>]> {
  for (let m = 0; m < MUNICIPALITIES; m += 1)
    yield ['municipalities', { id: `m${m}`, name: `Novads ${m}`, createdAt: AT, updatedAt: AT }];
  for (let s = 0; s < SCHOOLS; s += 1)
    yield [
      'schools',
      {
        id: school(s),
        name: `Skola ${s}`,
        kind: 'general',
        municipalityId: municipalityOf(s),
        stateFounded: false,
        createdAt: AT,
        updatedAt: AT,
      },
    ];
  for (let t = 0; t < SCHOOLS * 3; t += 1)
    yield [
      'users',
      {
        id: `t${t}`,
        username: `t${t}`,
        displayName: `T ${t}`,
        roles: ['teacher'],
        specialistRoles: [],
        subjects: ['maths'],
        schoolIds: [school(t % SCHOOLS)],
        active: true,
        createdAt: AT,
        updatedAt: AT,
      },
    ];
  for (let p = 0; p < PLANS; p += 1)
    yield [
      'plans',
      {
        id: `p${p}`,
        learnerId: `l${p}`,
        schoolId: school(p % SCHOOLS),
        ...SEMESTER,
        preparerIds: [`t${p % (SCHOOLS * 3)}`],
        status: 'in_progress',
        risks: [{ id: 'r1', code: 'learning.difficulty', note: '' }],
        measures: [
          {
            id: 'm1',
            kind: 'subject_consultation',
            subject: 'maths',
            staffId: `t${p % (SCHOOLS * 3)}`,
            riskIds: ['r1'],
            justification: 'x',
            plannedSessions: 12,
          },
        ],
        history: [],
        createdAt: AT,
        updatedAt: AT,
      },
    ];
  for (let c = 0; c < CONSULTATIONS; c += 1) {
    const p = c % PLANS;
    yield [
      'consultations',
      {
        id: `c${c}`,
        schoolId: school(p % SCHOOLS),
        staffId: `t${p % (SCHOOLS * 3)}`,
        staffRole: 'subject_teacher',
        subject: 'maths',
        planId: `p${p}`,
        date: `2026-${String(9 + (c % 4)).padStart(2, '0')}-${String(1 + (c % 28)).padStart(2, '0')}`,
        minutes: 40,
        mode: c % 10 === 0 ? 'remote' : 'in_person',
        attendees: [{ learnerId: `l${p}`, attendance: c % 13 === 0 ? 'absent_unexcused' : 'attended' }],
        // What a teacher writes after a session (the sync bench's note, a few lines): every real record carries one.
        notes: NOTES,
        createdAt: AT,
        updatedAt: AT,
      },
    ];
  }
  for (let k = 0; k < COMPENSATIONS; k += 1)
    yield [
      'compensations',
      {
        id: `k${k}`,
        schoolId: school((k * 2) % SCHOOLS),
        learnerId: `l${k * 2}`,
        planId: `p${k * 2}`,
        category: 'meals',
        month: '2026-10',
        amountCents: 1500 + (k % 500),
        status: k % 3 === 0 ? 'approved' : 'paid',
        createdAt: AT,
        updatedAt: AT,
      },
    ];
}

/** Straight into the table in large batches: the bench is of reading, not of the push path. */
async function load(store: Store): Promise<number> {
  let batch: [string, Record<string, unknown>][] = [];
  let count = 0;
  const flush = async () => {
    await store.query(
      `INSERT INTO documents (collection, id, data, deleted, seq, school_id, municipality_id)
       SELECT x->>0, x->1->>'id', x->1, false, nextval('document_seq'), x->1->>'schoolId', x->1->>'municipalityId'
       FROM jsonb_array_elements($1::jsonb) AS x`,
      [JSON.stringify(batch)],
    );
    count += batch.length;
    batch = [];
  };
  for (const doc of documents()) {
    batch.push(doc);
    if (batch.length === 5_000) await flush();
  }
  if (batch.length) await flush();
  await store.query('ANALYZE documents');
  return count;
}

/**
 * The floor: one statement over the same rows the report reads (the semester's plans, its consultations by date or
 * plan, its compensations by month or plan, in schools on record), counted and summed per municipality.
 */
const PLAIN_AGGREGATE = `
  WITH schools AS (
    SELECT id, municipality_id FROM documents WHERE collection = 'schools' AND NOT deleted
  ), plans AS (
    SELECT d.id, d.school_id FROM documents d JOIN schools s ON s.id = d.school_id
    WHERE d.collection = 'plans' AND NOT d.deleted AND d.data->>'schoolYear' = $1 AND d.data->>'semester' = $2
  ), rows AS (
    SELECT d.collection, d.school_id, d.data FROM documents d JOIN schools s ON s.id = d.school_id
    WHERE NOT d.deleted AND (
      (d.collection = 'plans' AND d.data->>'schoolYear' = $1 AND d.data->>'semester' = $2)
      OR (d.collection = 'consultations' AND ((d.data->>'date' BETWEEN $3 AND $4) OR d.data->>'planId' IN (SELECT id FROM plans)))
      OR (d.collection = 'compensations' AND ((d.data->>'month' BETWEEN $5 AND $6) OR d.data->>'planId' IN (SELECT id FROM plans))))
  )
  SELECT s.municipality_id, r.collection, count(*) AS records,
    sum(CASE WHEN r.collection = 'consultations' THEN (r.data->>'minutes')::int ELSE 0 END) AS minutes,
    sum(CASE WHEN r.collection = 'compensations' THEN (r.data->>'amountCents')::int ELSE 0 END) AS cents,
    count(DISTINCT r.data->>'learnerId') AS learners
  FROM rows r JOIN schools s ON s.id = r.school_id
  GROUP BY s.municipality_id, r.collection`;

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

export async function benchNationalReport(): Promise<BenchResult> {
  const { store, name, close } = await openBenchStore('bench_national');
  try {
    await migrate(store);
    const loaded = await load(store);
    const params = [SEMESTER.schoolYear, String(SEMESTER.semester), '2026-09-01', '2026-12-31', '2026-09', '2026-12'];
    // Warm both (plans cached, zod and the figures compiled) before timing.
    const report = await nationalReport(store, SEMESTER);
    const plain = await store.query<{ records: string }>(PLAIN_AGGREGATE, params);
    const reportMs = await median(() => nationalReport(store, SEMESTER));
    const plainMs = await median(() => store.query(PLAIN_AGGREGATE, params));
    return {
      name: 'national-report',
      context: [
        `${name}, scale ${SCALE} of issue 11's: ${SCHOOLS} schools in ${MUNICIPALITIES} municipalities, ${PLANS.toLocaleString('en')} plans, ` +
          `${CONSULTATIONS.toLocaleString('en')} consultations, ${COMPENSATIONS.toLocaleString('en')} compensations (${loaded.toLocaleString('en')} documents); median of ${RUNS}`,
        `report: ${report.municipalities.length} municipalities, ${String(report.total.plansMade)} plans made, ` +
          `${report.total.consultationsHeld.toLocaleString('en')} consultations held; plain aggregate: ${plain.length} groups`,
      ],
      figures: [
        {
          what: 'national report (rows + domain figures)',
          measured: reportMs,
          unit: 'ms',
          floor: { what: 'one plain SQL aggregate', value: plainMs },
          budget: { ratio: RATIO_BUDGET },
          goal: 'issue 11: within ×1.5 of one plain SQL aggregate over the same rows',
        },
      ],
    };
  } finally {
    await close();
  }
}
