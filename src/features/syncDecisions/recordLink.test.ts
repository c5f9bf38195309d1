import { describe, expect, it } from 'vitest';
import { recordLink, recordName } from './recordLink';

describe('a refused youth project record links to where it is decided', () => {
  it.each([
    [
      'a competition',
      'c1',
      { kind: 'competition', competition: { title: 'Konkurss 2020' } },
      '/youth-projects/c1',
      'Konkurss 2020',
    ],
    [
      'an application',
      'a1',
      {
        kind: 'application',
        application: { competitionId: 'c1', title: 'Projekts', organisation: 'Workout Generation' },
      },
      '/youth-projects/c1/applications/a1',
      'Workout Generation',
    ],
    ['a version-0 project', 'a2', { kind: 'application', application: { title: 'Sports' } }, null, 'Sports'],
  ])('%s', (_case, id, record, link, name) => {
    expect(recordLink('youthprojects', id, record)).toBe(link);
    expect(recordName(record)).toBe(name);
  });
});

describe('a refused staff record links to its screen', () => {
  it.each([
    [
      'a month of indirect work',
      'w1',
      { kind: 'indirect', month: '2026-10', what: 'Kompensāciju izmaksa', minutes: 600 },
      '/hours/indirect',
      '2026-10 Kompensāciju izmaksa',
    ],
    [
      'a staff development event',
      'e1',
      { kind: 'workshop', title: 'Darbnīca', date: '2026-10-06' },
      '/staff-development/e1',
      'Darbnīca 2026-10-06',
    ],
  ])('%s', (_case, id, record, link, name) => {
    expect(recordLink('staffevents', id, record)).toBe(link);
    expect(recordName(record)).toBe(name);
  });
});
