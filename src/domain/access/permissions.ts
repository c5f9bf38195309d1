/**
 * Who may read and write which records: one pure table both the server (authorisation of every pull and push) and
 * the device (hiding actions a person cannot take) use.
 *
 * Guessed where the sources are silent, and kept here so they are easy to change:
 * - The school's support team, who may read confidential notes their author shared, is the psychologist, the social
 *   pedagogue, the school coordinator and the director. A note is read within its school only, by its author too.
 * - Any staff member of a school may add and edit its learners (issue 2: a teacher adds learners offline).
 * - A plan is prepared by a person with the plan preparer role (in the programme, a teacher, psychologist or social
 *   pedagogue who draws up and revises plans), as the programme does (issue 8.10): creating a plan and changing its
 *   content needs that role and a place among the plan's preparers (for an edit: among the stored preparers). Being
 *   listed without the role, or holding the role without being listed, grants nothing.
 * - The director and coordinators may change only a plan's status, status reason and history (approval,
 *   suspension), never its content. The history is append-only for everyone, preparers included, and each step in
 *   it must follow the workflow (rules/planHistory.ts, rules/planWorkflow.ts, applied by the server to every push).
 *   No one approves a plan they prepare or sent for approval themselves (planWorkflow.ts approvesOwnPlan).
 * - Compensations are kept by social pedagogues and coordinators, and move one way only: requested → approved →
 *   paid (rules/compensationStatus.ts).
 * - A school's accountant reads its learners (names), compensations and staff records, and may move a stored
 *   compensation on (approved, paid) without changing anything else; they read no plans, consultations, schedules or
 *   notes (a plan's justification and a consultation's content are confidential to the staff who work with the
 *   learner), and add or edit no learner or compensation request.
 * - A month's indirect work (accountants, coordinators) is recorded by the person themselves at their school, or by
 *   its school coordinator for anyone there, and read by the person and by those who see staff hours.
 * - Staff events (seminars, supervisions…) of a school are recorded by its director or school coordinator, those of a
 *   municipality (no school) by its municipal coordinator, who may also record its schools' events.
 * - Youth competitions are announced and decided by the municipal coordinator; an application is read only by the
 *   municipality's coordinators (and the national coordinator, for counts) and its competition's commission, whose
 *   members may change only their own scores.
 * - An administrator passes every role check of this table within their reach (approving plans aside: that is
 *   personal, see planWorkflow.ts), but never writes the user directory here, nor another person's consultations,
 *   schedules or notes.
 * - Programme profiles (the rules a plan is made under) are read by everyone and written by the administrator only.
 */
import type { CollectionName } from '../entities';
import { jsonEquals } from '../merge/mergeDocuments';
import { userRoles, type UserRole } from '../organisation';
import { compensationChangeAllowed } from '../rules/compensationStatus';
import { onlyScoresChanged } from '../rules/youthProjects';
import type { YouthProject } from '../youthProject';

export interface Actor {
  userId: string;
  roles: readonly UserRole[];
  /** Effective scope, computed by the server: a municipal coordinator sees every school of the municipality. */
  schoolIds: readonly string[];
  municipalityIds: readonly string[];
}

export type Decision = { ok: true } | { ok: false; reason: DenyReason };
export type DenyReason =
  | 'outOfScope'
  | 'roleNotAllowed'
  | 'notOwnRecord'
  | 'notPreparer'
  | 'approverMayChangeStatusOnly'
  | 'readOnlyCollection'
  | 'compensationOneWay';

type Doc = Record<string, unknown>;

const ALLOW: Decision = { ok: true };
const deny = (reason: DenyReason): Decision => ({ ok: false, reason });

const SCHOOL_STAFF: readonly UserRole[] = [
  'teacher',
  'psychologist',
  'social_pedagogue',
  'plan_preparer',
  'director',
  'school_coordinator',
];
export const SUPPORT_TEAM: readonly UserRole[] = ['psychologist', 'social_pedagogue', 'school_coordinator', 'director'];
const PLAN_PREPARERS: readonly UserRole[] = ['plan_preparer'];
const PLAN_APPROVERS: readonly UserRole[] = ['director', 'school_coordinator', 'municipal_coordinator'];
const COMPENSATION_KEEPERS: readonly UserRole[] = ['social_pedagogue', 'school_coordinator', 'municipal_coordinator'];
/** Who moves a stored compensation on (approved, paid) without keeping the records otherwise. */
const COMPENSATION_PAYERS: readonly UserRole[] = ['accountant'];
/** The fields a payer's step changes (as APPROVAL_FIELDS for plans). */
const COMPENSATION_STATUS_FIELDS = new Set(['status', 'updatedAt', 'updatedBy', 'syncConflicts']);
const NOTE_AUTHORS: readonly UserRole[] = ['psychologist', 'social_pedagogue'];
const MUNICIPAL_PLANNERS: readonly UserRole[] = ['municipal_coordinator'];
const SCHOOL_EVENT_PLANNERS: readonly UserRole[] = ['municipal_coordinator', 'school_coordinator', 'director'];
/**
 * Plan fields an approver changes; anything else is content, which belongs to the preparers. `syncConflicts` is the
 * device's record of a value that lost a merge (domain/merge): an approver's step that clashed with a colleague's
 * carries one, and refusing it would refuse the device's own merge. `updatedBy` names who saved the version: an
 * approver's step is signed by the approver (rules/authorship).
 */
