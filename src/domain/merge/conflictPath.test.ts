import { describe, expect, it } from 'vitest';
import { conflictField, withValueAt } from './conflictPath';

describe('writing a lost value back at its path', () => {
  const plan = {
    id: 'p1',
    status: 'draft',
    consent: { signedBy: 'Anna' },
    measures: [
      { id: 'm1', plannedSessions: 4 },
      { id: 'm2', plannedSessions: 6 },
    ],
  };

  it('sets a top-level field', () => {
    expect(withValueAt(plan, 'status', 'approved')).toEqual({ ...plan, status: 'approved' });
  });
  it('sets a nested field and leaves the original alone', () => {
    const next = withValueAt(plan, 'consent.signedBy', 'Jānis');
    expect(next?.consent).toEqual({ signedBy: 'Jānis' });
    expect(plan.consent.signedBy).toBe('Anna');
  });
  it('sets a field of a list item found by its id, not its position', () => {
    expect(withValueAt(plan, 'measures[m2].plannedSessions', 8)?.measures).toEqual([
      { id: 'm1', plannedSessions: 4 },
      { id: 'm2', plannedSessions: 8 },
    ]);
  });
  it('removes a field whose lost value was "absent"', () => {
    expect(withValueAt({ id: 'l1', birthDate: '2010-01-01' }, 'birthDate', undefined)).toEqual({ id: 'l1' });
  });
  it('writes nothing when the list item has gone since', () => {
    expect(withValueAt(plan, 'measures[m9].plannedSessions', 8)).toBeNull();
  });
  it('names the field a person knows', () => {
    expect(conflictField('measures[m2].plannedSessions')).toBe('measures');
    expect(conflictField('className')).toBe('className');
  });
});
