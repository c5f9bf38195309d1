import { jsonEquals } from '../merge/mergeDocuments';
import type { ProgrammeProfile } from '../profile/programmeProfile';
import { profileById, type StoredProfile } from '../profile/storedProfile';
import type {
  YouthApplication,
  YouthApplicationStatus,
  YouthCompetition,
  YouthProject,
  YouthScoreSheet,
} from '../youthProject';

/**
 * The rules of youth initiative projects (issue 12; seeds 000, 002), one place for the device's forms and the
 * server's push check (server/replication/youthProjects.ts). Problems are message keys ("youthProject.…"); the
 * server answers them as its refusal codes.
 */
export type YouthProblem =
  | 'youthProject.unknownProfile'
  | 'youthProject.durationOutOfRange'
  | 'youthProject.grantNotProgrammeAmount'
  | 'youthProject.grantWithoutApproval'
  | 'youthProject.reasonMissing'
  | 'youthProject.stepNotAllowed'
  | 'youthProject.reportMissing'
  | 'youthProject.unknownCriterion'
  | 'youthProject.scoreOverMax'
  | 'youthProject.scoringClosed'
  | 'youthProject.sheetNotOwn'
  | 'youthProject.notCommissionMember'
  | 'youthProject.unknownDocument'
  | 'youthProject.termsFixed';

/** The profile a competition was announced under: built in, or one an administrator made (`stored`). */
export const profileOfCompetition = (
  competition: Pick<YouthCompetition, 'profileId'>,
  stored: readonly StoredProfile[] = [],
): ProgrammeProfile | null => profileById(stored, competition.profileId) ?? null;

/**
 * What of an announced competition may still change once it has applications: its title, dates, budget and the
 * documents asked for (a call's text is corrected, a deadline extended), but not what the applications were written
 * and scored against — the criteria (their titles and maximum scores: the commission's sheets name them) and the
 * profile, whose grant and durations every application meets. The commission is fixed too (the server's check).
 */
export function competitionChangeProblem(
  previous: YouthCompetition | null,
  next: YouthCompetition,
  hasApplications: boolean,
): YouthProblem | null {
  if (!previous || !hasApplications) return null;
  const sameCriteria = jsonEquals(previous.criteria, next.criteria);
  return sameCriteria && previous.profileId === next.profileId ? null : 'youthProject.termsFixed';
}

/** 3 to 18 months under PuMPuRS, inclusive: the profile's bounds. */
export function durationProblem(months: number, profile: ProgrammeProfile): YouthProblem | null {
  const { minMonths, maxMonths } = profile.youthProject;
  return months >= minMonths && months <= maxMonths ? null : 'youthProject.durationOutOfRange';
}

/** Statuses that carry a grant: the project was approved. */
export const GRANTED: readonly YouthApplicationStatus[] = ['approved', 'running', 'finished'];

/**
 * "Katram projektam tiek piešķirta šī konkrētā summa, ne vairāk un ne mazāk" (002): an approved project's grant is
 * exactly the profile's amount; a project not approved carries none.
 */
export function grantProblem(
  application: Pick<YouthApplication, 'status' | 'grantCents'>,
  profile: ProgrammeProfile,
): YouthProblem | null {
  if (!GRANTED.includes(application.status)) {
    return application.grantCents === undefined ? null : 'youthProject.grantWithoutApproval';
  }
  return application.grantCents === profile.youthProject.grantCents ? null : 'youthProject.grantNotProgrammeAmount';
}

/** The steps an application's status may take (a decision may be changed before the project starts). */
const STEPS: Record<YouthApplicationStatus, readonly YouthApplicationStatus[]> = {
  applied: ['approved', 'rejected'],
  approved: ['running', 'applied', 'rejected'],
  rejected: ['applied', 'approved'],
  running: ['finished'],
  finished: [],
};

