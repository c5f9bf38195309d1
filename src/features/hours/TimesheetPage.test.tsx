import { screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import type { Attendance, Consultation, User, UserRole } from '../../domain';
import { DatabaseProvider, type AtbalstsDatabase } from '../../db';
import { useSession, type DeviceAccount } from '../../sync';
import { useSelectedSchool } from '../schools';
import { TimesheetPage } from './TimesheetPage';

const AT = '2026-09-01T08:00:00.000Z';
const person = (id: string, displayName: string, roles: UserRole[]): User => ({
  id,
  username: id,
  displayName,
  roles,
  specialistRoles: [],
  subjects: ['maths'],
  schoolIds: ['s-a'],
  active: true,
  createdAt: AT,
  updatedAt: AT,
});
const learner = (id: string, firstName: string) => ({
  id,
  schoolId: 's-a',
  firstName,
  lastName: 'Kalna',
  className: '7.a',
  programme: 'general' as const,
  guardians: [],
  archived: false,
  createdAt: AT,
  updatedAt: AT,
});
let n = 0;
const session = (
  date: string,
  startTime: string,
  minutes: number,
  attendees: [string, Attendance][],
  more: Partial<Consultation> = {},
): Consultation => ({
  id: `c${++n}`,
  createdAt: AT,
  updatedAt: AT,
  schoolId: 's-a',
  staffId: 'ilze',
  staffRole: 'subject_teacher',
  subject: 'maths',
  planId: '',
  date,
  startTime,
  minutes,
  mode: 'in_person',
  attendees: attendees.map(([learnerId, attendance]) => ({ learnerId, attendance })),
  notes: '',
  ...more,
});

let db: AtbalstsDatabase;
beforeEach(async () => {
  db = await memoryDatabase(['learners', 'schools', 'municipalities', 'users', 'consultations', 'staffevents']);
  await db.municipalities.insert({ id: 'muni-1', name: 'Ezerkalnu novads', createdAt: AT, updatedAt: AT });
  await db.schools.insert({
    id: 's-a',
    name: 'Ezerkalnu vidusskola',
    kind: 'general',
    municipalityId: 'muni-1',
    stateFounded: false,
    createdAt: AT,
    updatedAt: AT,
  });
  // Anna, Baiba and Cita (who has since left) are on this device; l-x of the group is someone the reader may not see.
  await db.learners.bulkInsert([
    learner('l-a', 'Anna'),
    learner('l-b', 'Baiba'),
    { ...learner('l-c', 'Cita'), archived: true },
  ]);
  await db.users.bulkInsert([
    person('ilze', 'Ilze Kalniņa', ['teacher']),
    person('juris', 'Juris Bērziņš', ['director']),
    person('peteris', 'Pēteris Ozols', ['teacher']),
  ]);
  await db.consultations.bulkInsert([
    session('2026-11-24', '09:30', 40, [['l-a', 'attended']]),
    // A group: counted once, 45 minutes, with the two who came.
    session('2026-11-24', '12:00', 45, [
      ['l-a', 'attended'],
      ['l-b', 'absent_unexcused'],
      ['l-x', 'attended'],
    ]),
    session('2026-11-25', '10:00', 60, [
      ['l-b', 'attended'],
      ['l-c', 'attended'],
    ]),
    session('2026-11-26', '10:00', 40, [['l-b', 'cancelled']]), // not paid
    session('2026-11-27', '10:00', 40, [['l-a', 'absent_excused']]), // not paid
    session('2026-12-01', '10:00', 40, [['l-a', 'attended']]), // next month
    session('2026-11-25', '11:00', 30, [['l-a', 'attended']], { staffId: 'peteris' }), // someone else
  ]);
});
afterEach(async () => {
  useSession.setState({ status: 'locked' });
  await db.close();
});

function open(asUser: string, roles: UserRole[], path: string) {
  const account = { userId: asUser, username: asUser, displayName: asUser, roles };
  useSession.setState({ status: 'unlocked', account: account as DeviceAccount, db, signedInOnline: true });
  // After the session: signing in restores the person's own last chosen school.
  useSelectedSchool.setState({ schoolId: 's-a' });
  renderWithI18n(
    <DatabaseProvider database={db}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/hours/:staffId/:month" element={<TimesheetPage />} />
        </Routes>
      </MemoryRouter>
    </DatabaseProvider>,
  );
}

describe('a staff member’s monthly timesheet', () => {
  it('gives the director a teacher’s held sessions of the month, by day, with the total', async () => {
    open('juris', ['director'], '/hours/ilze/2026-11');
    const table = await screen.findByRole('table', { name: 'Ilze Kalniņa: 2026. gada novembris' });
    // The names arrive just after the sessions.
    await within(table).findByText('Kalna Anna, vēl 1 izglītojamais');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'DatumsKonsultācijaMinūtes',
      '24.11.2026.09:30MatemātikaKalna Anna40 min',
      '24.11.2026.12:00MatemātikaKalna Anna, vēl 1 izglītojamais45 min',
      '24.11.2026. kopā (2 konsultācijas)85 min',
      '25.11.2026.10:00MatemātikaKalna Baiba, Kalna Cita60 min',
      // 40 + 45 + 60 = 145 minutes = 2,42 h = 2 h 25 min; learners Anna, l-x, Baiba and Cita.
      'Kopā: 3 konsultācijas, 4 izglītojamie145 min2,42\u00a0h2 st. 25 min',
    ]);
    expect(screen.getByText('Ilze Kalniņa')).toBeTruthy();
  });

  it('gives a teacher her own', async () => {
    open('ilze', ['teacher'], '/hours/ilze/2026-12');
    expect(await screen.findByText('Kopā: 1 konsultācija, 1 izglītojamais')).toBeTruthy();
  });

  it('does not give a teacher a colleague’s', async () => {
    open('peteris', ['teacher'], '/hours/ilze/2026-11');
    expect(
      await screen.findByText(
        'Cita darbinieka darba laika uzskaiti redz direktors un koordinatori; savējo — katrs pats.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('gives the month’s indirect work under the sessions, with its total', async () => {
    const work = (id: string, more: object) => ({
      id,
      createdAt: AT,
      updatedAt: AT,
      kind: 'indirect' as const,
      municipalityId: 'muni-1',
      schoolId: 's-a',
      staffId: 'ilze',
      month: '2026-11',
      minutes: 600,
      what: 'Kompensāciju aprēķins',
      ...more,
    });
    await db.staffevents.bulkInsert([
      work('w1', {}),
      work('w2', { minutes: 90, what: 'Izmaksu saraksti' }),
      work('w3', { month: '2026-12' }), // another month
      work('w4', { staffId: 'peteris' }), // someone else
      work('w5', { schoolId: 's-b' }), // another school
    ]);
    open('ilze', ['teacher'], '/hours/ilze/2026-11');
    const table = await screen.findByRole('table', { name: 'Netiešais darbs: 2026. gada novembris' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    // 600 + 90 = 690 minutes = 11,50 h = 11 h 30 min.
    expect(rows).toEqual([
      'Ko darījaMinūtes',
      'Kompensāciju aprēķins600 min',
      'Izmaksu saraksti90 min',
      'Netiešais darbs kopā690 min11,50 h11 st. 30 min',
    ]);
    expect(screen.getByRole('link', { name: 'Ierakstīt netiešo darbu' }).getAttribute('href')).toBe('/hours/indirect');
  });

  it('says when no indirect work is recorded', async () => {
    open('ilze', ['teacher'], '/hours/ilze/2026-11');
    expect(await screen.findByText('Šajā mēnesī netiešais darbs nav ierakstīts.')).toBeTruthy();
  });

  it('says so when the month in the address is not one', async () => {
    open('ilze', ['teacher'], '/hours/ilze/2026-13');
    expect(await screen.findByText('Mēnesis nav norādīts pareizi.')).toBeTruthy();
  });
});
