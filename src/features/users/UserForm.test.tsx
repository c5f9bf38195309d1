import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { userRoles, type User } from '../../domain';
import { AuthError, OfflineError } from '../../sync';
import { UserForm, type UserFormProps } from './UserForm';

const schools = [
  { id: 'school-1', name: 'Ezerkalnu vidusskola' },
  { id: 'school-2', name: 'Ezerkalnu tehnikums' },
];
const municipalities = [{ id: 'muni-1', name: 'Ezerkalnu novads' }];
const teacher: User = {
  id: 'user-1',
  username: 'anna.berzina',
  displayName: 'Anna Bērziņa',
  roles: ['teacher'],
  specialistRoles: [],
  subjects: ['maths'],
  schoolIds: ['school-1'],
  active: true,
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
};

function renderForm(props: Partial<UserFormProps> = {}, language?: 'lv' | 'en' | 'ru') {
  const onCreate = vi.fn(async () => {});
  const onUpdate = vi.fn(async () => {});
  renderWithI18n(
    <UserForm
      user={null}
      grantableRoles={userRoles}
      schools={schools}
      municipalities={municipalities}
      onCreate={onCreate}
      onUpdate={onUpdate}
      onCancel={() => {}}
      {...props}
    />,
    language,
  );
  return { onCreate, onUpdate, user: userEvent.setup() };
}

/** The text of the message tied to a control through aria-describedby. */
const describedText = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' | ');

async function fillNewTeacher(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Lietotājvārds'), ' Janis.Ozols ');
  await user.type(screen.getByLabelText('Vārds un uzvārds'), 'Jānis Ozols');
  await user.type(screen.getByLabelText('Sākotnējā parole'), 'a good long password');
  await user.click(screen.getByLabelText('Pedagogs'));
  await user.click(screen.getByLabelText('Ezerkalnu vidusskola'));
}

