/**
 * Runs in Chromium: RxDB (Dexie storage) next to raw Dexie on the same data, the same indexes and the browser's
 * real IndexedDB. Learners go through plain Dexie storage (the data layer's own overhead); consultations through the
 * app's storage as database.ts builds it, sensitive fields encrypted. The page publishes its figures on
 * window.benchResult.
 */
import Dexie, { liveQuery } from 'dexie';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { consultationsOfSchool$ } from '../../src/db/consultations';
import { createDatabase } from '../../src/db/createDatabase';
import { encryptedStorage } from '../../src/db/crypto/encryptedStorage';
import { SENSITIVE_FIELDS } from '../../src/db/crypto/sensitiveFields';
import { hoursByStaff, type Consultation, type Learner } from '../../src/domain';

export interface LocalDatabaseFigures {
  learners: number;
  queries: number;
  rowsPerQuery: number;
  rxWriteMs: number;
  rawWriteMs: number;
  rxQueryMs: number;
  rawQueryMs: number;
  consultations: number;
  /** The same learners through the app's encrypted storage (three encrypted fields each). */
  encryptedLearnerWriteMs: number;
  /** The first half of the consultations, written in one bulk. */
  encryptedWriteCount: number;
  encryptedWriteMs: number;
  rawConsultationWriteMs: number;
  reportSchools: number;
  /** Every school's semester read by its [schoolId, date] index and its staff hours computed, all consultations. */
  rxReportMs: number;
  rawReportMs: number;
  /** The same computation alone, on data already in memory. */
  computeMs: number;
  /** One school's semester as a live query (the app's own), from inserting one consultation to the new emission. */
  liveEmissions: number;
  rxEmissionMs: number[];
  /** The same query as Dexie's liveQuery on the raw table. */
  rawEmissionMs: number[];
}

const EMISSIONS = 20;

/** Inserts one consultation at a time and times each until `rows$` emits a list that holds it. */
async function emissionTimes(
  subscribe: (next: (rows: readonly { id: string }[]) => void) => () => void,
  insert: (doc: Consultation) => Promise<unknown>,
  tag: string,
): Promise<number[]> {
  let waiting: { id: string; done: () => void } | null = null;
  let ready: () => void = () => {};
  const first = new Promise<void>((resolve) => (ready = resolve));
  const stop = subscribe((rows) => {
    ready();
    if (waiting && rows.some((r) => r.id === waiting!.id)) waiting.done();
  });
  await first;
  const times: number[] = [];
  const [template] = consultations();
  for (let i = 0; i < EMISSIONS; i++) {
    const doc = { ...template!, id: `live-${tag}-${i}`, schoolId: 'school-0', date: '2026-10-15' };
    const start = performance.now();
    const seen = new Promise<void>((resolve) => (waiting = { id: doc.id, done: resolve }));
    await insert(doc);
    await seen;
    times.push(performance.now() - start);
  }
  stop();
  return times;
}

const LEARNERS = 5_000;
const SCHOOLS = 10;
const CONSULTATIONS = 20_000;
const SEMESTER = { from: '2026-09-01', to: '2026-12-31' };

function learners(): Learner[] {
  const at = '2026-09-01T08:00:00.000Z';
  return Array.from({ length: LEARNERS }, (_, i) => ({
    id: `learner-${i}`,
    schoolId: `school-${i % SCHOOLS}`,
    firstName: `Vārds${i}`,
    lastName: `Uzvārds${(i * 7919) % LEARNERS}`,
    className: `${5 + (i % 8)}.${'abc'[i % 3]}`,
    programme: 'general',
    birthDate: `2012-0${1 + (i % 9)}-1${i % 10}`,
    guardians: [{ id: `g-${i}`, name: `Vecāks ${i}` }],
    consent: { signedOn: '2026-09-01', signedBy: `Vecāks ${i}`, signerRole: 'parent' },
    archived: false,
    createdAt: at,
    updatedAt: at,
  }));
}

