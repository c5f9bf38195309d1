import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import type { User } from '../../domain';
import { AuthError, OfflineError } from '../../sync';
import { AccountActions } from './AccountActions';

const person: User = {
  id: 'user-1',
  username: 'anna.berzina',
  displayName: 'Anna Bērziņa',
  roles: ['teacher'],
  specialistRoles: [],
  subjects: [],
  schoolIds: ['school-1'],
  active: true,
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
};

function renderActions(user: User = person) {
  const onResetPassword = vi.fn(async (_password: string) => {});
  const onSetActive = vi.fn(async (_active: boolean) => {});
  renderWithI18n(<AccountActions user={user} onResetPassword={onResetPassword} onSetActive={onSetActive} />);
  return { onResetPassword, onSetActive, user: userEvent.setup() };
}

describe('AccountActions', () => {
  it('asks for a new password, checks its length, and keeps it when the network is gone', async () => {
    const { onResetPassword, user } = renderActions();
    await user.click(screen.getByRole('button', { name: 'Iestatīt jaunu paroli' }));
    const field = screen.getByLabelText('Jaunā parole');
    expect(document.activeElement).toBe(field);
    await user.type(field, 'short');
    await user.click(screen.getByRole('button', { name: 'Saglabāt paroli' }));
    expect(screen.getByText('Parolei jābūt vismaz 10 rakstzīmes garai.')).toBeTruthy();
    expect(onResetPassword).not.toHaveBeenCalled();

    onResetPassword.mockRejectedValueOnce(new OfflineError('offline'));
    await user.type(field, ' and now long enough');
    await user.click(screen.getByRole('button', { name: 'Saglabāt paroli' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Nav tīkla/);
    expect((screen.getByLabelText('Jaunā parole') as HTMLInputElement).value).toBe('short and now long enough');

    await user.click(screen.getByRole('button', { name: 'Saglabāt paroli' }));
    await waitFor(() => expect(screen.queryByLabelText('Jaunā parole')).toBeNull());
    expect(onResetPassword).toHaveBeenLastCalledWith('short and now long enough');
  });

  it('disables only after confirmation; Escape and Cancel change nothing', async () => {
    const { onSetActive, user } = renderActions();
    await user.click(screen.getByRole('button', { name: 'Atslēgt kontu' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('Atslēgt kontu „Anna Bērziņa”?');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Atslēgt kontu' }));

    await user.click(screen.getByRole('button', { name: 'Atslēgt kontu' }));
    await user.click(screen.getByRole('button', { name: 'Atcelt' }));
    expect(onSetActive).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Atslēgt kontu' }));
    const buttons = screen.getAllByRole('button', { name: 'Atslēgt kontu' });
    await user.click(buttons[buttons.length - 1]!);
    await waitFor(() => expect(onSetActive).toHaveBeenCalledWith(false));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('shows a refusal and stays open; a disabled account is offered to be enabled', async () => {
    const { onSetActive, user } = renderActions({ ...person, active: false });
    onSetActive.mockRejectedValueOnce(new AuthError('forbidden', 403));
    await user.click(screen.getByRole('button', { name: 'Ieslēgt kontu' }));
    const buttons = screen.getAllByRole('button', { name: 'Ieslēgt kontu' });
    await user.click(buttons[buttons.length - 1]!);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Jums nav tiesību to darīt/);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(onSetActive).toHaveBeenCalledWith(true);
  });
});
