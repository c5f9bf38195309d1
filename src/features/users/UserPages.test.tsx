import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import type { User, UserRole } from '../../domain';
import { DatabaseProvider, type AtbalstsDatabase } from '../../db';
import { useSession, type DeviceAccount } from '../../sync';
import { UserEditPage, UserListPage } from './index';

const AT = '2026-09-01T08:00:00.000Z';
const person = (id: string, displayName: string, roles: UserRole[], extra: Partial<User> = {}): User => ({
  id,
  username: id,
  displayName,
  roles,
  specialistRoles: [],
  subjects: [],
  schoolIds: ['school-1'],
  active: true,
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});

let db: AtbalstsDatabase;

beforeEach(async () => {
  db = await memoryDatabase(['users', 'schools', 'municipalities']);
  await db.schools.insert({
    id: 'school-1',
    name: 'Ezerkalnu vidusskola',
    kind: 'general',
    municipalityId: 'muni-1',
    stateFounded: false,
    createdAt: AT,
    updatedAt: AT,
  });
  await db.users.bulkInsert([
    person('me', 'Inese Zariņa', ['school_coordinator']),
    person('zane.ozola', 'Zane Ozola', ['teacher', 'plan_preparer']),
    person('juris.berzins', 'Juris Bērziņš', ['director'], { active: false }),
    person('far.away', 'Pēteris Tālais', ['teacher'], { schoolIds: ['school-9'] }),
  ]);
});
afterEach(async () => {
  useSession.setState({ status: 'locked' });
  await db.close();
});

function signInAs(roles: UserRole[]) {
  const account = { userId: 'me', username: 'me', displayName: 'Inese Zariņa', roles } as DeviceAccount;
  useSession.setState({ status: 'unlocked', account, db, signedInOnline: true });
}

function renderAt(path: string) {
  return renderWithI18n(
    <DatabaseProvider database={db}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/users" element={<UserListPage />} />
          <Route path="/users/new" element={<UserEditPage />} />
          <Route path="/users/:userId" element={<UserEditPage />} />
        </Routes>
      </MemoryRouter>
    </DatabaseProvider>,
  );
}

describe('user pages', () => {
  it('lists the people on this device in Latvian order, with roles, schools and status in words', async () => {
    signInAs(['school_coordinator']);
    renderAt('/users');
    await screen.findByText('4 lietotāji');
    const names = screen.getAllByRole('listitem').map((li) => li.querySelector('.user-row__name')?.textContent);
    expect(names).toEqual(['Inese Zariņa', 'Juris Bērziņš', 'Pēteris Tālais', 'Zane Ozola']);
    const zane = screen.getByRole('link', { name: /Zane Ozola/ });
    expect(zane.getAttribute('href')).toBe('/users/zane.ozola');
    expect(zane.textContent).toContain('Pedagogs, Plāna sagatavotājs');
    expect(zane.textContent).toContain('Ezerkalnu vidusskola');
    expect(screen.getByRole('link', { name: /Juris Bērziņš/ }).textContent).toContain('Atslēgts');

    await userEvent.setup().type(screen.getByLabelText('Meklēt pēc vārda vai lietotājvārda'), 'berz');
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByText('1 lietotājs')).toBeTruthy();
  });

  it('lets only administrators and coordinators in, following the synced roles over those of the sign-in', async () => {
    // Signed in as a coordinator; since then the directory entry that arrived by sync says teacher.
    await (await db.users.findOne('me').exec())!.incrementalPatch({ roles: ['teacher', 'director'] });
    signInAs(['school_coordinator']);
    renderAt('/users');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Pievienot lietotāju' })).toBeNull());
    expect(screen.getByText('Lietotājus pārvalda administratori, skolu un pašvaldību koordinatori.')).toBeTruthy();
  });

  it('shows oneself and people out of reach without a way to change them', async () => {
    signInAs(['school_coordinator']);
    const view = renderAt('/users/me');
    expect(await screen.findByText(/^Savu kontu šeit mainīt nevar/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Saglabāt' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Atslēgt kontu' })).toBeNull();
    view.unmount();

    renderAt('/users/far.away');
    expect(await screen.findByText(/^Šis lietotājs nav jūsu pārziņā/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Iestatīt jaunu paroli' })).toBeNull();
  });

  it('offers a colleague in reach for changes, with the roles a school coordinator may grant', async () => {
    signInAs(['school_coordinator']);
    renderAt('/users/zane.ozola');
    expect(await screen.findByRole('button', { name: 'Saglabāt' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Atslēgt kontu' })).toBeTruthy();
    expect(screen.queryByLabelText('Administrators')).toBeNull();
    expect(screen.queryByLabelText('Pašvaldības koordinators')).toBeNull();
    expect((screen.getByLabelText('Pedagogs') as HTMLInputElement).checked).toBe(true);
  });
});
