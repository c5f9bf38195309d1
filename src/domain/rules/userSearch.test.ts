import { describe, expect, it } from 'vitest';
import { compareUsers, matchesUserQuery } from './userSearch';

const user = (displayName: string, username: string) => ({ displayName, username });

describe('user search', () => {
  it.each([
    ['', true],
    ['bērz', true],
    ['berzins', true],
    ['JURIS', true],
    ['juris.b', true],
    ['ozols', false],
  ])('"%s" matches Juris Bērziņš (juris.berzins): %s', (query, expected) => {
    expect(matchesUserQuery(user('Juris Bērziņš', 'juris.berzins'), query)).toBe(expected);
  });

  it('sorts in Latvian order, then by username', () => {
    const sorted = [user('Šarlote', 'a'), user('Zane', 'b'), user('Sandra', 'd'), user('Sandra', 'c')].sort(
      compareUsers,
    );
    expect(sorted.map((u) => u.username)).toEqual(['c', 'd', 'a', 'b']);
  });
});