const APPROVAL_FIELDS = new Set(['status', 'statusReason', 'history', 'updatedAt', 'updatedBy', 'syncConflicts']);

const has = (actor: Actor, roles: readonly UserRole[]) =>
  actor.roles.includes('administrator') || actor.roles.some((r) => roles.includes(r));
const str = (doc: Doc | null | undefined, field: string) =>
  typeof doc?.[field] === 'string' ? (doc[field] as string) : '';
const inSchool = (actor: Actor, doc: Doc) => actor.schoolIds.includes(str(doc, 'schoolId'));
const inMunicipality = (actor: Actor, id: string) => actor.municipalityIds.includes(id);

export function canRead(actor: Actor, collection: CollectionName, doc: Doc): boolean {
  switch (collection) {
    case 'municipalities':
      return inMunicipality(actor, str(doc, 'id'));
    case 'schools':
      return actor.schoolIds.includes(str(doc, 'id'));
    case 'users': {
      const schools = Array.isArray(doc.schoolIds) ? (doc.schoolIds as string[]) : [];
      return (
        doc.id === actor.userId ||
        schools.some((s) => actor.schoolIds.includes(s)) ||
        inMunicipality(actor, str(doc, 'municipalityId'))
      );
    }
    case 'learners':
    case 'compensations':
      return inSchool(actor, doc);
    case 'plans':
    case 'consultations':
    case 'schedules':
      return inSchool(actor, doc) && readsLearnerWork(actor.roles);
    case 'notes':
      // Within the school only, the author's own too: a learner moved to another school takes the notes along,
      // and the old school's staff, their author included, read them no more (issue 12).
      return (
        inSchool(actor, doc) &&
        (doc.authorId === actor.userId ||
          (doc.sharedWithSupportTeam === true && actor.roles.some((r) => SUPPORT_TEAM.includes(r))))
      );
    case 'youthprojects': {
      // A competition is public in its municipality; an application is read by those who decide on it and by its
      // competition's commission (it carries them: domain/youthProject.ts).
      if (!inMunicipality(actor, str(doc, 'municipalityId'))) return false;
      if (!Array.isArray(doc.commissionIds)) return true;
      return readsEveryYouthApplication(actor.roles) || (doc.commissionIds as unknown[]).includes(actor.userId);
    }
    case 'staffevents':
      // Indirect work is told by its staffId (the fact a departure and a live change keep, not its kind): it is read
      // within its school by the person it is about and by those who see every staff member's hours.
      if (str(doc, 'staffId') !== '') return readsIndirectWork(actor, doc);
      return inMunicipality(actor, str(doc, 'municipalityId')) || (str(doc, 'schoolId') !== '' && inSchool(actor, doc));
    case 'profiles':
      // A programme's rules are public within the programme: every plan, wherever, may be made under any of them.
      return true;
  }
}

/** May `actor` turn `previous` (null for a new record) into `next`? Both states must be within the actor's reach. */
export function canWrite(actor: Actor, collection: CollectionName, previous: Doc | null, next: Doc): Decision {
  const states = previous ? [previous, next] : [next];
  switch (collection) {
    case 'users':
      return deny('readOnlyCollection');
    case 'municipalities':
    case 'profiles':
      return actor.roles.includes('administrator') ? ALLOW : deny('roleNotAllowed');
    case 'schools':
      return canWriteSchool(actor, states);
    case 'learners':
      if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
      return has(actor, SCHOOL_STAFF) ? ALLOW : deny('roleNotAllowed');
    case 'plans':
      return canWritePlan(actor, previous, next);
    case 'consultations':
    case 'schedules':
      // A consultation, and a recurring schedule of them, belongs to the staff member who gives it.
      if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
      // An accountant gives no consultations (and reads none): see readsLearnerWork.
      if (!readsLearnerWork(actor.roles)) return deny('roleNotAllowed');
      return states.every((d) => d.staffId === actor.userId) ? ALLOW : deny('notOwnRecord');
    case 'compensations':
      if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
      if (!has(actor, COMPENSATION_KEEPERS)) return canPayCompensation(actor, previous, next);
      return compensationChangeAllowed(previous, next) ? ALLOW : deny('compensationOneWay');
    case 'notes':
      if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
      if (!has(actor, NOTE_AUTHORS)) return deny('roleNotAllowed');
      return states.every((d) => d.authorId === actor.userId) ? ALLOW : deny('notOwnRecord');
    case 'youthprojects':
      return canWriteYouthProject(actor, previous, next, states);
    case 'staffevents':
      if (states.some((d) => d.kind === 'indirect')) return canWriteIndirectWork(actor, states);
      return canWriteStaffEvent(actor, states);
  }
}

