import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { localDate, semesterOf, type SupportPlan } from '../../domain';
import { DatabaseProvider, type AtbalstsDatabase } from '../../db';
import { useSession, type DeviceAccount } from '../../sync';
import { useSelectedSchool } from '../schools';
import { PlansListPage } from './PlansListPage';

const AT = '2026-09-01T08:00:00.000Z';
const semester = semesterOf(localDate(new Date()));
const school = (id: string, name: string) => ({
  id,
  name,
  kind: 'general' as const,
  municipalityId: 'muni-1',
  stateFounded: false,
  createdAt: AT,
  updatedAt: AT,
});
const learner = (id: string, schoolId: string, firstName: string) => ({
  id,
  schoolId,
  firstName,
  lastName: 'Kalna',
  className: '7.a',
  programme: 'general' as const,
  guardians: [],
  archived: false,
  createdAt: AT,
  updatedAt: AT,
});
/** Sent for approval and approved by the director: waiting for the municipality. */
const waitingForMunicipality = (id: string, schoolId: string, learnerId: string): SupportPlan => ({
  id,
  createdAt: AT,
  updatedAt: AT,
  learnerId,
  schoolId,
  ...semester,
  preparerIds: ['prep'],
  status: 'in_approval',
  risks: [{ id: 'r1', code: 'learning.low_achievement', note: '' }],
  measures: [],
  history: [
    { id: `${id}-s`, at: AT, byUserId: 'prep', action: 'submit', toStatus: 'in_approval' },
    { id: `${id}-a`, at: AT, byUserId: 'dir', action: 'approve', toStatus: 'in_approval' },
  ],
});

let db: AtbalstsDatabase;
beforeEach(async () => {
  db = await memoryDatabase(['plans', 'learners', 'schools', 'municipalities', 'users', 'consultations']);
  await db.municipalities.insert({ id: 'muni-1', name: 'Ezerkalnu novads', createdAt: AT, updatedAt: AT });
  await db.schools.bulkInsert([school('s-a', 'Ezerkalnu vidusskola'), school('s-b', 'Priedaines pamatskola')]);
  await db.learners.bulkInsert([learner('l-a', 's-a', 'Anna'), learner('l-b', 's-b', 'Baiba')]);
  // Only the second school's plan waits for her; the chosen school is the first.
  await db.plans.bulkInsert([waitingForMunicipality('p-b', 's-b', 'l-b')]);
  await db.users.insert({
    id: 'mun',
    username: 'mun',
    displayName: 'Koordinatore',
    roles: ['municipal_coordinator'],
    specialistRoles: [],
    subjects: [],
    schoolIds: [],
    municipalityId: 'muni-1',
    active: true,
    createdAt: AT,
    updatedAt: AT,
  });
  useSelectedSchool.setState({ schoolId: 's-a' });
});
afterEach(async () => {
  useSession.setState({ status: 'locked' });
  await db.close();
});

describe('the plans list', () => {
  it('shows a municipal coordinator what waits for her in every school of her reach (issue 13.4)', async () => {
    const account = { userId: 'mun', username: 'mun', displayName: 'mun', roles: ['municipal_coordinator'] };
    useSession.setState({ status: 'unlocked', account: account as DeviceAccount, db, signedInOnline: true });
    renderWithI18n(
      <DatabaseProvider database={db}>
        <MemoryRouter>
          <PlansListPage />
        </MemoryRouter>
      </DatabaseProvider>,
    );
    const row = await screen.findByRole('link', { name: /Kalna Baiba/ });
    expect(row.textContent).toContain('Priedaines pamatskola');
    expect(screen.getByText('1 plāns')).toBeTruthy();
  });
});
