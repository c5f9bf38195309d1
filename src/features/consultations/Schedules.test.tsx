import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { dueSessions, scheduleSchema, type Consultation, type Learner, type Schedule, type User } from '../../domain';
import {
  addSchedule,
  DatabaseProvider,
  useConsultationsOfStaff,
  useSchedulesOfStaff,
  type AtbalstsDatabase,
  type NewSchedule,
} from '../../db';
import { DueSessions } from './DueSessions';
import { ScheduleForm } from './ScheduleForm';
import { ScheduleList } from './ScheduleList';

const AT = '2026-09-01T08:00:00.000Z';
// 2026-11-24 is a Tuesday.
const TODAY = '2026-11-24';
const learner = (id: string, firstName: string): Learner => ({
  id,
  schoolId: 's1',
  firstName,
  lastName: 'Kalna',
  className: '7.a',
  programme: 'general',
  guardians: [],
  archived: false,
  createdAt: AT,
  updatedAt: AT,
});
const anna = learner('l1', 'Anna');
const juris = learner('l2', 'Juris');
const learners = new Map([anna, juris].map((l) => [l.id, l]));
const me: User = {
  id: 'teacher-1',
  username: 'ilze',
  displayName: 'Ilze',
  roles: ['teacher'],
  specialistRoles: [],
  subjects: ['maths'],
  schoolIds: ['s1'],
  active: true,
  createdAt: AT,
  updatedAt: AT,
};
const weekly: NewSchedule = {
  schoolId: 's1',
  staffId: 'teacher-1',
  staffRole: 'subject_teacher',
  subject: 'maths',
  planId: '',
  learnerIds: ['l1', 'l2'],
  weekday: 2,
  startTime: '14:00',
  minutes: 40,
  mode: 'in_person',
  startsOn: '2026-11-15',
  active: true,
};

let db: AtbalstsDatabase;
beforeEach(async () => {
  db = await memoryDatabase(['schedules', 'consultations']);
});
afterEach(async () => {
  await db.close();
});

const schedules = async () => (await db.schedules.find().exec()).map((d) => d.toMutableJSON() as Schedule);
const consultations = async () => (await db.consultations.find().exec()).map((d) => d.toMutableJSON() as Consultation);

/** The today screen's wiring: my schedules and my log, live, through the same hooks and rule. */
function DueToday() {
  const { data: mine } = useSchedulesOfStaff('teacher-1');
  const { data: log } = useConsultationsOfStaff('teacher-1', '2026-11-10', TODAY);
  const { due, overdue } = dueSessions(mine, log, TODAY);
  return <DueSessions due={due} overdue={overdue} learners={learners} plans={[]} />;
}

