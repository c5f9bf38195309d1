import { describe, expect, it } from 'vitest';
import { syncStateOf, type SyncFacts } from './syncStatus';

const T0 = 1_000_000;
const base: SyncFacts = {
  online: true,
  pending: 0,
  sending: 0,
  refused: 0,
  lastSuccessAt: null,
  lastErrorAt: null,
  errorsSinceSuccess: 0,
  unreachableSince: null,
};

/**
 * The indicator's rule in words: no network beats all; then "the server has not answered since it last failed"
 * (unreachable, since the first failure); then a push under way; then refused records; then waiting changes; then
 * the time of the last answer; a device that never got an answer says so.
 */
const table: [string, Partial<SyncFacts>, string][] = [
  [
    'no network, even with errors and waiting changes',
    { online: false, pending: 3, errorsSinceSuccess: 4, lastErrorAt: T0 },
    'offline',
  ],
  ['never answered, nothing failed', {}, 'never'],
  ['answered, nothing waiting', { lastSuccessAt: T0 }, 'synced@' + T0],
  ['answered, two changes waiting', { lastSuccessAt: T0, pending: 2 }, 'waiting:2'],
  ['a push under way with changes waiting', { lastSuccessAt: T0, pending: 2, sending: 1 }, 'sending'],
  ['a refused record, nothing waiting', { lastSuccessAt: T0, refused: 1 }, 'attention:1'],
  ['a refused record beats waiting changes', { lastSuccessAt: T0, refused: 1, pending: 4 }, 'attention:1'],
  ['a push under way beats refused records', { lastSuccessAt: T0, refused: 1, sending: 1 }, 'sending'],
  [
    'three failures since the last answer, with a push retrying',
    { lastSuccessAt: T0, lastErrorAt: T0 + 9, errorsSinceSuccess: 3, unreachableSince: T0 + 5, sending: 1 },
    'unreachable@' + (T0 + 5),
  ],
  [
    'one failure, never answered',
    { lastErrorAt: T0, errorsSinceSuccess: 1, unreachableSince: T0 },
    'unreachable@' + T0,
  ],
  [
    'an answer after the failures clears them (counter reset)',
    { lastSuccessAt: T0 + 20, lastErrorAt: T0 + 9, errorsSinceSuccess: 0, unreachableSince: null },
    'synced@' + (T0 + 20),
  ],
  [
    'an answer later than the last failure wins even if the counter lagged',
    { lastSuccessAt: T0 + 20, lastErrorAt: T0 + 9, errorsSinceSuccess: 2, unreachableSince: T0 + 1 },
    'synced@' + (T0 + 20),
  ],
  [
    'unreachable with refused records and waiting changes still says unreachable',
    { lastErrorAt: T0, errorsSinceSuccess: 1, unreachableSince: T0, refused: 2, pending: 5 },
    'unreachable@' + T0,
  ],
];

const asText = (s: ReturnType<typeof syncStateOf>) =>
  s.kind === 'unreachable'
    ? `unreachable@${s.since}`
    : s.kind === 'synced'
      ? `synced@${s.at}`
      : s.kind === 'waiting' || s.kind === 'attention'
        ? `${s.kind}:${s.count}`
        : s.kind;

describe('the sync indicator says what is true now', () => {
  it.each(table)('%s', (_words, facts, expected) => {
    expect(asText(syncStateOf({ ...base, ...facts }))).toBe(expected);
  });
});
