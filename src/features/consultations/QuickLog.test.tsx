import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { consultationSchema, type Consultation, type Learner, type SupportPlan, type User } from '../../domain';
import { DatabaseProvider, type AtbalstsDatabase } from '../../db';
import { QuickLog } from './QuickLog';

const AT = '2026-09-01T08:00:00.000Z';
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
const plan: SupportPlan = {
  id: 'p1',
  createdAt: AT,
  updatedAt: AT,
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['teacher-1'],
  status: 'in_progress',
  risks: [{ id: 'r1', code: 'learning.low_achievement', note: '' }],
  measures: [
    {
      id: 'm1',
      kind: 'subject_consultation',
      subject: 'maths',
      plannedSessions: 8,
      riskIds: ['r1'],
      justification: 'x',
    },
  ],
  history: [],
};

let db: AtbalstsDatabase;
beforeEach(async () => {
  db = await memoryDatabase(['consultations']);
});
afterEach(async () => {
  await db.close();
});

/** A remote consultation that names no channel: what the schema refuses, to make its refusal in a test real. */
const remoteWithoutChannel = {
  id: 'c1',
  createdAt: AT,
  updatedAt: AT,
  schoolId: 's1',
  staffId: me.id,
  staffRole: 'subject_teacher',
  subject: 'maths',
  planId: '',
  date: '2026-11-25',
  startTime: '',
  minutes: 40,
  mode: 'remote',
  attendees: [{ learnerId: 'l1', attendance: 'attended' }],
  notes: '',
};

function renderLog(who: User = me) {
  renderWithI18n(
    <DatabaseProvider database={db}>
      <QuickLog me={who} schoolId="s1" today="2026-11-25" mine={[anna]} everyone={[anna, juris]} plans={[plan]} />
    </DatabaseProvider>,
  );
  return userEvent.setup();
}
const stored = async () => (await db.consultations.find().exec()).map((d) => d.toMutableJSON() as Consultation);

describe('QuickLog', () => {
  it('logs today’s 40-minute in-person maths session for one learner with two taps, tied to the plan', async () => {
    const user = renderLog();
    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    await waitFor(async () => expect(await stored()).toHaveLength(1));
    expect((await stored())[0]).toMatchObject({
      staffId: 'teacher-1',
      staffRole: 'subject_teacher',
      subject: 'maths',
      date: '2026-11-25',
      minutes: 40,
      mode: 'in_person',
      planId: 'p1',
      measureId: 'm1',
      attendees: [{ learnerId: 'l1', attendance: 'attended' }],
    });
  });

  it('gives a director who teaches no subject no default subject: he chooses one (issue 13.7)', async () => {
    const user = renderLog({ ...me, id: 'director-1', roles: ['director'], subjects: [] });
    expect(screen.getByText(/Citi dati/).textContent).toBe(
      'Citi dati: priekšmets nav izvēlēts · Šodien · 40 min · Klātienē',
    );
    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    expect(screen.getByRole('alert').textContent).toBe('Izvēlieties mācību priekšmetu („Citi dati”).');
    expect(await stored()).toHaveLength(0);
    await user.selectOptions(screen.getByLabelText('Mācību priekšmets'), 'maths');
    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    await waitFor(async () => expect(await stored()).toHaveLength(1));
    expect((await stored())[0]).toMatchObject({ staffId: 'director-1', subject: 'maths' });
  });

  it('logs a group with a learner found by search, linked to no single plan', async () => {
    const user = renderLog();
    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.type(screen.getByLabelText('Meklēt citu izglītojamo'), 'jur');
    await user.click(screen.getByRole('button', { name: /Juris Kalna/ }));
    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    await waitFor(async () => expect(await stored()).toHaveLength(1));
    const [group] = await stored();
    expect(group?.planId).toBe('');
    expect(group?.attendees.map((a) => a.learnerId)).toEqual(['l1', 'l2']);
  });

  it('says what is missing and writes nothing: no learner, or a remote session without its channel', async () => {
    const user = renderLog();
    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    expect(screen.getByRole('alert').textContent).toBe('Izvēlieties vismaz vienu izglītojamo.');

    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.click(screen.getByText(/Citi dati/));
    await user.selectOptions(screen.getByLabelText('Veids'), 'remote');
    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    expect(screen.getByRole('alert').textContent).toBe('Izvēlieties kanālu attālinātai konsultācijai.');
    expect(await stored()).toHaveLength(0);

    await user.selectOptions(screen.getByLabelText('Kanāls'), 'zoom');
    await user.clear(screen.getByLabelText('Ilgums, min'));
    await user.type(screen.getByLabelText('Ilgums, min'), '60');
    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    await waitFor(async () => expect(await stored()).toHaveLength(1));
    expect((await stored())[0]).toMatchObject({ mode: 'remote', channel: 'zoom', minutes: 60 });
  });

  it('refuses a length over the schema’s 600 minutes next to the field, and opens the details', async () => {
    const user = renderLog();
    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.click(screen.getByText(/Citi dati/));
    await user.clear(screen.getByLabelText('Ilgums, min'));
    await user.type(screen.getByLabelText('Ilgums, min'), '601');
    (screen.getByText(/Citi dati/).closest('details') as HTMLDetailsElement).open = false;
    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    const minutes = screen.getByLabelText('Ilgums, min');
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(minutes.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Ievadiet ilgumu minūtēs (1–600).',
    );
    expect((screen.getByText(/Citi dati/).closest('details') as HTMLDetailsElement).open).toBe(true);
    expect((minutes as HTMLInputElement).value).toBe('601');
    expect(await stored()).toHaveLength(0);
  });

  it('a failed save says so and keeps everything typed, so pressing again saves it', async () => {
    const insert = vi.spyOn(db.consultations, 'insert').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const user = renderLog();
    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.click(screen.getByText(/Citi dati/));
    await user.clear(screen.getByLabelText('Ilgums, min'));
    await user.type(screen.getByLabelText('Ilgums, min'), '55');
    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Konsultāciju neizdevās saglabāt. Ievadītais nav zudis — mēģiniet vēlreiz.',
    );
    expect((screen.getByRole('checkbox', { name: /Anna Kalna/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Ilgums, min') as HTMLInputElement).value).toBe('55');
    expect(await stored()).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    await waitFor(async () => expect(await stored()).toHaveLength(1));
    expect((await stored())[0]).toMatchObject({
      minutes: 55,
      attendees: [{ learnerId: 'l1', attendance: 'attended' }],
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(insert).toHaveBeenCalledTimes(2);
  });

  it('a save the schema refuses shows the schema’s own message, in the person’s language', async () => {
    // The schema's real refusal of a remote session without its channel, as the database would throw it.
    const refused = consultationSchema.safeParse(remoteWithoutChannel);
    expect(refused.success).toBe(false);
    vi.spyOn(db.consultations, 'insert').mockRejectedValueOnce(refused.error);
    const user = renderLog();
    await user.click(screen.getByRole('checkbox', { name: /Anna Kalna/ }));
    await user.click(screen.getByRole('button', { name: 'Reģistrēt konsultāciju' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Izvēlieties kanālu attālinātai konsultācijai.');
    expect((screen.getByRole('checkbox', { name: /Anna Kalna/ }) as HTMLInputElement).checked).toBe(true);
  });
});