describe('due and overdue sessions', () => {
  it('lists today’s session and last week’s overdue one, and logs each with one tap', async () => {
    const { id } = await addSchedule(db, weekly);
    renderWithI18n(
      <DatabaseProvider database={db}>
        <DueToday />
      </DatabaseProvider>,
    );
    const user = userEvent.setup();
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [today, overdue] = items as [HTMLElement, HTMLElement];
    expect(today.textContent).toContain('Šodien');
    expect(today.textContent).toContain('14:00');
    expect(today.textContent).toContain('Matemātika');
    expect(today.textContent).toContain('Anna Kalna, Juris Kalna');
    expect(within(overdue).getByText(/^Nokavēta kopš /).textContent).toMatch(/17/);

    await user.click(within(today).getByRole('button', { name: 'Notika' }));
    await waitFor(async () => expect(await consultations()).toHaveLength(1));
    expect((await consultations())[0]).toMatchObject({
      scheduleId: id,
      date: TODAY,
      startTime: '14:00',
      minutes: 40,
      subject: 'maths',
      attendees: [
        { learnerId: 'l1', attendance: 'attended' },
        { learnerId: 'l2', attendance: 'attended' },
      ],
    });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Atcelta' }));
    await waitFor(async () => expect(await consultations()).toHaveLength(2));
    expect((await consultations()).find((c) => c.date === '2026-11-17')?.attendees.map((a) => a.attendance)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    await screen.findByText('Pēc jūsu grafikiem šodien nekas nav paredzēts, un nekas nav nokavēts.');
  });

  it('marks a holiday as no session: gone from the list, and no consultation logged', async () => {
    const { id } = await addSchedule(db, weekly);
    renderWithI18n(
      <DatabaseProvider database={db}>
        <DueToday />
      </DatabaseProvider>,
    );
    const user = userEvent.setup();
    const [, overdue] = (await screen.findAllByRole('listitem')) as [HTMLElement, HTMLElement];
    await user.click(within(overdue).getByRole('button', { name: 'Nenotiek (brīvdiena)' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect((await schedules()).find((s) => s.id === id)?.skippedDates).toEqual(['2026-11-17']);
    expect(await consultations()).toEqual([]);
  });

  it('logs who did not come, keeping the choice when going back first', async () => {
    await addSchedule(db, { ...weekly, startsOn: TODAY });
    renderWithI18n(
      <DatabaseProvider database={db}>
        <DueToday />
      </DatabaseProvider>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Cits apmeklējums…' }));
    await user.selectOptions(screen.getByLabelText('Apmeklējums: Juris Kalna'), 'absent_unexcused');
    await user.click(screen.getByRole('button', { name: 'Atpakaļ' }));
    await user.click(screen.getByRole('button', { name: 'Cits apmeklējums…' }));
    expect((screen.getByLabelText('Apmeklējums: Juris Kalna') as HTMLSelectElement).value).toBe('absent_unexcused');
    await user.click(screen.getByRole('button', { name: 'Saglabāt apmeklējumu' }));
    await waitFor(async () => expect(await consultations()).toHaveLength(1));
    expect((await consultations())[0]?.attendees).toEqual([
      { learnerId: 'l1', attendance: 'attended' },
      { learnerId: 'l2', attendance: 'absent_unexcused' },
    ]);
  });
});

describe('a new weekly schedule', () => {
  function renderForm() {
    renderWithI18n(
      <DatabaseProvider database={db}>
        <ScheduleForm me={me} schoolId="s1" today={TODAY} mine={[anna]} everyone={[anna, juris]} plans={[]} />
      </DatabaseProvider>,
    );
    return userEvent.setup();
  }

  it('says next to each field what is missing, keeps what was typed, and saves nothing', async () => {
    const user = renderForm();
    await user.clear(screen.getByLabelText('Ilgums, min'));
    await user.type(screen.getByLabelText('Ilgums, min'), '0');
    await user.type(screen.getByLabelText(/^Līdz/), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Saglabāt grafiku' }));

    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual([
      'Izvēlieties vismaz vienu izglītojamo.',
      'Ievadiet sākuma laiku, piemēram, 14:00.',
      'Ievadiet ilgumu minūtēs (1–600).',
      'Beigu datums nevar būt pirms sākuma datuma.',
    ]);
    const time = screen.getByLabelText('Sākums');
    expect(time.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(time.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Ievadiet sākuma laiku, piemēram, 14:00.',
    );
    expect((screen.getByLabelText('Ilgums, min') as HTMLInputElement).value).toBe('0');
    expect((screen.getByLabelText(/^Līdz/) as HTMLInputElement).value).toBe('2026-11-01');
    expect(await schedules()).toHaveLength(0);
  });

  it('a save the schema refuses shows the schema’s own message under its field and keeps what was typed', async () => {
    // The schema's real refusal of a schedule naming one learner twice, as the database would throw it.
    const refused = scheduleSchema.safeParse({
      id: 'x1',
      createdAt: '2026-11-24T08:00:00.000Z',
      updatedAt: '2026-11-24T08:00:00.000Z',
      schoolId: 's1',
      staffId: 'teacher-1',
      staffRole: 'subject_teacher',
      learnerIds: ['l1', 'l1'],
      weekday: 2,
      startTime: '14:00',
      minutes: 40,
      mode: 'in_person',
      startsOn: TODAY,
      active: true,
    });
    expect(refused.success).toBe(false);
    vi.spyOn(db.schedules, 'insert').mockRejectedValueOnce(refused.error);
    const user = renderForm();
    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.type(screen.getByLabelText('Sākums'), '14:00');
    await user.click(screen.getByRole('button', { name: 'Saglabāt grafiku' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Katru izglītojamo grafikā var iekļaut tikai vienreiz.',
    );
    expect((screen.getByLabelText('Sākums') as HTMLInputElement).value).toBe('14:00');
    expect(await schedules()).toHaveLength(0);
  });

  it('a save that fails for another reason says so under the form and keeps what was typed', async () => {
    vi.spyOn(db.schedules, 'insert').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const user = renderForm();
    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.type(screen.getByLabelText('Sākums'), '14:00');
    await user.click(screen.getByRole('button', { name: 'Saglabāt grafiku' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Grafiku neizdevās saglabāt. Mēģiniet vēlreiz.');
    expect((screen.getByRole('checkbox', { name: /Anna Kalna/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Sākums') as HTMLInputElement).value).toBe('14:00');
    await user.click(screen.getByRole('button', { name: 'Saglabāt grafiku' }));
    await waitFor(async () => expect(await schedules()).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a length over the schema’s 600 minutes under the field, naming the range', async () => {
    const user = renderForm();
    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.type(screen.getByLabelText('Sākums'), '14:00');
    await user.clear(screen.getByLabelText('Ilgums, min'));
    await user.type(screen.getByLabelText('Ilgums, min'), '601');
    await user.click(screen.getByRole('button', { name: 'Saglabāt grafiku' }));
    const minutes = screen.getByLabelText('Ilgums, min');
    expect(document.getElementById(minutes.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Ievadiet ilgumu minūtēs (1–600).',
    );
    expect(await schedules()).toHaveLength(0);
  });

  it('saves maths every Tuesday at 14:00 for a learner of mine and one found by search', async () => {
    const user = renderForm();
    // Today's weekday and the person's subject are already chosen.
    expect((screen.getByLabelText('Nedēļas diena') as HTMLSelectElement).value).toBe('2');
    expect((screen.getByLabelText('Mācību priekšmets') as HTMLSelectElement).value).toBe('maths');
    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.type(screen.getByLabelText('Meklēt citu izglītojamo'), 'jur');
    await user.click(screen.getByRole('button', { name: /Juris Kalna/ }));
    await user.type(screen.getByLabelText('Sākums'), '14:00');
    await user.click(screen.getByRole('button', { name: 'Saglabāt grafiku' }));
    await waitFor(async () => expect(await schedules()).toHaveLength(1));
    expect((await schedules())[0]).toMatchObject({
      schoolId: 's1',
      staffId: 'teacher-1',
      staffRole: 'subject_teacher',
      subject: 'maths',
      learnerIds: ['l1', 'l2'],
      weekday: 2,
      startTime: '14:00',
      minutes: 40,
      mode: 'in_person',
      startsOn: TODAY,
      active: true,
    });
    expect((await schedules())[0]?.endsOn).toBeUndefined();
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });
});

describe('my weekly schedules', () => {
  it('stops a schedule only after a second tap, and shows it as stopped', async () => {
    const schedule = await addSchedule(db, weekly);
    const { rerender } = renderWithI18n(
      <DatabaseProvider database={db}>
        <ScheduleList schedules={[schedule]} learners={learners} today={TODAY} />
      </DatabaseProvider>,
    );
    const user = userEvent.setup();
    expect(screen.getByRole('heading', { name: 'Katru otrdienu 14:00 · Matemātika' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Apturēt' }));
    await user.click(screen.getByRole('button', { name: 'Atpakaļ' }));
    expect((await schedules())[0]?.active).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Apturēt' }));
    await user.click(screen.getByRole('button', { name: 'Jā, apturēt' }));
    await waitFor(async () => expect((await schedules())[0]).toMatchObject({ active: false, endsOn: '2026-11-23' }));

    rerender(
      <DatabaseProvider database={db}>
        <ScheduleList schedules={await schedules()} learners={learners} today={TODAY} />
      </DatabaseProvider>,
    );
    expect(screen.getByText('Apturēts')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Apturēt' })).toBeNull();
  });
});
