import { describe, expect, it } from 'vitest';
import type { UserRole } from '../organisation';
import { canRead, canWrite, type Actor } from './permissions';

const actor = (userId: string, roles: UserRole[], municipalityIds = ['liepaja']): Actor => ({
  userId,
  roles,
  schoolIds: [],
  municipalityIds,
});
const competition = { id: 'c', kind: 'competition', municipalityId: 'liepaja', competition: {} };
const application = (scores: object[] = [], title = 'P') => ({
  id: 'a',
  kind: 'application',
  municipalityId: 'liepaja',
  commissionIds: ['anna'],
  application: { title, scores, status: 'applied' },
});

describe('youth projects: who reads what (the rules in words, issue 12)', () => {
  it.each([
    ['a teacher of the municipality', actor('juris', ['teacher']), true, false],
    ['a commission member', actor('anna', ['teacher']), true, true],
    ['the municipal coordinator', actor('inese', ['municipal_coordinator']), true, true],
    ['the national coordinator', actor('liga', ['national_coordinator'], ['liepaja', 'cesis']), true, true],
    ['a coordinator of another municipality', actor('olga', ['municipal_coordinator'], ['cesis']), false, false],
    ['a commission member moved to another municipality', actor('anna', ['teacher'], ['cesis']), false, false],
  ])('%s: the call %s, the application %s', (_who, who, call, app) => {
    expect(canRead(who, 'youthprojects', competition)).toBe(call);
    expect(canRead(who, 'youthprojects', application())).toBe(app);
  });
});

describe('youth projects: who writes what', () => {
  const anna = actor('anna', ['teacher']);
  const scored = application([{ id: 'anna', scores: [] }]);
  it.each([
    ['the coordinator announces', actor('inese', ['municipal_coordinator']), null, competition, true],
    ['a teacher announces', actor('juris', ['teacher']), null, competition, false],
    ['a member enters an application', anna, null, application(), false],
    ['a member changes the scores only', anna, application(), scored, true],
    ['a member changes the title', anna, application(), application([], 'Cits'), false],
    ['a non-member changes the scores', actor('juris', ['teacher']), application(), scored, false],
    ['a member deletes it', anna, application(), { ...application(), _deleted: true }, false],
  ])('%s → %s', (_case, who, previous, next, allowed) => {
    expect(canWrite(who, 'youthprojects', previous, next).ok).toBe(allowed);
  });
});
