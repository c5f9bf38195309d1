import { describe, expect, it } from 'vitest';
import { collectionNames, type CollectionName } from '../entities';
import { userRoles, type UserRole } from '../organisation';
import {
  canCreateUser,
  canRead,
  canWrite,
  grantableRoles,
  keepsCompensations,
  managesUsers,
  mayCreatePlan,
  mayEditPlanContent,
  SUPPORT_TEAM,
  type Actor,
} from './permissions';

const OWN_SCHOOL = 'school-own';
const OTHER_SCHOOL = 'school-other';
const OWN_MUNI = 'muni-own';
const OTHER_MUNI = 'muni-other';
const ME = 'user-me';

/** Each role's reach as reach.ts gives it: the national coordinator reaches every municipality and no school. */
const actor = (role: UserRole): Actor => ({
  userId: ME,
  roles: [role],
  schoolIds:
    role === 'administrator' ? [OWN_SCHOOL, OTHER_SCHOOL] : role === 'national_coordinator' ? [] : [OWN_SCHOOL],
  municipalityIds: role === 'administrator' || role === 'national_coordinator' ? [OWN_MUNI, OTHER_MUNI] : [OWN_MUNI],
});
/** What the national coordinator reads, in words: the municipalities and their programme records, nothing of a school. */
const NATIONAL_READS: readonly CollectionName[] = ['municipalities', 'youthprojects', 'staffevents'];
/** What an accountant reads of their school, in words: names, compensations and the directory; no learner's work. */
const ACCOUNTANT_READS: readonly CollectionName[] = [
  'municipalities',
  'schools',
  'users',
  'learners',
  'compensations',
  'youthprojects',
  'staffevents',
];

/** A record of each collection in the given school (and its municipality), written by "me" where that applies. */
function record(collection: CollectionName, school: 'own' | 'other'): Record<string, unknown> {
  const schoolId = school === 'own' ? OWN_SCHOOL : OTHER_SCHOOL;
  const municipalityId = school === 'own' ? OWN_MUNI : OTHER_MUNI;
  const base = { id: `${collection}-${school}`, schoolId, municipalityId };
  switch (collection) {
    case 'municipalities':
      return { id: municipalityId };
    case 'schools':
      return { id: schoolId, municipalityId };
    case 'users':
      return { id: `colleague-${school}`, schoolIds: [schoolId] };
    case 'plans':
      return { ...base, preparerIds: [ME], status: 'draft', risks: [] };
    case 'consultations':
    case 'schedules':
      return { ...base, staffId: ME };
    case 'notes':
      return { ...base, authorId: ME, sharedWithSupportTeam: false };
    default:
      return base;
  }
}

// Expected write permission in one's own school, per role (administrator: everywhere but others' own records).
const writes: Record<UserRole, CollectionName[]> = {
  // Plans: only the plan preparer role draws one up (issue 8.10), even when listed among its preparers.
  teacher: ['learners', 'consultations', 'schedules'],
  psychologist: ['learners', 'consultations', 'schedules', 'notes'],
  social_pedagogue: ['learners', 'consultations', 'schedules', 'compensations', 'notes'],
  plan_preparer: ['learners', 'plans', 'consultations', 'schedules'],
  director: ['learners', 'consultations', 'schedules', 'staffevents'],
  school_coordinator: ['learners', 'consultations', 'schedules', 'compensations', 'staffevents'],
  // An accountant creates nothing here: they move stored compensations on (below).
  accountant: [],
  municipal_coordinator: ['schools', 'consultations', 'schedules', 'compensations', 'youthprojects', 'staffevents'],
  national_coordinator: [],
  administrator: collectionNames.filter((c) => c !== 'users'),
};

const matrix = userRoles.flatMap((role) =>
  collectionNames.flatMap((collection) => (['own', 'other'] as const).map((school) => ({ role, collection, school }))),
);