/**
 * Only people whose roles are all in this list are kept from a school's plans, consultations and schedules: an
 * accountant who is also a teacher reads them as a teacher.
 */
const NOT_LEARNER_WORK_READERS: readonly UserRole[] = ['accountant'];
/** Does a person with these roles read a school's plans, consultations and schedules (SQL twin: readScope $P)? */
export const readsLearnerWork = (roles: readonly UserRole[]) =>
  roles.some((r) => !NOT_LEARNER_WORK_READERS.includes(r));

/** An accountant moves a stored, undeleted compensation one step on (approved, paid), changing nothing else. */
function canPayCompensation(actor: Actor, previous: Doc | null, next: Doc): Decision {
  if (!has(actor, COMPENSATION_PAYERS) || !previous || previous._deleted === true) return deny('roleNotAllowed');
  const changed = [...new Set([...Object.keys(previous), ...Object.keys(next)])].filter(
    (k) => !jsonEquals(previous[k], next[k]),
  );
  if (!changed.every((k) => COMPENSATION_STATUS_FIELDS.has(k))) return deny('approverMayChangeStatusOnly');
  return compensationChangeAllowed(previous, next) ? ALLOW : deny('compensationOneWay');
}

/** Schools are kept by their municipality's coordinator (or the administrator, anywhere). */
function canWriteSchool(actor: Actor, states: Doc[]): Decision {
  if (!has(actor, MUNICIPAL_PLANNERS)) return deny('roleNotAllowed');
  return states.every((d) => inMunicipality(actor, str(d, 'municipalityId')) || actor.roles.includes('administrator'))
    ? ALLOW
    : deny('outOfScope');
}

/**
 * A school's director or coordinator records the school's own staff events; the municipality's events, and those of
 * its schools, are the municipal coordinator's. (A director's reach names the municipality of their school, which
 * once let a director write municipality-wide events and other schools' ones: found by the write oracle.)
 */
function canWriteStaffEvent(actor: Actor, states: Doc[]): Decision {
  if (!has(actor, SCHOOL_EVENT_PLANNERS)) return deny('roleNotAllowed');
  const municipal = has(actor, MUNICIPAL_PLANNERS);
  const inReach = (d: Doc) =>
    inMunicipality(actor, str(d, 'municipalityId')) && (str(d, 'schoolId') === '' ? municipal : inSchool(actor, d));
  return states.every(inReach) ? ALLOW : deny('outOfScope');
}

/**
 * Indirect work (domain/indirectWork.ts, a record kind meant for this collection): a staff member of the school
 * records their own, its school coordinator anyone's of the school. A record stays indirect work: an event does not
 * become one, nor the other way round, so neither rule is passed by changing the kind.
 */
function canWriteIndirectWork(actor: Actor, states: Doc[]): Decision {
  if (!states.every((d) => d.kind === 'indirect')) return deny('roleNotAllowed');
  if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
  if (has(actor, ['school_coordinator'])) return ALLOW;
  if (!has(actor, [...SCHOOL_STAFF, 'accountant'])) return deny('roleNotAllowed');
  return states.every((d) => d.staffId === actor.userId) ? ALLOW : deny('notOwnRecord');
}

/**
 * A month's indirect work is payroll data about one person: they read their own, and the school's director and
 * coordinators (the municipality's, administrators) read everyone's of the schools in their reach, for the timesheets
 * and reports they account for; colleagues do not read each other's. Within the school only, the person's own too,
 * as a note (SQL twin: readScope's staffevents, $H).
 */
function readsIndirectWork(actor: Actor, doc: Doc): boolean {
  return inSchool(actor, doc) && (doc.staffId === actor.userId || seesStaffHours(actor.roles));
}

