import {
  monthsOf,
  nationalFigures,
  profileById,
  profileForSchoolYear,
  profileOfPlans,
  type StoredProfile,
  type Compensation,
  type IndirectWork,
  type Learner,
  type Consultation,
  type Municipality,
  type NationalFigures,
  type School,
  type SchoolSemester,
  type StaffEvent,
  type SupportPlan,
  type User,
  type YouthProject,
} from '../../domain';
import type { Queryable } from '../store/store';

/**
 * The state's report over every school, from PostgreSQL: the server reads the rows a semester report needs — the
 * same rows a device reads for its schools (src/db/reports.ts reportInput$) — and runs the domain's pure figures on
 * them (domain/reports/nationalFigures.ts), so the device and the server cannot define a figure differently. Only
 * the published figures leave this function: no id, no name of a learner.
 *
 * The rows, per semester:
 * - the semester's plans of every school on record, drafts and all (the figures pick the plans made);
 * - consultations dated in the semester, and those linked to its plans whatever their date (a plan's delivered
 *   share counts every session logged for it); compensations for its months and those of its plans, likewise;
 * - the user directory (staff by role), and the staff development events that began in the semester, of schools
 *   and of municipalities. Of learners, only the ids of those who live in another municipality.
 * Deleted records (tombstones) and records of removed schools count in nothing, as on a device, which never holds
 * them. The filters are on the jsonb fields the documents carry; `documents_school` narrows by collection.
 *
 * What people wrote in words — a session's notes, a compensation's note, a plan's status reason, the copies in sync
 * conflict notes — counts in no figure, so it is left in the database: the state's report never reads a session
 * note. Of consultations, the most numerous rows, their bookkeeping (times written, start time, schedule) stays too.
 * In the bench (notes of two lines) this took the report from ×5.6 to ×3.7 of a plain aggregate. A figure that comes
 * to read one of these fields takes it off its list here (nationalReport.test.ts compares the state's figures with
 * the devices' over the same rows, notes and all). One `- text[]` per row: each `- 'key'` builds a new jsonb.
 */
export async function nationalReport(db: Queryable, semester: SchoolSemester): Promise<NationalFigures> {
  const months = monthsOf(semester);
  const firstMonth = months[0] ?? '';
  const lastMonth = months[months.length - 1] ?? '';
  // "-31" is past every month's last day in string order (as src/db/reports.ts semesterRange).
  const [firstDay, lastDay] = [`${firstMonth}-01`, `${lastMonth}-31`];

  const places = await db.query<{ collection: string; data: Municipality | School }>(
    `SELECT collection, data FROM documents
     WHERE collection IN ('municipalities', 'schools') AND NOT deleted`,
  );
  const schools = places.filter((p) => p.collection === 'schools').map((p) => p.data as School);
  const municipalities = places
    .filter((p) => p.collection === 'municipalities')
    .map((p) => p.data as Municipality)
    .sort((a, b) => a.name.localeCompare(b.name, 'lv') || a.id.localeCompare(b.id));
  const schoolIds = schools.map((s) => s.id);

  const plans = await dataOf<SupportPlan>(
    db,
    `SELECT data - '{statusReason,syncConflicts}'::text[] AS data FROM documents
     WHERE collection = 'plans' AND NOT deleted AND school_id = ANY($1)
       AND data->>'schoolYear' = $2 AND data->>'semester' = $3`,
    [schoolIds, semester.schoolYear, String(semester.semester)],
  );
  const planIds = plans.map((p) => p.id);
  const consultations = await dataOf<Consultation>(
    db,
    `SELECT data - '{notes,syncConflicts,createdAt,updatedAt,updatedBy,startTime,scheduleId}'::text[] AS data FROM documents
     WHERE collection = 'consultations' AND NOT deleted AND school_id = ANY($1)
       AND ((data->>'date' >= $2 AND data->>'date' <= $3) OR data->>'planId' = ANY($4))`,
    [schoolIds, firstDay, lastDay, planIds],
  );
  const compensations = await dataOf<Compensation>(
    db,
    `SELECT data - '{note,syncConflicts}'::text[] AS data FROM documents
     WHERE collection = 'compensations' AND NOT deleted AND school_id = ANY($1)
       AND ((data->>'month' >= $2 AND data->>'month' <= $3) OR data->>'planId' = ANY($4))`,
    [schoolIds, firstMonth, lastMonth, planIds],
  );
  const users = await dataOf<User>(db, `SELECT data FROM documents WHERE collection = 'users' AND NOT deleted`, []);
  // An event counts in the semester of its first day (rules/staffDevelopment eventInRange).
  const staffEvents = await dataOf<StaffEvent>(
    db,
    `SELECT data FROM documents
     WHERE collection = 'staffevents' AND NOT deleted AND data->>'date' >= $1 AND data->>'date' <= $2`,
    [firstDay, lastDay],
  );

  // Indirect work of the semester's months (a kind of staff record with a month, no date): its minutes and who.
  const indirectWork = await dataOf<IndirectWork>(
    db,
    `SELECT data FROM documents
     WHERE collection = 'staffevents' AND NOT deleted AND school_id = ANY($1)
       AND data->>'kind' = 'indirect' AND data->>'month' >= $2 AND data->>'month' <= $3`,
    [schoolIds, firstMonth, lastMonth],
  );

  // Only whether they live in another municipality, and only for those who do (the compensations' figure): no name,
  // no other field of a learner is read.
  const fromElsewhere = await db.query<{ id: string }>(
    `SELECT id FROM documents
     WHERE collection = 'learners' AND NOT deleted AND school_id = ANY($1)
       AND data->'livesInOtherMunicipality' = 'true'::jsonb`,
    [schoolIds],
  );
  const learners = fromElsewhere.map((l) => ({ id: l.id, livesInOtherMunicipality: true }) as Learner);

  // Since the programme began, whatever the semester (000: "78 projects in 36 municipalities").
  const youthProjects = await dataOf<YouthProject>(
    db,
    `SELECT data FROM documents WHERE collection = 'youthprojects' AND NOT deleted`,
    [],
  );

  // Each plan judged by its own profile (its delivered-share target), the figures listed under all of theirs, as on a
  // device (features/reports/ReportView.tsx).
  const stored = await dataOf<StoredProfile>(
    db,
    `SELECT data FROM documents WHERE collection = 'profiles' AND NOT deleted`,
    [],
  );
  const year = profileForSchoolYear(stored, semester.schoolYear);
  return nationalFigures(
    { learners, plans, consultations, compensations, users, staffEvents, indirectWork },
    semester,
    municipalities.map((m) => ({ id: m.id, name: m.name })),
    schools.map((s) => ({ id: s.id, municipalityId: s.municipalityId })),
    {
      profile: profileOfPlans(plans, stored, year),
      profileOfPlan: (plan) => profileById(stored, plan.profileId) ?? year,
    },
    youthProjects,
  );
}

async function dataOf<T>(db: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  const rows = await db.query<{ data: T }>(sql, params);
  return rows.map((r) => r.data);
}
