import { describe, expect, it } from 'vitest';
import { learner } from '../../../test/fixtures/documents';
import { decideRestore, readBackupEnvelope, readBackupPayload, type BackupEnvelope } from './unsentBackup';

const ACCOUNT = 'user-ilze';
const CREATED = '2026-12-01T10:00:00.000Z';

const envelope = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  format: 'atbalsts-unsent-changes',
  version: 1,
  accountId: ACCOUNT,
  createdAt: CREATED,
  documentCount: 1,
  key: { kdf: 'PBKDF2-SHA256', iterations: 600_000, salt: 'c2FsdA==', iv: 'aXY=', wrapped: 'd3JhcHBlZA==' },
  payload: 'g1.aXY=.Ym9keQ==',
  ...overrides,
});

describe('reading a backup file before the password', () => {
  const valid = JSON.stringify(envelope());
  // Each row: the file's text, and what the person is told (or ok), written from the rules in words.
  it.each([
    ['a file this app wrote, for this account', valid, 'ok'],
    ['the same file cut short (a truncated download)', valid.slice(0, valid.length - 20), 'corrupt'],
    ['an empty file', '', 'corrupt'],
    ['some other JSON file', JSON.stringify({ name: 'class list' }), 'notBackup'],
    ['a JSON array', '[]', 'notBackup'],
    ['a file from a newer version of the app', JSON.stringify(envelope({ version: 2 })), 'newerVersion'],
    ['a file without its encrypted part', JSON.stringify(envelope({ payload: undefined })), 'corrupt'],
    [
      'a file whose key was weakened',
      JSON.stringify(envelope({ key: { ...envelope().key!, iterations: 1 } })),
      'corrupt',
    ],
    ['a file with a field added', JSON.stringify(envelope({ extra: true })), 'corrupt'],
    ['a colleague’s file', JSON.stringify(envelope({ accountId: 'user-marta' })), 'otherAccount'],
  ])('%s → %s', (_what, text, expected) => {
    const result = readBackupEnvelope(text, ACCOUNT);
    expect(result.ok ? 'ok' : result.problem).toBe(expected);
  });
});

describe('reading the decrypted payload', () => {
  const env = envelope() as unknown as BackupEnvelope;
  const anna = learner({ id: 'learner-anna' });
  const payload = (overrides: Record<string, unknown> = {}) => ({
    accountId: ACCOUNT,
    createdAt: CREATED,
    documents: [{ collection: 'learners', document: anna }],
    ...overrides,
  });

  it.each([
    ['the payload of its own envelope', payload(), 'ok'],
    ['a payload of another account', payload({ accountId: 'user-marta' }), 'corrupt'],
    ['a payload of another time', payload({ createdAt: '2026-12-01T11:00:00.000Z' }), 'corrupt'],
    ['fewer documents than the envelope counts', payload({ documents: [] }), 'corrupt'],
    [
      'a collection the app does not have',
      payload({ documents: [{ collection: 'grades', document: anna }] }),
      'corrupt',
    ],
    [
      'a learner without a first name',
      payload({ documents: [{ collection: 'learners', document: { ...anna, firstName: undefined } }] }),
      'incompatible',
    ],
    ['not an object', 'text', 'corrupt'],
  ])('%s', (_what, value, expected) => {
    const result = readBackupPayload(value, env);
    expect(result.ok ? 'ok' : result.problem).toBe(expected);
  });

  it('returns the documents as they were backed up', () => {
    const result = readBackupPayload(payload(), env);
    expect(result).toEqual({ ok: true, value: [{ collection: 'learners', document: anna }] });
  });
});

describe('restoring one document', () => {
  const at = (time: string) => `2026-12-01T${time}:00.000Z`;
  const backedUp = learner({ id: 'l1', className: '7.b', updatedAt: at('10:00') });
  // Each row: the device's copy, and what happens — from the rule: missing → restore; identical → nothing to do;
  // changed here at the same time or later → keep the device's (never overwritten silently); older → restore.
  it.each([
    ['no copy on the device', undefined, 'restore'],
    ['an identical copy', { ...backedUp }, 'alreadyHere'],
    [
      'an identical copy with fields in another order',
      Object.fromEntries(Object.entries(backedUp).reverse()) as typeof backedUp,
      'alreadyHere',
    ],
    ['a copy edited here later', { ...backedUp, className: '8.a', updatedAt: at('11:00') }, 'newerHere'],
    ['a different copy from the same moment', { ...backedUp, className: '8.a' }, 'newerHere'],
    [
      'an older copy (as first received from the server)',
      { ...backedUp, className: '6.c', updatedAt: at('09:00') },
      'restore',
    ],
  ])('%s', (_what, local, expected) => {
    expect(decideRestore(backedUp, local)).toBe(expected);
  });
});