/**
 * A municipality's coordinator announces competitions, enters applications and decides; a commission member may
 * only score a stored application of their competition (the server's youth rule checks that the sheet changed is
 * their own: rules/youthProjects.ts sheetChangeProblem).
 */
function canWriteYouthProject(actor: Actor, previous: Doc | null, next: Doc, states: Doc[]): Decision {
  if (!states.every((d) => inMunicipality(actor, str(d, 'municipalityId')))) return deny('outOfScope');
  if (has(actor, MUNICIPAL_PLANNERS)) return ALLOW;
  const member = Array.isArray(previous?.commissionIds) && (previous.commissionIds as unknown[]).includes(actor.userId);
  if (!previous || !member) return deny('roleNotAllowed');
  return onlyScoresChanged(previous as unknown as YouthProject, next as unknown as YouthProject)
    ? ALLOW
    : deny('roleNotAllowed');
}

/** Who reads every youth application of their municipalities (the national coordinator: all of them, for counts). */
export const YOUTH_APPLICATION_READERS: readonly UserRole[] = [
  'municipal_coordinator',
  'national_coordinator',
  'administrator',
];
export const readsEveryYouthApplication = (roles: readonly UserRole[]) =>
  roles.some((r) => YOUTH_APPLICATION_READERS.includes(r));
/** Who announces youth competitions and decides on their applications (for screens; canWrite decides). */
export const runsYouthCompetitions = (roles: readonly UserRole[]) =>
  has({ userId: '', roles, schoolIds: [], municipalityIds: [] }, MUNICIPAL_PLANNERS);

function canWritePlan(actor: Actor, previous: Doc | null, next: Doc): Decision {
  const states = previous ? [previous, next] : [next];
  if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
  // An edit is judged by the stored preparers: nobody makes themselves a preparer of someone else's plan.
  const listed = preparerIdsOf(previous ?? next).includes(actor.userId);
  if (preparesPlan(actor, previous ?? next)) return ALLOW;
  if (!previous) return deny(listed ? 'roleNotAllowed' : 'notPreparer');
  if (!has(actor, PLAN_APPROVERS)) return deny(listed ? 'roleNotAllowed' : 'notPreparer');
  const changed = [...new Set([...Object.keys(previous), ...Object.keys(next)])].filter(
    // Stored JSON (PostgreSQL jsonb) does not keep key order: compare values, not their text.
    (k) => !jsonEquals(previous[k], next[k]),
  );
  return changed.every((k) => APPROVAL_FIELDS.has(k)) ? ALLOW : deny('approverMayChangeStatusOnly');
}

const preparerIdsOf = (plan: Doc) =>
  Array.isArray(plan.preparerIds) ? plan.preparerIds.filter((id): id is string => typeof id === 'string') : [];

/** Does this person prepare this plan: the preparer role and a place among its preparers (school aside)? */
export function preparesPlan(actor: Pick<Actor, 'userId' | 'roles'>, plan: Doc | { preparerIds: readonly string[] }) {
  return (
    has({ ...actor, schoolIds: [], municipalityIds: [] }, PLAN_PREPARERS) &&
    preparerIdsOf(plan as Doc).includes(actor.userId)
  );
}

/** May this person start a plan for a learner of this school (as its preparer)? For screens; canWrite decides. */
export function mayCreatePlan(actor: Actor, schoolId: string): boolean {
  return canWritePlan(actor, null, { schoolId, preparerIds: [actor.userId] }).ok;
}

/** May this person change the plan's content (risks, measures, evaluation)? Not its status: see planWorkflow. */
export function mayEditPlanContent(actor: Actor, plan: Doc & { schoolId: string }): boolean {
  return inSchool(actor, plan) && preparesPlan(actor, plan);
}

/** What a school coordinator may grant: the school's staff, and its accountant. */
const SCHOOL_LEVEL_ROLES: readonly UserRole[] = [...SCHOOL_STAFF, 'accountant'];

/** Who records compensations and moves them on (for screens; the server applies canWrite). */
export function keepsCompensations(roles: readonly UserRole[]): boolean {
  return has({ userId: '', roles, schoolIds: [], municipalityIds: [] }, COMPENSATION_KEEPERS);
}

/** Who moves compensations on, approving or paying them, without recording them (for screens). */
export const paysCompensations = (roles: readonly UserRole[]) =>
  has({ userId: '', roles, schoolIds: [], municipalityIds: [] }, COMPENSATION_PAYERS);

/** Who sees every staff member's held hours (directors and coordinators pay for them). */
export const STAFF_HOURS_READERS: readonly UserRole[] = [
  'director',
  'school_coordinator',
  'municipal_coordinator',
  'administrator',
];
export const seesStaffHours = (roles: readonly UserRole[]) => roles.some((r) => STAFF_HOURS_READERS.includes(r));