describe('UserForm for a new user', () => {
  it('shows each problem next to its field and sends nothing', async () => {
    const { onCreate, user } = renderForm();
    await user.type(screen.getByLabelText('Lietotājvārds'), 'Anna Bērziņa');
    await user.type(screen.getByLabelText('Sākotnējā parole'), 'short');
    await user.click(screen.getByLabelText('Pedagogs'));
    await user.click(screen.getByRole('button', { name: 'Izveidot' }));

    expect(onCreate).not.toHaveBeenCalled();
    const username = screen.getByLabelText('Lietotājvārds');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(username)).toContain('No 2 līdz 60 rakstzīmēm: mazie latīņu burti, cipari un . _ -');
    expect(describedText(screen.getByLabelText('Vārds un uzvārds'))).toBe('Aizpildiet šo lauku.');
    expect(describedText(screen.getByLabelText('Sākotnējā parole'))).toContain(
      'Parolei jābūt vismaz 10 rakstzīmes garai.',
    );
    expect(describedText(screen.getByRole('group', { name: 'Skolas' }))).toBe('Izvēlieties vismaz vienu skolu.');
    expect((username as HTMLInputElement).value).toBe('Anna Bērziņa');
  });

  it('asks for a role, and for the municipality of a municipal coordinator', async () => {
    const { onCreate, user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Izveidot' }));
    expect(describedText(screen.getByRole('group', { name: 'Lomas' }))).toBe('Izvēlieties vismaz vienu lomu.');

    await user.click(screen.getByLabelText('Pašvaldības koordinators'));
    await user.click(screen.getByRole('button', { name: 'Izveidot' }));
    expect(describedText(screen.getByLabelText('Pašvaldība'))).toBe(
      'Pašvaldības koordinatoram izvēlieties pašvaldību.',
    );
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('offers only the roles the manager may grant, named in words', () => {
    renderForm({ grantableRoles: ['teacher', 'psychologist', 'school_coordinator'] });
    const roles = within(screen.getByRole('group', { name: 'Lomas' })).getAllByRole('checkbox');
    expect(roles.map((r) => r.closest('label')?.textContent)).toEqual(['Pedagogs', 'Psihologs', 'Skolas koordinators']);
    expect(screen.queryByLabelText('Administrators')).toBeNull();
  });

  it('sends the request the server validates: trimmed, lower-case username', async () => {
    const { onCreate, user } = renderForm();
    await fillNewTeacher(user);
    await user.click(screen.getByRole('button', { name: 'Izveidot' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    expect(onCreate).toHaveBeenCalledWith({
      username: 'janis.ozols',
      displayName: 'Jānis Ozols',
      password: 'a good long password',
      roles: ['teacher'],
      specialistRoles: [],
      subjects: [],
      schoolIds: ['school-1'],
    });
  });

  it('says there is no network and keeps everything typed', async () => {
    const { onCreate, user } = renderForm();
    onCreate.mockRejectedValueOnce(new OfflineError('offline'));
    await fillNewTeacher(user);
    await user.click(screen.getByRole('button', { name: 'Izveidot' }));

    expect(await screen.findByText(/^Nav tīkla vai serveris nav sasniedzams/)).toBeTruthy();
    expect((screen.getByLabelText('Lietotājvārds') as HTMLInputElement).value).toBe(' Janis.Ozols ');
    expect((screen.getByLabelText('Vārds un uzvārds') as HTMLInputElement).value).toBe('Jānis Ozols');
    expect((screen.getByLabelText('Sākotnējā parole') as HTMLInputElement).value).toBe('a good long password');
    expect((screen.getByLabelText('Pedagogs') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Ezerkalnu vidusskola') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('button', { name: 'Izveidot' }) as HTMLButtonElement).disabled).toBe(false);

    // Once the network is back the same values go through.
    await user.click(screen.getByRole('button', { name: 'Izveidot' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(2));
  });

  it('shows a taken username at the field and in the form', async () => {
    const { onCreate, user } = renderForm();
    onCreate.mockRejectedValueOnce(new AuthError('username_taken', 409));
    await fillNewTeacher(user);
    await user.click(screen.getByRole('button', { name: 'Izveidot' }));
    await waitFor(() =>
      expect(describedText(screen.getByLabelText('Lietotājvārds'))).toContain(
        'Šis lietotājvārds jau ir aizņemts. Izvēlieties citu.',
      ),
    );
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'Šis lietotājvārds jau ir aizņemts. Izvēlieties citu.',
    );
  });

  it('shows a password the server finds too easy to guess at the password field, and keeps it for fixing', async () => {
    const { onCreate, user } = renderForm();
    onCreate.mockRejectedValueOnce(new AuthError('password_guessable', 400));
    await fillNewTeacher(user);
    await user.click(screen.getByRole('button', { name: 'Izveidot' }));
    await waitFor(() =>
      expect(describedText(screen.getByLabelText('Sākotnējā parole'))).toContain('Šo paroli ir viegli uzminēt'),
    );
    expect((screen.getByLabelText('Sākotnējā parole') as HTMLInputElement).value).toBe('a good long password');
  });

  it.each([
    [
      new AuthError('forbidden', 403),
      'У вас нет на это прав: этот пользователь или выбранные роли и школы не в вашем ведении.',
    ],
    [new AuthError('token_expired', 401), 'Сеанс завершён. Войдите снова и повторите.'],
    [new AuthError('internal', 500), 'Сервер не отвечает. Повторите попытку.'],
    [new Error('boom'), 'Сервер не отвечает. Повторите попытку.'],
  ])('puts a server refusal (%s) in plain Russian when asked', async (error, message) => {
    const { onCreate, user } = renderForm({}, 'ru');
    onCreate.mockRejectedValueOnce(error);
    await user.type(screen.getByLabelText('Имя пользователя'), 'janis');
    await user.type(screen.getByLabelText('Имя и фамилия'), 'Jānis');
    await user.type(screen.getByLabelText('Начальный пароль'), 'a good long password');
    await user.click(screen.getByLabelText('Педагог'));
    await user.click(screen.getByLabelText('Ezerkalnu vidusskola'));
    await user.click(screen.getByRole('button', { name: 'Создать' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });
});

describe('UserForm for an existing user', () => {
  it('sends only what changed and never the username or a password', async () => {
    const { onUpdate, user } = renderForm({ user: teacher });
    expect((screen.getByLabelText('Lietotājvārds') as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByLabelText('Sākotnējā parole')).toBeNull();
    await user.click(screen.getByLabelText('Plāna sagatavotājs'));
    await user.click(screen.getByLabelText('Ezerkalnu tehnikums'));
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(() => expect(onUpdate).toHaveBeenCalledTimes(1));
    expect(onUpdate).toHaveBeenCalledWith({
      roles: ['teacher', 'plan_preparer'],
      schoolIds: ['school-1', 'school-2'],
    });
  });

  it('sends nothing to change when nothing changed', async () => {
    const { onUpdate, user } = renderForm({ user: teacher });
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(() => expect(onUpdate).toHaveBeenCalledWith(null));
  });

  it('keeps a school this device does not know, and lets it be removed', async () => {
    const { onUpdate, user } = renderForm({ user: { ...teacher, schoolIds: ['school-1', 'school-far'] } });
    await user.click(screen.getByLabelText('Nav šajā ierīcē (school-far)'));
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(() => expect(onUpdate).toHaveBeenCalledWith({ schoolIds: ['school-1'] }));
  });

  it('only shows a person the manager may not change', () => {
    renderForm({ user: teacher, readOnly: true });
    // Disabled through their fieldset: not focusable, not editable, and announced as unavailable.
    expect(screen.getByLabelText('Vārds un uzvārds').matches(':disabled')).toBe(true);
    expect(screen.getByLabelText('Pedagogs').matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Saglabāt' })).toBeNull();
  });
});
