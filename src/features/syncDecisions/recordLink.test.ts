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
