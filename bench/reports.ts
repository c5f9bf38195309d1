/**
 * The rules behind screens that read a municipality's semester at once: staff hours and the delivered share of every
 * plan over ~20,000 consultations, and planning a large class-list import. Pure functions, timed in Node; the
 * budget is design.md's "well under a second" for reports over a municipality's semester.
 */
import {
  defaultProfile,
  hoursByStaff,
  planClassImport,
  progressOfPlans,
  type Consultation,
  type ImportCell,
  type Learner,
  type SupportPlan,
} from '../src/domain';
import type { BenchResult } from './figures';

const CONSULTATIONS = 20_000;
const PLANS = 1_500;
const SCHOOLS = 8;
const IMPORT_ROWS = 3_000;
const EXISTING_LEARNERS = 1_500;
/** Budget per computation, milliseconds (median of several runs). */
const BUDGET_MS = 300;
const AT = '2026-09-01T08:00:00.000Z';

function semesterData() {
  const plans: SupportPlan[] = Array.from({ length: PLANS }, (_, i) => ({
    id: `p${i}`,
    createdAt: AT,
    updatedAt: AT,
    learnerId: `l${i}`,
    schoolId: `s${i % SCHOOLS}`,
    schoolYear: '2026/2027',
    semester: 1,
    preparerIds: [`t${i % 60}`],
    status: 'in_progress',
    risks: [{ id: 'r1', code: 'learning.difficulty', note: '' }],
    measures: [
      {
        id: 'm1',
        kind: 'subject_consultation',
        subject: 'maths',
        staffId: `t${i % 60}`,
        riskIds: ['r1'],
        justification: 'x',
        plannedSessions: 12,
      },
      {
        id: 'm2',
        kind: 'specialist_consultation',
        specialistRole: 'psychologist',
        staffId: `psy${i % 8}`,
        riskIds: ['r1'],
        justification: 'x',
        plannedSessions: 6,
      },
    ],
    history: [],
  }));
  const consultations: Consultation[] = Array.from({ length: CONSULTATIONS }, (_, i) => {
    const learner = i % PLANS;
    const group = i % 7 === 0;
    const psychologist = i % 3 === 0;
    return {
      id: `c${i}`,
      createdAt: AT,
      updatedAt: AT,
      schoolId: `s${learner % SCHOOLS}`,
      staffId: psychologist ? `psy${learner % 8}` : `t${learner % 60}`,
      staffRole: psychologist ? 'psychologist' : 'subject_teacher',
      ...(psychologist ? {} : { subject: 'maths' }),
      planId: `p${learner}`,
      date: `2026-${String(9 + (i % 4)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      startTime: '',
      minutes: 40,
      mode: 'in_person',
      attendees: (group ? [learner, (learner + 1) % PLANS, (learner + 2) % PLANS] : [learner]).map((l, k) => ({
        learnerId: `l${l}`,
        attendance: (i + k) % 9 === 0 ? 'absent_unexcused' : 'attended',
      })),
      notes: '',
    };
  });
  return { plans, consultations };
}

function importData() {
  const existing: Learner[] = Array.from({ length: EXISTING_LEARNERS }, (_, i) => ({
    id: `e${i}`,
    schoolId: 's1',
    firstName: `Vārds${i}`,
    lastName: `Uzvārds${i % 700}`,
    className: `${5 + (i % 8)}.${'abc'[i % 3]}`,
    programme: 'general',
    guardians: [],
    archived: false,
    createdAt: AT,
    updatedAt: AT,
  }));
  // Half the rows are learners already there (some moved class), half new, a few broken.
  const table: ImportCell[][] = [['Uzvārds', 'Vārds', 'Klase', 'Dzimšanas datums']];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const known = i % 2 === 0 && i < EXISTING_LEARNERS * 2;
    const n = known ? i / 2 : EXISTING_LEARNERS + i;
    table.push([
      `Uzvārds${n % 700}`,
      i % 97 === 0 ? '' : `Vārds${n}`,
      `${5 + ((n + (i % 5 === 0 ? 1 : 0)) % 8)}.${'abc'[n % 3]}`,
      '',
    ]);
  }
  return { existing, table };
}

function median(run: () => unknown, times = 7): number {
  run();
  const samples = Array.from({ length: times }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return samples[Math.floor(times / 2)] ?? 0;
}

export async function benchReports(): Promise<BenchResult> {
  const { plans, consultations } = semesterData();
  const { existing, table } = importData();
  const hoursMs = median(() => hoursByStaff(consultations, '2026-09-01', '2026-12-31'));
  const progressMs = median(() => progressOfPlans(plans, consultations, [], defaultProfile));
  const importMs = median(() =>
    planClassImport(table, existing, { className: '', programme: 'general' }, '2026-11-25'),
  );
  const plan = planClassImport(table, existing, { className: '', programme: 'general' }, '2026-11-25');
  const counts = plan.ok ? plan.counts : null;
  const budget = { value: BUDGET_MS };
  const goal = 'design.md: well under a second';
  return {
    name: 'reports',
    context: [`pure computations in Node, median of 7; import plan counts ${JSON.stringify(counts)}`],
    figures: [
      {
        what: `staff hours over ${CONSULTATIONS.toLocaleString('en')} consultations`,
        measured: hoursMs,
        unit: 'ms',
        budget,
        goal,
      },
      {
        what: `delivered share of ${PLANS.toLocaleString('en')} plans over the same semester`,
        measured: progressMs,
        unit: 'ms',
        budget,
        goal,
      },
      {
        what: `class import plan, ${IMPORT_ROWS.toLocaleString('en')} rows against ${EXISTING_LEARNERS.toLocaleString('en')} learners`,
        measured: importMs,
        unit: 'ms',
        budget,
        goal,
      },
    ],
  };
}