describe('authorisation matrix: role × collection × own/other school', () => {
  it.each(matrix)('$role reads $collection of the $school school', ({ role, collection, school }) => {
    // For notes: a colleague's note shared with the support team (one's own notes are always readable).
    const doc =
      collection === 'notes'
        ? { ...record(collection, school), authorId: 'colleague', sharedWithSupportTeam: true }
        : record(collection, school);
    const inReach = role === 'administrator' || school === 'own';
    // Programme profiles: everyone reads every one, wherever it is placed.
    const expected =
      collection === 'profiles'
        ? true
        : role === 'national_coordinator'
          ? NATIONAL_READS.includes(collection)
          : role === 'accountant'
            ? school === 'own' && ACCOUNTANT_READS.includes(collection)
            : collection === 'notes'
              ? school === 'own' && SUPPORT_TEAM.includes(role)
              : inReach;
    expect(canRead(actor(role), collection, doc)).toBe(expected);
  });

  it.each(matrix)('$role writes $collection of the $school school', ({ role, collection, school }) => {
    const doc = record(collection, school);
    const expected = writes[role].includes(collection) && (school === 'own' || role === 'administrator');
    expect(canWrite(actor(role), collection, null, doc).ok).toBe(expected);
  });
});

describe('records of other people', () => {
  it('a teacher cannot log a consultation as someone else, nor take over one', () => {
    const theirs = { id: 'c1', schoolId: OWN_SCHOOL, staffId: 'someone-else' };
    expect(canWrite(actor('teacher'), 'consultations', null, theirs)).toEqual({ ok: false, reason: 'notOwnRecord' });
    expect(canWrite(actor('teacher'), 'consultations', theirs, { ...theirs, staffId: ME })).toEqual({
      ok: false,
      reason: 'notOwnRecord',
    });
  });

  it('a teacher cannot keep a schedule for someone else, nor take over one; colleagues of the school read it', () => {
    const theirs = { id: 's1', schoolId: OWN_SCHOOL, staffId: 'someone-else' };
    expect(canWrite(actor('teacher'), 'schedules', null, theirs)).toEqual({ ok: false, reason: 'notOwnRecord' });
    expect(canWrite(actor('director'), 'schedules', theirs, { ...theirs, active: false })).toEqual({
      ok: false,
      reason: 'notOwnRecord',
    });
    expect(canRead(actor('teacher'), 'schedules', theirs)).toBe(true);
  });

  it('a confidential note is read by its author; by the support team only when shared', () => {
    const note = { id: 'n1', schoolId: OWN_SCHOOL, authorId: 'psychologist-1', sharedWithSupportTeam: false };
    const shared = { ...note, sharedWithSupportTeam: true };
    expect(canRead(actor('social_pedagogue'), 'notes', note)).toBe(false);
    expect(canRead(actor('social_pedagogue'), 'notes', shared)).toBe(true);
    expect(canRead(actor('teacher'), 'notes', shared)).toBe(false);
    expect(canRead(actor('administrator'), 'notes', note)).toBe(false);
    expect(canRead({ ...actor('psychologist'), userId: 'psychologist-1' }, 'notes', note)).toBe(true);
  });

  it('moving a record to a school out of reach is refused', () => {
    const learner = { id: 'l1', schoolId: OWN_SCHOOL };
    expect(canWrite(actor('teacher'), 'learners', learner, { ...learner, schoolId: OTHER_SCHOOL })).toEqual({
      ok: false,
      reason: 'outOfScope',
    });
  });
});