function consultations(): Consultation[] {
  const at = '2026-11-24T08:00:00.000Z';
  return Array.from({ length: CONSULTATIONS }, (_, i) => ({
    id: `c-${i}`,
    schoolId: `school-${i % SCHOOLS}`,
    staffId: `staff-${i % 97}`,
    staffRole: 'subject_teacher',
    subject: 'maths',
    planId: `plan-${i % 1_500}`,
    date: `2026-${String(9 + (i % 4)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    startTime: '14:00',
    minutes: 40,
    mode: 'in_person',
    attendees: [{ learnerId: `learner-${i % LEARNERS}`, attendance: 'attended' }],
    notes: 'Atkārtojām daļskaitļus; mājasdarbs 12. lpp.',
    createdAt: at,
    updatedAt: at,
  }));
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function run(): Promise<LocalDatabaseFigures> {
  const data = learners();
  const suffix = Date.now().toString(36);

  const dexie = new Dexie(`bench-raw-${suffix}`);
  // The same compound index RxDB builds for the screen's query (RxDB prefixes every index with _deleted).
  dexie.version(1).stores({ learners: 'id, [_deleted+schoolId+lastName+firstName+id]' });
  const rawWriteMs = await time(() => dexie.table('learners').bulkAdd(data.map((l) => ({ ...l, _deleted: 0 }))));
  const rawQueryMs = await time(async () => {
    for (let s = 0; s < SCHOOLS; s++) {
      const school = `school-${s}`;
      await dexie
        .table('learners')
        .where('[_deleted+schoolId+lastName+firstName+id]')
        .between([0, school, '', '', ''], [0, school, '\uffff', '\uffff', '\uffff'])
        .toArray();
    }
  });
  dexie.close();

  const db = await createDatabase({ name: `bench-rx-${suffix}`, storage: getRxStorageDexie(), multiInstance: false });
  const rxWriteMs = await time(() => db.learners.bulkInsert(data));
  const rxQueryMs = await time(async () => {
    // Each school once, so every query reaches the storage rather than RxDB's query cache.
    for (let s = 0; s < SCHOOLS; s++) {
      await db.learners
        .find({ selector: { schoolId: `school-${s}` }, sort: [{ lastName: 'asc' }, { firstName: 'asc' }] })
        .exec();
    }
  });
  await db.close();

  const semester = consultations();
  const half = semester.slice(0, CONSULTATIONS / 2);
  const rest = semester.slice(CONSULTATIONS / 2);
  const rawConsultations = new Dexie(`bench-raw-c-${suffix}`);
  rawConsultations.version(1).stores({ consultations: 'id, [schoolId+date], [staffId+date], planId' });
  const rawTable = rawConsultations.table<Consultation>('consultations');
  const rawConsultationWriteMs = await time(() => rawTable.bulkPut(half));
  await rawTable.bulkPut(rest);
  const computed: unknown[] = [];
  const rawReportMs = await time(async () => {
    for (let s = 0; s < SCHOOLS; s++) {
      const school = `school-${s}`;
      const rows = await rawTable
        .where('[schoolId+date]')
        .between([school, SEMESTER.from], [school, SEMESTER.to], true, true)
        .toArray();
      computed.push(hoursByStaff(rows, SEMESTER.from, SEMESTER.to));
    }
  });
  const rawEmissionMs = await emissionTimes(
    (next) => {
      const subscription = liveQuery(() =>
        rawTable
          .where('[schoolId+date]')
          .between(['school-0', SEMESTER.from], ['school-0', SEMESTER.to], true, true)
          .toArray(),
      ).subscribe({ next });
      return () => subscription.unsubscribe();
    },
    (doc) => rawTable.put(doc),
    'raw',
  );
  const inMemory = await rawTable.toArray();
  const computeMs = await time(async () => {
    for (let s = 0; s < SCHOOLS; s++) {
      const school = `school-${s}`;
      const rows = inMemory.filter((c) => c.schoolId === school && c.date >= SEMESTER.from && c.date <= SEMESTER.to);
      computed.push(hoursByStaff(rows, SEMESTER.from, SEMESTER.to));
    }
  });
  rawConsultations.close();

  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const encrypted = await createDatabase({
    name: `bench-enc-${suffix}`,
    storage: encryptedStorage(getRxStorageDexie(), SENSITIVE_FIELDS, () => key),
    multiInstance: false,
    collections: ['consultations', 'learners'],
  });
  const encryptedLearnerWriteMs = await time(() => encrypted.learners.bulkInsert(data));
  const encryptedWriteMs = await time(() => encrypted.consultations.bulkInsert(half));
  await encrypted.consultations.bulkInsert(rest);
  const rxReportMs = await time(async () => {
    for (let s = 0; s < SCHOOLS; s++) {
      // As useConsultationsOfSchool reads them for the staff hours screen.
      const docs = await encrypted.consultations
        .find({ selector: { schoolId: `school-${s}`, date: { $gte: SEMESTER.from, $lte: SEMESTER.to } } })
        .exec();
      const rows = docs.map((d) => d.toMutableJSON() as Consultation);
      computed.push(hoursByStaff(rows, SEMESTER.from, SEMESTER.to));
    }
  });
  const rxEmissionMs = await emissionTimes(
    (next) => {
      const subscription = consultationsOfSchool$(encrypted, 'school-0', SEMESTER.from, SEMESTER.to).subscribe(next);
      return () => subscription.unsubscribe();
    },
    (doc) => encrypted.consultations.insert(doc),
    'rx',
  );
  await encrypted.close();
  if (computed.length !== SCHOOLS * 3) throw new Error('report not computed');

  return {
    consultations: CONSULTATIONS,
    encryptedLearnerWriteMs,
    encryptedWriteCount: half.length,
    encryptedWriteMs,
    rawConsultationWriteMs,
    reportSchools: SCHOOLS,
    rxReportMs,
    rawReportMs,
    computeMs,
    liveEmissions: EMISSIONS,
    rxEmissionMs,
    rawEmissionMs,
    learners: LEARNERS,
    queries: SCHOOLS,
    rowsPerQuery: LEARNERS / SCHOOLS,
    rxWriteMs,
    rawWriteMs,
    rxQueryMs,
    rawQueryMs,
  };
}

declare global {
  interface Window {
    benchResult?: LocalDatabaseFigures | { error: string };
  }
}

run().then(
  (figures) => (window.benchResult = figures),
  (error: unknown) => (window.benchResult = { error: String(error) }),
);
