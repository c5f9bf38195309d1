import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import type { IndirectWork, User, UserRole } from '../../domain';
import { DatabaseProvider, type AtbalstsDatabase } from '../../db';
import { useSession, type DeviceAccount } from '../../sync';
import { useNotifications } from '../notifications';
import { useSelectedSchool } from '../schools';
import { IndirectWorkPage } from './IndirectWorkPage';

const AT = '2026-09-01T08:00:00.000Z';
const person = (id: string, displayName: string, roles: UserRole[], schoolIds = ['s-a']): User => ({
  id,
  username: id,
  displayName,
  roles,
  specialistRoles: [],
  subjects: [],
  schoolIds,
  active: true,
  createdAt: AT,
  updatedAt: AT,
});

let db: AtbalstsDatabase;
beforeEach(async () => {
  db = await memoryDatabase(['schools', 'municipalities', 'users', 'staffevents']);
  await db.municipalities.insert({ id: 'muni-1', name: 'Priekuļu novads', createdAt: AT, updatedAt: AT });
  await db.schools.insert({
    id: 's-a',
    name: 'Priekuļu tehnikums',
    kind: 'vocational',
    municipalityId: 'muni-1',
    stateFounded: true,
    createdAt: AT,
    updatedAt: AT,
  });
  await db.users.bulkInsert([
    person('liga', 'Līga Ozola', ['accountant']),
    person('rita', 'Rita Kalna', ['school_coordinator']),
    person('anna', 'Anna Bērziņa', ['teacher']),
    person('juris', 'Juris Liepa', ['accountant'], ['s-b']),
  ]);
  useNotifications.setState({ items: [] });
});
afterEach(async () => {
  useSession.setState({ status: 'locked' });
  await db.close();
});

function open(asUser: string, roles: UserRole[]) {
  const account = { userId: asUser, username: asUser, displayName: asUser, roles };
  useSession.setState({ status: 'unlocked', account: account as DeviceAccount, db, signedInOnline: true });
  useSelectedSchool.setState({ schoolId: 's-a' });
  renderWithI18n(
    <DatabaseProvider database={db}>
      <MemoryRouter initialEntries={['/hours/indirect']}>
        <Routes>
          <Route path="/hours/indirect" element={<IndirectWorkPage />} />
        </Routes>
      </MemoryRouter>
    </DatabaseProvider>,
  );
  return userEvent.setup();
}

const stored = async () =>
  (await db.staffevents.find().exec())
    .map((d) => d.toJSON() as IndirectWork)
    .sort((a, b) => a.month.localeCompare(b.month));

async function fill(user: ReturnType<typeof userEvent.setup>, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) {
    const input = screen.getByLabelText(label, { exact: false });
    await user.clear(input);
    if (value) await user.type(input, value);
  }
}