describe('plans', () => {
  const plan = { id: 'p1', schoolId: OWN_SCHOOL, preparerIds: ['preparer-1'], status: 'in_approval', risks: [] };
  it.each<[string, UserRole, Record<string, unknown>, boolean]>([
    ['director approves', 'director', { ...plan, status: 'approved', history: [{ id: 'h' }] }, true],
    [
      'director’s approval signed by the director',
      'director',
      { ...plan, status: 'approved', updatedBy: 'director-1' },
      true,
    ],
    ['director edits risks', 'director', { ...plan, risks: [{ id: 'r' }] }, false],
    [
      'director’s approval carrying a merge’s lost value',
      'director',
      { ...plan, status: 'approved', syncConflicts: [{ id: 'c', path: 'status', kept: '"a"', lost: '"b"' }] },
      true,
    ],
    ['teacher who is not a preparer', 'teacher', { ...plan, status: 'approved' }, false],
    ['municipal coordinator approves', 'municipal_coordinator', { ...plan, status: 'approved' }, true],
  ])('%s', (_, role, next, allowed) => {
    expect(canWrite(actor(role), 'plans', plan, next).ok).toBe(allowed);
  });

  it('an approver’s change is judged by value, not by the key order the database stored', () => {
    const stored = { ...plan, risks: [{ note: '', code: 'learning.low_achievement', id: 'r1' }] };
    const approved = { ...plan, status: 'approved', risks: [{ id: 'r1', code: 'learning.low_achievement', note: '' }] };
    expect(canWrite(actor('director'), 'plans', stored, approved).ok).toBe(true);
  });

  it('a preparer edits content', () => {
    const mine = { ...plan, preparerIds: [ME] };
    const preparer = { ...actor('teacher'), roles: ['teacher', 'plan_preparer'] as UserRole[] };
    expect(canWrite(preparer, 'plans', mine, { ...mine, risks: [{ id: 'r' }] }).ok).toBe(true);
  });
});

describe('canCreateUser', () => {
  const teacherHere = { roles: ['teacher'] as UserRole[], schoolIds: [OWN_SCHOOL] };
  it.each<[string, UserRole, Parameters<typeof canCreateUser>[1], boolean]>([
    ['administrator creates anyone', 'administrator', { roles: ['administrator'], schoolIds: [] }, true],
    ['school coordinator: a teacher of their school', 'school_coordinator', teacherHere, true],
    [
      'school coordinator: a teacher elsewhere',
      'school_coordinator',
      { ...teacherHere, schoolIds: [OTHER_SCHOOL] },
      false,
    ],
    [
      'school coordinator: a municipal coordinator',
      'school_coordinator',
      { roles: ['municipal_coordinator'], schoolIds: [OWN_SCHOOL] },
      false,
    ],
    ['school coordinator: a user with no school', 'school_coordinator', { roles: ['teacher'], schoolIds: [] }, false],
    ['municipal coordinator: a teacher of the municipality', 'municipal_coordinator', teacherHere, true],
    [
      'municipal coordinator: a colleague coordinator',
      'municipal_coordinator',
      { roles: ['municipal_coordinator'], schoolIds: [], municipalityId: OWN_MUNI },
      true,
    ],
    [
      'municipal coordinator: another municipality',
      'municipal_coordinator',
      { roles: ['municipal_coordinator'], schoolIds: [], municipalityId: OTHER_MUNI },
      false,
    ],
    [
      'municipal coordinator: an administrator',
      'municipal_coordinator',
      { roles: ['administrator'], schoolIds: [] },
      false,
    ],
    [
      'municipal coordinator: a national coordinator (above every municipality)',
      'municipal_coordinator',
      { roles: ['national_coordinator'], schoolIds: [], municipalityId: OWN_MUNI },
      false,
    ],
    [
      'administrator: a national coordinator',
      'administrator',
      { roles: ['national_coordinator'], schoolIds: [] },
      true,
    ],
    ['national coordinator creates nobody', 'national_coordinator', teacherHere, false],
    ['teacher creates nobody', 'teacher', teacherHere, false],
    ['director creates nobody', 'director', teacherHere, false],
  ])('%s', (_, role, user, allowed) => {
    expect(canCreateUser(actor(role), user)).toBe(allowed);
  });
});

