import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { learner, plan } from '../../../test/fixtures/reports/builders';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { copyOfProfile, localDate, pumpurs2017, semesterOf } from '../../domain';
import { DatabaseProvider, type AtbalstsDatabase } from '../../db';
import { useSelectedSchool } from '../schools';
import { LearnerListPage } from './index';

// The learners' query fails (as a record this device cannot decrypt makes it fail); the rest reads for real.
const failure = { current: null as Error | null };
vi.mock('../../db', async (original) => {
  const actual = await original<typeof import('../../db')>();
  return {
    ...actual,
    useLearnersOfSchool: (schoolId: string | null) => {
      const result = actual.useLearnersOfSchool(schoolId);
      return failure.current ? { data: [], loading: false, error: failure.current } : result;
    },
  };
});

const EMPTY = 'Šajā skolā vēl nav izglītojamo. Pievienojiet pirmo.';
const AT = '2026-09-01T08:00:00.000Z';
let db: AtbalstsDatabase;
const plainJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const schoolDoc = {
  id: 'school-1',
  name: 'Ezerkalnu vidusskola',
  kind: 'general' as const,
  municipalityId: 'muni-1',
  stateFounded: false,
  createdAt: AT,
  updatedAt: AT,
};

beforeEach(async () => {
  db = await memoryDatabase(['schools', 'learners', 'plans', 'users', 'municipalities']);
  await db.schools.insert(plainJson(schoolDoc));
  useSelectedSchool.setState({ schoolId: 'school-1' });
});
afterEach(async () => {
  failure.current = null;
  useSelectedSchool.setState({ schoolId: null });
  await db.close();
});

const renderPage = () =>
  renderWithI18n(
    <DatabaseProvider database={db}>
      <MemoryRouter>
        <LearnerListPage />
      </MemoryRouter>
    </DatabaseProvider>,
  );

describe('learners list when the device cannot read its learners', () => {
  it('says the list could not be read instead of showing it as empty', async () => {
    failure.current = new Error('decryption failed');
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toContain('decryption failed');
    expect(screen.queryByText(EMPTY)).toBeNull();
  });

  it('shows an empty school as empty when the learners read', async () => {
    renderPage();
    await screen.findByText(EMPTY);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('learners list risk filter under the plans’ own profiles', () => {
  it('finds a learner whose "Skola–kopiena" plan names only a risk that profile added', async () => {
    await db.close();
    db = await memoryDatabase(['schools', 'learners', 'plans', 'users', 'municipalities', 'profiles']);
    await db.schools.insert(plainJson(schoolDoc));
    const base = copyOfProfile(pumpurs2017, { id: 'sk', title: 'Skola–kopiena', now: AT, by: 'admin' });
    await db.profiles.insert(
      plainJson({
        ...base,
        riskGroups: base.riskGroups.map((g) =>
          g.code === 'other' ? { ...g, items: [...g.items, 'other.added_1'] } : g,
        ),
        riskLabels: [{ code: 'other.added_1', text: 'Kiberhuligānisms' }],
      }),
    );
    const { schoolYear, semester } = semesterOf(localDate(new Date()));
    await db.learners.bulkInsert(
      plainJson([
        learner('l-sk', { schoolId: 'school-1', firstName: 'Kārlis', lastName: 'Kalniņš' }),
        learner('l-pu', { schoolId: 'school-1', firstName: 'Pēteris', lastName: 'Ozols' }),
      ]),
    );
    await db.plans.bulkInsert(
      plainJson([
        plan('p-sk', 'l-sk', {
          schoolId: 'school-1',
          schoolYear,
          semester,
          profileId: 'sk',
          risks: [{ id: 'r1', code: 'other.added_1', note: '' }],
        }),
        plan('p-pu', 'l-pu', {
          schoolId: 'school-1',
          schoolYear,
          semester,
          risks: [{ id: 'r2', code: 'learning.low_achievement', note: '' }],
        }),
      ]),
    );
    renderPage();
    await screen.findByText(/Kalniņš/);
    await userEvent.selectOptions(screen.getByLabelText('Riska grupa'), 'other');
    // Under the built-in grid "other.added_1" is in no group: the learner would vanish (hand count: 1 of 2 shows).
    await waitFor(() => expect(screen.queryByText(/Ozols/)).toBeNull());
    expect(screen.getByText(/Kalniņš/)).toBeTruthy();
    expect(screen.getByText('1 izglītojamais')).toBeTruthy();
  });
});