describe('recording indirect work', () => {
  it('records the accountant’s own month as hours and minutes, lists it, edits it, deletes it with undo', async () => {
    const user = open('liga', ['accountant']);
    await screen.findByRole('heading', { name: 'Ierakstīt netiešo darbu' });
    // Only herself to choose: no staff member field.
    expect(screen.queryByLabelText('Darbinieks')).toBeNull();
    await fill(user, { Mēnesis: '2020-10', Stundas: '10', Minūtes: '30', 'Ko darījāt': 'Kompensāciju izmaksa' });
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(async () => expect(await stored()).toHaveLength(1));
    // 10 h 30 min = 630 minutes, at the selected school and its municipality.
    expect(await stored()).toEqual([
      expect.objectContaining({
        kind: 'indirect',
        staffId: 'liga',
        schoolId: 's-a',
        municipalityId: 'muni-1',
        month: '2020-10',
        minutes: 630,
        what: 'Kompensāciju izmaksa',
      }),
    ]);
    const month = await screen.findByRole('region', { name: /2020\. gada oktobris/ });
    expect(within(month).getByText('10 st. 30 min', { selector: '.indirect-month__total' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Labot: 2020. gada oktobris: Kompensāciju izmaksa' }));
    await screen.findByRole('heading', { name: 'Labot netiešo darbu' });
    expect((screen.getByLabelText('Stundas') as HTMLInputElement).value).toBe('10');
    expect((screen.getByLabelText('Minūtes', { exact: false }) as HTMLInputElement).value).toBe('30');
    await fill(user, { Stundas: '12', Minūtes: '' });
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(async () => expect((await stored())[0]?.minutes).toBe(720));
    await screen.findByRole('heading', { name: 'Ierakstīt netiešo darbu' });

    await user.click(screen.getByRole('button', { name: 'Dzēst: 2020. gada oktobris: Kompensāciju izmaksa' }));
    await waitFor(async () => expect(await stored()).toEqual([]));
    const notice = useNotifications.getState().items.find((n) => n.key === 'hours:indirect.deleted');
    expect(notice?.values).toEqual({ month: '2020. gada oktobris' });
    notice?.undo?.();
    await waitFor(async () => expect((await stored()).map((w) => w.minutes)).toEqual([720]));
  });

  it.each([
    ['no time', { Stundas: '', Minūtes: '' }, 'Stundas', 'Aizpildiet šo lauku.'],
    ['no time at all', { Stundas: '0', Minūtes: '0' }, 'Stundas', 'Ierakstiet vismaz vienu minūti.'],
    // The schema's bound: 200 hours a month (12 000 minutes); 200 h 1 min is over it.
    ['more than a month’s bound', { Stundas: '200', Minūtes: '1' }, 'Stundas', 'Mēnesī ne vairāk kā 200 stundas.'],
    ['a fraction of an hour', { Stundas: '1,5', Minūtes: '' }, 'Stundas', 'Pārbaudiet šo vērtību.'],
    ['minutes that are not a number', { Stundas: '1', Minūtes: 'x' }, 'Minūtes', 'Pārbaudiet šo vērtību.'],
  ])('names the slip next to its field: %s', async (_case, time, field, message) => {
    const user = open('liga', ['accountant']);
    await screen.findByRole('heading', { name: 'Ierakstīt netiešo darbu' });
    await fill(user, { ...time, 'Ko darījāt': 'Izmaksa' });
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    const input = screen.getByLabelText(field, { exact: false });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent).toBe(
      message,
    );
    expect(await stored()).toEqual([]);
  });

  it('refuses a NUL in what was done, keeping what was typed', async () => {
    const user = open('liga', ['accountant']);
    await screen.findByRole('heading', { name: 'Ierakstīt netiešo darbu' });
    await fill(user, { Stundas: '2' });
    const what = screen.getByLabelText('Ko darījāt', { exact: false });
    await user.click(what);
    await user.paste('Izmaksa\u0000');
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    expect(await screen.findByText(/neredzamas vai bojātas rakstzīmes/)).toBeTruthy();
    expect((screen.getByLabelText('Stundas') as HTMLInputElement).value).toBe('2');
    expect(await stored()).toEqual([]);
  });

  it('lets the school coordinator record it for a colleague of the school, not for another school’s', async () => {
    const user = open('rita', ['school_coordinator']);
    const staff = await screen.findByLabelText('Darbinieks');
    // Herself first, then the school's staff by name (Juris works at another school).
    expect(
      within(staff)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Rita Kalna', 'Anna Bērziņa', 'Līga Ozola']);
    await user.selectOptions(staff, 'liga');
    await fill(user, { Mēnesis: '2020-11', Stundas: '3', 'Ko darījāt': 'Plānu kārtošana' });
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(async () => expect((await stored()).map((w) => [w.staffId, w.minutes])).toEqual([['liga', 180]]));
    // Listed with whose it is.
    expect(await screen.findByText('Līga Ozola', { selector: '.indirect-item__meta span' })).toBeTruthy();
  });
});
