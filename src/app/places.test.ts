import { describe, expect, it } from 'vitest';
import { places, screens } from './places';

describe('the features’ places', () => {
  it('give the signed-in app exactly its screens (the route table as written out before features declared them)', () => {
    expect(screens.map((s) => s.path).sort()).toEqual(
      [
        'learners',
        'learners/new',
        'learners/import',
        'learners/:learnerId',
        'users',
        'users/new',
        'users/:userId',
        'today',
        'hours',
        'hours/indirect',
        'hours/:staffId/:month',
        'reports',
        'staff-development',
        'staff-development/new',
        'staff-development/:eventId',
        'programme-profiles',
        'programme-profiles/new',
        'programme-profiles/:profileId/edit',
        'youth-projects',
        'youth-projects/new',
        'youth-projects/:competitionId',
        'youth-projects/:competitionId/applications/new',
        'youth-projects/:competitionId/applications/:applicationId',
        'youth-projects/:competitionId/applications/:applicationId/edit',
        'plans',
        'plans/:planId',
        'settings',
      ].sort(),
    );
  });

  it('list the nav in its order, each entry a screen of the app, no two at one place', () => {
    const nav = places.flatMap((p) => p.nav ?? []).sort((a, b) => a.order - b.order);
    expect(nav.map((e) => e.to)).toEqual([
      '/today',
      '/learners',
      '/plans',
      '/reports',
      '/staff-development',
      '/hours/indirect',
      '/programme-profiles',
      '/youth-projects',
      '/users',
      '/settings',
    ]);
    expect(new Set(nav.map((e) => e.order)).size).toBe(nav.length);
    for (const entry of nav) expect(screens.map((s) => `/${s.path}`)).toContain(entry.to);
  });
});