export function statusStepProblem(
  from: YouthApplicationStatus | null,
  to: YouthApplicationStatus,
): YouthProblem | null {
  if (from === null) return to === 'applied' ? null : 'youthProject.stepNotAllowed';
  return from === to || STEPS[from].includes(to) ? null : 'youthProject.stepNotAllowed';
}

/** A score sheet names criteria of the competition only, each within its maximum. */
export function sheetProblem(sheet: YouthScoreSheet, competition: YouthCompetition): YouthProblem | null {
  const max = new Map(competition.criteria.map((c) => [c.id, c.maxScore]));
  for (const { criterionId, score } of sheet.scores) {
    const limit = max.get(criterionId);
    if (limit === undefined) return 'youthProject.unknownCriterion';
    if (score > limit) return 'youthProject.scoreOverMax';
  }
  return null;
}

/** Everything an application must satisfy on its own, given its competition (or none, for version-0 projects). */
export function applicationProblem(
  previous: YouthApplication | null,
  next: YouthApplication,
  competition: YouthCompetition | null,
  profile: ProgrammeProfile,
): YouthProblem | null {
  const step = statusStepProblem(previous?.status ?? null, next.status);
  if (step) return step;
  if (next.status === 'rejected' && next.decisionReason.trim() === '') return 'youthProject.reasonMissing';
  if (next.status === 'finished' && !next.report) return 'youthProject.reportMissing';
  const grant = grantProblem(next, profile);
  if (grant) return grant;
  // A version-0 project kept its months as they were; a changed duration must fit.
  if ((!previous || previous.months !== next.months) && durationProblem(next.months, profile))
    return 'youthProject.durationOutOfRange';
  if (competition) {
    const known = new Set(competition.requiredDocuments.map((d) => d.id));
    if (next.documentsReceived.some((d) => !known.has(d))) return 'youthProject.unknownDocument';
    for (const sheet of next.scores) {
      const problem = sheetProblem(sheet, competition);
      if (problem) return problem;
    }
  }
  return null;
}

/** The score sheets (by member id) that differ between two states of an application. */
export function changedSheets(previous: YouthApplication | null, next: YouthApplication): string[] {
  const before = new Map((previous?.scores ?? []).map((s) => [s.id, s]));
  const after = new Map(next.scores.map((s) => [s.id, s]));
  return [...new Set([...before.keys(), ...after.keys()])].filter((id) => !jsonEquals(before.get(id), after.get(id)));
}

/**
 * Scores belong to their member: a push may change only the sheet of the person who makes it, only while the
 * application awaits its decision, and only as a member of the competition's commission.
 */
export function sheetChangeProblem(
  actorId: string,
  commission: readonly string[],
  previous: YouthApplication | null,
  next: YouthApplication,
): YouthProblem | null {
  const changed = changedSheets(previous, next);
  if (changed.length === 0) return null;
  if (changed.some((id) => id !== actorId)) return 'youthProject.sheetNotOwn';
  if (!commission.includes(actorId)) return 'youthProject.notCommissionMember';
  if ((previous?.status ?? 'applied') !== 'applied' || next.status !== 'applied') return 'youthProject.scoringClosed';
  return null;
}

/** Fields of a youth project record a commission member's push may change besides their own sheet. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'syncConflicts']);

/** Is `next` the stored application with nothing changed but the scores (and bookkeeping)? */
export function onlyScoresChanged(previous: YouthProject, next: YouthProject): boolean {
  const keys = [...new Set([...Object.keys(previous), ...Object.keys(next)])].filter((k) => !BOOKKEEPING.has(k));
  const p = previous as unknown as Record<string, unknown>;
  const n = next as unknown as Record<string, unknown>;
  for (const key of keys) {
    if (key === 'application') continue;
    if (!jsonEquals(p[key], n[key])) return false;
  }
  if (!previous.application || !next.application) return false;
  const { scores: _a, ...restBefore } = previous.application;
  const { scores: _b, ...restAfter } = next.application;
  return jsonEquals(restBefore, restAfter);
}