/**
 * Who reads a school's or municipality's semester report (issue 11): the director and coordinators who account for
 * the programme, and administrators. Their reach (Actor.schoolIds) decides which schools' figures they get; the
 * national coordinator reaches no school and reads the state's report (readsNationalReports) instead.
 */
export const REPORT_READERS: readonly UserRole[] = [
  'director',
  'school_coordinator',
  'municipal_coordinator',
  'national_coordinator',
  'administrator',
];
export const readsReports = (roles: readonly UserRole[]) => roles.some((r) => REPORT_READERS.includes(r));
/** Who records staff development events somewhere (for the nav; canWrite decides each event's place). */
export const recordsStaffEvents = (roles: readonly UserRole[]) =>
  has({ userId: '', roles, schoolIds: [], municipalityIds: [] }, SCHOOL_EVENT_PLANNERS);
/**
 * Whom the nav offers indirect work: 004 names accountants and coordinators as the indirectly involved staff. Anyone
 * at a school may record their own month (canWrite decides), from their timesheet and the day's page.
 */
const INDIRECT_WORK_NAV: readonly UserRole[] = ['accountant', 'school_coordinator'];
export const offersIndirectWork = (roles: readonly UserRole[]) => roles.some((r) => INDIRECT_WORK_NAV.includes(r));
/** A municipality's report (its total and each school apart) is its coordinator's, and administrators'. */
export const readsMunicipalityReports = (roles: readonly UserRole[]) =>
  has({ userId: '', roles, schoolIds: [], municipalityIds: [] }, MUNICIPAL_PLANNERS);

/**
 * The state's report (issue 11: every school's figures, as aggregates with small counts suppressed) is computed by the
 * server for the programme agency's national coordinator, and for administrators, who reach every school anyway.
 * Nobody else gets it: a municipal coordinator must not see other municipalities' figures.
 */
export const NATIONAL_REPORT_READERS: readonly UserRole[] = ['national_coordinator', 'administrator'];
export const readsNationalReports = (roles: readonly UserRole[]) =>
  roles.some((r) => NATIONAL_REPORT_READERS.includes(r));

/** Roles only an administrator grants: the administrator's own, and the national coordinator's, which is above
 * every municipality. */
const ADMINISTRATOR_GRANTS: readonly UserRole[] = ['administrator', 'national_coordinator'];

/**
 * Who may create, reset or disable an account: administrators anyone; a municipal coordinator the staff of the
 * municipality's schools (and other municipal coordinators of it); a school coordinator the staff of their schools.
 * Nobody but an administrator grants the administrator or the national coordinator role.
 */
export function canCreateUser(
  manager: Actor,
  user: { roles: readonly UserRole[]; schoolIds: readonly string[]; municipalityId?: string | undefined },
): boolean {
  if (manager.roles.includes('administrator')) return true;
  if (user.roles.some((r) => ADMINISTRATOR_GRANTS.includes(r))) return false;
  const schoolsInReach = user.schoolIds.every((s) => manager.schoolIds.includes(s));
  if (manager.roles.includes('municipal_coordinator')) {
    const municipalityInReach = !user.municipalityId || manager.municipalityIds.includes(user.municipalityId);
    return schoolsInReach && municipalityInReach && (user.schoolIds.length > 0 || user.municipalityId !== undefined);
  }
  if (manager.roles.includes('school_coordinator')) {
    return (
      schoolsInReach &&
      user.schoolIds.length > 0 &&
      user.municipalityId === undefined &&
      user.roles.every((r) => SCHOOL_LEVEL_ROLES.includes(r))
    );
  }
  return false;
}

/** Who sees user management at all; canCreateUser decides each person. */
export const USER_MANAGER_ROLES: readonly UserRole[] = ['administrator', 'municipal_coordinator', 'school_coordinator'];
export const managesUsers = (roles: readonly UserRole[]) => roles.some((r) => USER_MANAGER_ROLES.includes(r));

/** The roles a manager may hand out, in the order of `userRoles`: what canCreateUser would accept. */
export function grantableRoles(manager: Pick<Actor, 'roles'>): UserRole[] {
  if (manager.roles.includes('administrator')) return [...userRoles];
  if (manager.roles.includes('municipal_coordinator'))
    return userRoles.filter((r) => !ADMINISTRATOR_GRANTS.includes(r));
  if (manager.roles.includes('school_coordinator')) return [...SCHOOL_LEVEL_ROLES];
  return [];
}