describe('grantableRoles', () => {
  it.each(userRoles)('a %s may grant exactly the roles canCreateUser accepts for someone of their school', (role) => {
    const manager = actor(role);
    const accepted = userRoles.filter((r) => canCreateUser(manager, { roles: [r], schoolIds: [OWN_SCHOOL] }));
    expect(grantableRoles(manager)).toEqual(accepted);
    expect(managesUsers(manager.roles)).toBe(accepted.length > 0);
  });
});

describe('who keeps compensations', () => {
  it.each<[UserRole[], boolean]>([
    [['social_pedagogue'], true],
    [['school_coordinator'], true],
    [['administrator'], true],
    [['teacher', 'plan_preparer'], false],
    [['psychologist'], false],
    [['accountant'], false],
  ])('%j: %s', (roles, expected) => {
    expect(keepsCompensations(roles)).toBe(expected);
  });
});

describe('plans are prepared by the plan preparer role (issue 8.10)', () => {
  const as = (...roles: UserRole[]): Actor => ({ ...actor('teacher'), roles });
  const mine = { id: 'p1', schoolId: OWN_SCHOOL, preparerIds: [ME], status: 'draft', risks: [] };
  const theirs = { ...mine, preparerIds: ['colleague'] };
  it.each<[string, Actor, Record<string, unknown> | null, Record<string, unknown>, boolean]>([
    ['a preparer creates a plan they prepare', as('teacher', 'plan_preparer'), null, mine, true],
    ['a teacher lists themselves as preparer', as('teacher'), null, mine, false],
    ['a psychologist lists themselves as preparer', as('psychologist'), null, mine, false],
    ['a preparer creates a plan for someone else to prepare', as('plan_preparer'), null, theirs, false],
    ['a preparer edits a plan they prepare', as('plan_preparer'), mine, { ...mine, risks: [{ id: 'r' }] }, true],
    ['a listed teacher without the role edits it', as('teacher'), mine, { ...mine, risks: [{ id: 'r' }] }, false],
    [
      'a preparer adds themselves to a colleague’s plan',
      as('plan_preparer'),
      theirs,
      { ...theirs, preparerIds: ['colleague', ME] },
      false,
    ],
    ['a coordinator edits content', as('school_coordinator'), theirs, { ...theirs, risks: [{ id: 'r' }] }, false],
  ])('%s', (_case, who, previous, next, allowed) => {
    expect(canWrite(who, 'plans', previous, next).ok).toBe(allowed);
  });

  it('screens ask the same: who starts a plan, who edits its content', () => {
    expect(mayCreatePlan(as('teacher', 'plan_preparer'), OWN_SCHOOL)).toBe(true);
    expect(mayCreatePlan(as('teacher', 'plan_preparer'), OTHER_SCHOOL)).toBe(false);
    expect(mayCreatePlan(as('teacher', 'school_coordinator'), OWN_SCHOOL)).toBe(false);
    expect(mayEditPlanContent(as('plan_preparer'), mine)).toBe(true);
    expect(mayEditPlanContent(as('teacher'), mine)).toBe(false);
    expect(mayEditPlanContent(as('school_coordinator'), theirs)).toBe(false);
  });
});

describe('compensations move one way on every write (issue 8.6)', () => {
  const requested = { id: 'c1', schoolId: OWN_SCHOOL, learnerId: 'l1', amountCents: 4000, status: 'requested' };
  it.each<[string, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ['forward', requested, { ...requested, status: 'approved' }, true],
    ['back', { ...requested, status: 'paid' }, { ...requested, status: 'approved' }, false],
  ])('%s', (_case, previous, next, allowed) => {
    expect(canWrite(actor('social_pedagogue'), 'compensations', previous, next)).toEqual(
      allowed ? { ok: true } : { ok: false, reason: 'compensationOneWay' },
    );
  });
});