/** A member's total for one application: the sum over criteria; null until every criterion is scored. */
export function sheetTotal(sheet: YouthScoreSheet | undefined, competition: YouthCompetition): number | null {
  if (!sheet) return null;
  let total = 0;
  for (const criterion of competition.criteria) {
    const entry = sheet.scores.find((s) => s.criterionId === criterion.id);
    if (!entry) return null;
    total += entry.score;
  }
  return total;
}

export const maxTotal = (competition: YouthCompetition) => competition.criteria.reduce((s, c) => s + c.maxScore, 0);

/**
 * The application's score: the average of the complete sheets of current commission members (a sheet with a
 * criterion left unscored does not count yet), rounded to two decimals; null when no member has finished.
 */
export function averageScore(application: YouthApplication, competition: YouthCompetition): number | null {
  const totals = competition.commission
    .map((member) =>
      sheetTotal(
        application.scores.find((s) => s.id === member),
        competition,
      ),
    )
    .filter((t): t is number => t !== null);
  if (totals.length === 0) return null;
  return Math.round((totals.reduce((s, t) => s + t, 0) / totals.length) * 100) / 100;
}

export interface RankedApplication<T> {
  record: T;
  average: number | null;
  /** 1 for the best; equal averages share a rank (1, 2, 2, 4); unscored applications have none. */
  rank: number | null;
  /** How many members have a complete sheet. */
  sheets: number;
}

/** The ranking of a competition's applications by average score, best first; ties by organisation name. */
export function rankApplications<T extends { application: YouthApplication }>(
  records: readonly T[],
  competition: YouthCompetition,
): RankedApplication<T>[] {
  const scored = records.map((record) => ({
    record,
    average: averageScore(record.application, competition),
    sheets: competition.commission.filter(
      (m) =>
        sheetTotal(
          record.application.scores.find((s) => s.id === m),
          competition,
        ) !== null,
    ).length,
  }));
  scored.sort(
    (a, b) =>
      (b.average ?? -1) - (a.average ?? -1) ||
      a.record.application.organisation.localeCompare(b.record.application.organisation, 'lv'),
  );
  let rank = 0;
  let previous: number | null = null;
  return scored.map((entry, index) => {
    if (entry.average === null) return { ...entry, rank: null };
    if (entry.average !== previous) rank = index + 1;
    previous = entry.average;
    return { ...entry, rank };
  });
}

export interface CompetitionSummary {
  applied: number;
  approved: number;
  rejected: number;
  undecided: number;
  running: number;
  finished: number;
  /** Granted in total, in cents. */
  grantedCents: number;
  /** At-risk participants the approved projects plan to involve. */
  atRiskPlanned: number;
}

/** "14 applied, 8 approved" (002): approved counts every project that was approved, running or finished included. */
export function competitionSummary(applications: readonly YouthApplication[]): CompetitionSummary {
  const count = (statuses: readonly YouthApplicationStatus[]) =>
    applications.filter((a) => statuses.includes(a.status)).length;
  const granted = applications.filter((a) => GRANTED.includes(a.status));
  return {
    applied: applications.length,
    approved: granted.length,
    rejected: count(['rejected']),
    undecided: count(['applied']),
    running: count(['running']),
    finished: count(['finished']),
    grantedCents: granted.reduce((s, a) => s + (a.grantCents ?? 0), 0),
    atRiskPlanned: granted.reduce((s, a) => s + a.atRiskParticipants, 0),
  };
}

/** The documents of the competition's checklist not yet received. */
export function missingDocuments(application: YouthApplication, competition: YouthCompetition) {
  return competition.requiredDocuments.filter((d) => !application.documentsReceived.includes(d.id));
}

/** "78 projects in 36 municipalities" (000): approved projects and the municipalities that have them. */
export function nationalYouthCounts(records: readonly YouthProject[]): { projects: number; municipalities: number } {
  const granted = records.filter(
    (r) => r.kind === 'application' && r.application && GRANTED.includes(r.application.status),
  );
  return { projects: granted.length, municipalities: new Set(granted.map((r) => r.municipalityId)).size };
}
