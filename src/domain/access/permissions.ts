/**
 * Who may read and write which records: one pure table both the server (authorisation of every pull and push) and
 * the device (hiding actions a person cannot take) use.
 *
 * Guessed where the sources are silent, and kept here so they are easy to change:
 * - The school's support team, who may read confidential notes their author shared, is the psychologist, the social
 *   pedagogue, the school coordinator and the director.
 * - Any staff member of a school may add and edit its learners (issue 2: a teacher adds learners offline).
 * - A plan is edited by its preparers; the director and coordinators may change only its status and history
 *   (approval, suspension), never its content.
 */
import type { CollectionName } from '../entities';
import { jsonEquals } from '../merge/mergeDocuments';
import { userRoles, type UserRole } from '../organisation';

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
  | 'readOnlyCollection';

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
const PLAN_APPROVERS: readonly UserRole[] = ['director', 'school_coordinator', 'municipal_coordinator'];
const COMPENSATION_KEEPERS: readonly UserRole[] = ['social_pedagogue', 'school_coordinator', 'municipal_coordinator'];
const NOTE_AUTHORS: readonly UserRole[] = ['psychologist', 'social_pedagogue'];
const MUNICIPAL_PLANNERS: readonly UserRole[] = ['municipal_coordinator'];
const SCHOOL_EVENT_PLANNERS: readonly UserRole[] = ['municipal_coordinator', 'school_coordinator', 'director'];
/** Plan fields an approver changes; anything else is content, which belongs to the preparers. */
const APPROVAL_FIELDS = new Set(['status', 'statusReason', 'history', 'updatedAt']);

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
    case 'plans':
    case 'consultations':
    case 'schedules':
    case 'compensations':
      return inSchool(actor, doc);
    case 'notes':
      return (
        doc.authorId === actor.userId ||
        (doc.sharedWithSupportTeam === true &&
          inSchool(actor, doc) &&
          actor.roles.some((r) => SUPPORT_TEAM.includes(r)))
      );
    case 'youthprojects':
      return inMunicipality(actor, str(doc, 'municipalityId'));
    case 'staffevents':
      return inMunicipality(actor, str(doc, 'municipalityId')) || (str(doc, 'schoolId') !== '' && inSchool(actor, doc));
  }
}

/** May `actor` turn `previous` (null for a new record) into `next`? Both states must be within the actor's reach. */
export function canWrite(actor: Actor, collection: CollectionName, previous: Doc | null, next: Doc): Decision {
  const states = previous ? [previous, next] : [next];
  switch (collection) {
    case 'users':
      return deny('readOnlyCollection');
    case 'municipalities':
      return actor.roles.includes('administrator') ? ALLOW : deny('roleNotAllowed');
    case 'schools':
      if (!has(actor, MUNICIPAL_PLANNERS)) return deny('roleNotAllowed');
      return states.every(
        (d) => inMunicipality(actor, str(d, 'municipalityId')) || actor.roles.includes('administrator'),
      )
        ? ALLOW
        : deny('outOfScope');
    case 'learners':
      if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
      return has(actor, SCHOOL_STAFF) ? ALLOW : deny('roleNotAllowed');
    case 'plans':
      return canWritePlan(actor, previous, next);
    case 'consultations':
    case 'schedules':
      // A consultation, and a recurring schedule of them, belongs to the staff member who gives it.
      if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
      return states.every((d) => d.staffId === actor.userId) ? ALLOW : deny('notOwnRecord');
    case 'compensations':
      if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
      return has(actor, COMPENSATION_KEEPERS) ? ALLOW : deny('roleNotAllowed');
    case 'notes':
      if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
      if (!has(actor, NOTE_AUTHORS)) return deny('roleNotAllowed');
      return states.every((d) => d.authorId === actor.userId) ? ALLOW : deny('notOwnRecord');
    case 'youthprojects':
      if (!has(actor, MUNICIPAL_PLANNERS)) return deny('roleNotAllowed');
      return states.every((d) => inMunicipality(actor, str(d, 'municipalityId'))) ? ALLOW : deny('outOfScope');
    case 'staffevents':
      if (!has(actor, SCHOOL_EVENT_PLANNERS)) return deny('roleNotAllowed');
      return states.every(
        (d) => inMunicipality(actor, str(d, 'municipalityId')) || (str(d, 'schoolId') && inSchool(actor, d)),
      )
        ? ALLOW
        : deny('outOfScope');
  }
}

function canWritePlan(actor: Actor, previous: Doc | null, next: Doc): Decision {
  const states = previous ? [previous, next] : [next];
  if (!states.every((d) => inSchool(actor, d))) return deny('outOfScope');
  const preparers = (d: Doc) => (Array.isArray(d.preparerIds) ? (d.preparerIds as string[]) : []);
  const isPreparer = previous ? preparers(previous).includes(actor.userId) : preparers(next).includes(actor.userId);
  if (isPreparer && has(actor, SCHOOL_STAFF)) return ALLOW;
  if (!previous) return deny('notPreparer');
  if (!has(actor, PLAN_APPROVERS)) return deny('notPreparer');
  const changed = [...new Set([...Object.keys(previous), ...Object.keys(next)])].filter(
    // Stored JSON (PostgreSQL jsonb) does not keep key order: compare values, not their text.
    (k) => !jsonEquals(previous[k], next[k]),
  );
  return changed.every((k) => APPROVAL_FIELDS.has(k)) ? ALLOW : deny('approverMayChangeStatusOnly');
}

const SCHOOL_LEVEL_ROLES: readonly UserRole[] = [...SCHOOL_STAFF];

/** Who records compensations and moves them on (for screens; the server applies canWrite). */
export function keepsCompensations(roles: readonly UserRole[]): boolean {
  return has({ userId: '', roles, schoolIds: [], municipalityIds: [] }, COMPENSATION_KEEPERS);
}

/** Who sees every staff member's held hours (directors and coordinators pay for them). */
export const STAFF_HOURS_READERS: readonly UserRole[] = [
  'director',
  'school_coordinator',
  'municipal_coordinator',
  'administrator',
];
export const seesStaffHours = (roles: readonly UserRole[]) => roles.some((r) => STAFF_HOURS_READERS.includes(r));

/**
 * Who may create, reset or disable an account: administrators anyone; a municipal coordinator the staff of the
 * municipality's schools (and other municipal coordinators of it); a school coordinator the staff of their schools.
 * Nobody but an administrator grants the administrator role.
 */
export function canCreateUser(
  manager: Actor,
  user: { roles: readonly UserRole[]; schoolIds: readonly string[]; municipalityId?: string | undefined },
): boolean {
  if (manager.roles.includes('administrator')) return true;
  if (user.roles.includes('administrator')) return false;
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
  if (manager.roles.includes('municipal_coordinator')) return userRoles.filter((r) => r !== 'administrator');
  if (manager.roles.includes('school_coordinator')) return [...SCHOOL_LEVEL_ROLES];
  return [];
}
