import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
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

beforeEach(async () => {
  db = await memoryDatabase(['schools', 'learners', 'plans', 'users', 'municipalities']);
  await db.schools.insert({
    id: 'school-1',
    name: 'Ezerkalnu vidusskola',
    kind: 'general',
    municipalityId: 'muni-1',
    stateFounded: false,
    createdAt: AT,
    updatedAt: AT,
  });
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
