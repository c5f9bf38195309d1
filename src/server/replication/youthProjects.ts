import {
  applicationProblem,
  competitionChangeProblem,
  defaultProfile,
  profileOfCompetition,
  sheetChangeProblem,
  type User,
  type YouthApplication,
  type YouthCompetition,
  type YouthProblem,
  type YouthProject,
} from '../../domain';
import type { WireDocument } from '../../sync/protocol';
import type { AuthenticatedUser } from '../auth/scope';
import type { Queryable } from '../store/store';
import type { ValidRow } from './documents';
import { readPushProfiles } from './planProfiles';
import type { RuleCheck } from './writeCheck';

/** The refusal code of a domain problem: "youthProject.grantNotProgrammeAmount" → "youthGrantNotProgrammeAmount". */
export const youthRefusal = (problem: YouthProblem | string) => {
  const rest = problem.replace(/^youthProject\./, '');
  return `youth${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
};

type Person = Pick<User, 'id' | 'schoolIds' | 'municipalityId' | 'active'>;
interface StoredCompetition {
  municipalityId: string;
  competition: YouthCompetition;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * The youth project rules of domain/rules/youthProjects.ts, again in the push (issue 12: "enforced on the device and
 * on the server"): an application belongs to a competition of its own municipality and carries exactly its
 * commission as readers; its grant is exactly the amount of the competition's profile; its duration, decision,
 * checklist and scores follow the rules; each commission member changes only their own score sheet; a commission is
 * of directory users of the municipality, and is fixed once the competition has an application (the applications
 * carry it, see domain/youthProject.ts). Runs under the push's competition locks (pushLocks.ts), so an application
 * and a change of its competition's commission cannot pass each other. A competition pushed together with its
 * applications is judged by its pushed state.
 */
export async function youthProjectCheck(
  tx: Queryable,
  actor: AuthenticatedUser,
  rows: readonly ValidRow[],
): Promise<RuleCheck> {
  const docs = rows.map((r) => r.next as unknown as YouthProject);
  // A competition's grant and durations are its own profile's: built in, or one an administrator made.
  const { stored: profiles } = await readPushProfiles(tx);
  const competitionIds = [
    ...new Set(
      docs.flatMap((d) =>
        d.kind === 'competition' ? [d.id] : d.application?.competitionId ? [d.application.competitionId] : [],
      ),
    ),
  ];
  const competitions = new Map<string, StoredCompetition>();
  const withApplications = new Set<string>();
  if (competitionIds.length) {
    const stored = await tx.query<{ id: string; data: YouthProject }>(
      `SELECT id, data FROM documents WHERE collection = 'youthprojects' AND NOT deleted AND id = ANY($1::text[])
          AND data->>'kind' = 'competition'`,
      [competitionIds],
    );
    for (const { id, data } of stored) {
      if (data.competition)
        competitions.set(id, { municipalityId: data.municipalityId, competition: data.competition });
    }
    const used = await tx.query<{ competition_id: string }>(
      `SELECT DISTINCT data->'application'->>'competitionId' AS competition_id FROM documents
        WHERE collection = 'youthprojects' AND NOT deleted AND data->'application'->>'competitionId' = ANY($1::text[])`,
      [competitionIds],
    );
    for (const { competition_id } of used) withApplications.add(competition_id);
  }
  for (const d of docs) {
    if (d.kind === 'competition' && d.competition && !(d as { _deleted?: boolean })._deleted)
      competitions.set(d.id, { municipalityId: d.municipalityId, competition: d.competition });
  }
  const memberIds = [...new Set(docs.flatMap((d) => d.competition?.commission ?? []))];
  const people = new Map<string, Person>();
  const schoolMunicipality = new Map<string, string>();
  if (memberIds.length) {
    const users = await tx.query<{ data: Person }>(
      `SELECT data FROM documents WHERE collection = 'users' AND NOT deleted AND id = ANY($1::text[])`,
      [memberIds],
    );
    for (const { data } of users) people.set(data.id, data);
    const schools = await tx.query<{ id: string; municipality_id: string | null }>(
      `SELECT id, municipality_id FROM documents WHERE collection = 'schools' AND NOT deleted AND id = ANY($1::text[])`,
      [[...new Set(users.flatMap(({ data }) => data.schoolIds))]],
    );
    for (const s of schools) if (s.municipality_id) schoolMunicipality.set(s.id, s.municipality_id);
  }
  const memberOf = (id: string, municipalityId: string) => {
    const person = people.get(id);
    return (
      person !== undefined &&
      (person.municipalityId === municipalityId ||
        person.schoolIds.some((s) => schoolMunicipality.get(s) === municipalityId))
    );
  };

  function competitionProblem(
    previous: YouthProject | null,
    next: YouthProject,
    competition: YouthCompetition,
  ): string | null {
    if (!profileOfCompetition(competition, profiles)) return youthRefusal('youthProject.unknownProfile');
    const before = previous?.competition?.commission ?? [];
    const changed = !previous || !sameSet(before, competition.commission);
    if (changed && previous && withApplications.has(next.id)) return 'youthCommissionFixed';
    const terms = competitionChangeProblem(previous?.competition ?? null, competition, withApplications.has(next.id));
    if (terms) return youthRefusal(terms);
    // Members named before keep their place even if their account changed since; new ones must be of the municipality.
    if (competition.commission.some((m) => !before.includes(m) && !memberOf(m, next.municipalityId)))
      return 'youthCommissionOutOfReach';
    return null;
  }

  function applicationCheck(
    previous: YouthProject | null,
    next: YouthProject,
    application: YouthApplication,
  ): string | null {
    const before = previous?.application ?? null;
    // Only version-0 projects have no competition; no new one is made without, and none changes competition.
    if (!previous && application.competitionId === undefined) return 'youthCompetitionUnknown';
    if (previous && (before?.competitionId ?? null) !== (application.competitionId ?? null))
      return 'youthCompetitionChanged';
    let competition: YouthCompetition | null = null;
    if (application.competitionId !== undefined) {
      const found = competitions.get(application.competitionId);
      if (!found || found.municipalityId !== next.municipalityId) return 'youthCompetitionUnknown';
      competition = found.competition;
      if (!sameSet(next.commissionIds ?? [], competition.commission)) return 'youthCommissionMismatch';
    } else if ((next.commissionIds ?? []).length > 0) return 'youthCommissionMismatch';
    const profile = competition ? profileOfCompetition(competition, profiles) : defaultProfile;
    if (!profile) return youthRefusal('youthProject.unknownProfile');
    const problem =
      applicationProblem(before, application, competition, profile) ??
      sheetChangeProblem(actor.userId, competition?.commission ?? [], before, application);
    return problem ? youthRefusal(problem) : null;
  }

  return {
    check(previous: WireDocument | null, next: WireDocument) {
      if (next._deleted) return null;
      const before = previous && !previous._deleted ? (previous as unknown as YouthProject) : null;
      const doc = next as unknown as YouthProject;
      if (before && before.kind !== doc.kind) return 'youthKindChanged';
      if (doc.competition) return competitionProblem(before, doc, doc.competition);
      return doc.application ? applicationCheck(before, doc, doc.application) : 'youthKindChanged';
    },
  };
}