describe('an accountant moves a stored compensation on, and changes nothing else', () => {
  const requested = { id: 'c1', schoolId: OWN_SCHOOL, learnerId: 'l1', amountCents: 4000, status: 'requested' };
  const approved = { ...requested, status: 'approved' };
  it.each<[string, Record<string, unknown> | null, Record<string, unknown>, string | null]>([
    ['approves', requested, { ...approved, updatedBy: ME }, null],
    ['pays', approved, { ...approved, status: 'paid' }, null],
    ['records a request', null, requested, 'roleNotAllowed'],
    ['changes the amount with the step', requested, { ...approved, amountCents: 5000 }, 'approverMayChangeStatusOnly'],
    ['withdraws a request', requested, { ...requested, _deleted: true }, 'approverMayChangeStatusOnly'],
    ['moves it back', approved, requested, 'compensationOneWay'],
    [
      'pays one of another school',
      { ...approved, schoolId: OTHER_SCHOOL },
      { ...approved, schoolId: OTHER_SCHOOL, status: 'paid' },
      'outOfScope',
    ],
  ])('%s', (_case, previous, next, reason) => {
    expect(canWrite(actor('accountant'), 'compensations', previous, next)).toEqual(
      reason ? { ok: false, reason } : { ok: true },
    );
  });

  it('an accountant who also teaches reads the school’s plans as a teacher', () => {
    const plan = record('plans', 'own');
    expect(canRead(actor('accountant'), 'plans', plan)).toBe(false);
    expect(canRead({ ...actor('accountant'), roles: ['accountant', 'teacher'] }, 'plans', plan)).toBe(true);
  });
});

describe('staff events: the school’s by its director or coordinator, the municipality’s by its coordinator', () => {
  const schoolEvent = { id: 'e1', municipalityId: OWN_MUNI, schoolId: OWN_SCHOOL };
  const municipalEvent = { id: 'e2', municipalityId: OWN_MUNI };
  it.each<[UserRole, Record<string, unknown>, boolean]>([
    ['director', schoolEvent, true],
    ['director', municipalEvent, false],
    ['school_coordinator', municipalEvent, false],
    ['municipal_coordinator', municipalEvent, true],
    ['municipal_coordinator', schoolEvent, true],
    ['director', { ...schoolEvent, schoolId: 'school-next-door' }, false],
  ])('%s writes %j: %s', (role, event, allowed) => {
    expect(canWrite(actor(role), 'staffevents', null, event).ok).toBe(allowed);
  });
});

describe('indirect work: one’s own, or anyone’s of the school for its coordinator', () => {
  const mine = { id: 'w1', kind: 'indirect', municipalityId: OWN_MUNI, schoolId: OWN_SCHOOL, staffId: ME };
  const theirs = { ...mine, staffId: 'colleague' };
  it.each<[string, UserRole, Record<string, unknown> | null, Record<string, unknown>, string | null]>([
    ['an accountant records their own', 'accountant', null, mine, null],
    ['a teacher records their own', 'teacher', null, mine, null],
    ['an accountant records a colleague’s', 'accountant', null, theirs, 'notOwnRecord'],
    ['an accountant takes over a colleague’s', 'accountant', theirs, mine, 'notOwnRecord'],
    ['a school coordinator records a colleague’s', 'school_coordinator', null, theirs, null],
    ['a director records a colleague’s', 'director', null, theirs, 'notOwnRecord'],
    [
      'an accountant records their own at another school',
      'accountant',
      null,
      { ...mine, schoolId: OTHER_SCHOOL },
      'outOfScope',
    ],
    ['a director turns a seminar into indirect work', 'director', { ...mine, kind: 'seminar' }, mine, 'roleNotAllowed'],
    [
      'an accountant turns their record into a seminar',
      'accountant',
      mine,
      { ...mine, kind: 'seminar' },
      'roleNotAllowed',
    ],
    ['a national coordinator records their own', 'national_coordinator', null, mine, 'outOfScope'],
  ])('%s', (_case, role, previous, next, reason) => {
    expect(canWrite(actor(role), 'staffevents', previous, next)).toEqual(reason ? { ok: false, reason } : { ok: true });
  });
});
