import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { emptyLearnerForm, LearnerForm } from './LearnerForm';

describe('LearnerForm', () => {
  it('shows errors next to the fields in Latvian and keeps what was typed', async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithI18n(<LearnerForm initial={emptyLearnerForm} onSubmit={onSubmit} onCancel={() => {}} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Vārds'), 'Anna');
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));

    expect(onSubmit).not.toHaveBeenCalled();
    const lastName = screen.getByLabelText('Uzvārds');
    expect(lastName.getAttribute('aria-invalid')).toBe('true');
    const errorId = lastName.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe('Aizpildiet šo lauku.');
    expect(screen.getAllByText('Aizpildiet šo lauku.')).toHaveLength(2);
    expect((screen.getByLabelText('Vārds') as HTMLInputElement).value).toBe('Anna');
  });

  it('submits trimmed fields and leaves an empty birth date out', async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithI18n(<LearnerForm initial={emptyLearnerForm} onSubmit={onSubmit} onCancel={() => {}} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Vārds'), '  Jānis ');
    await user.type(screen.getByLabelText('Uzvārds'), 'Ozoliņš');
    await user.type(screen.getByLabelText(/Klase vai kurss/), '9.a');
    await user.selectOptions(screen.getByLabelText('Izglītības programma'), 'vocational');
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    // With what the form showed when it opened, so the page writes only what was changed.
    expect(onSubmit).toHaveBeenCalledWith(
      {
        firstName: 'Jānis',
        lastName: 'Ozoliņš',
        className: '9.a',
        programme: 'vocational',
        birthDate: undefined,
        livesInOtherMunicipality: undefined,
      },
      emptyLearnerForm,
    );
  });

  it.each([
    ['Citā pašvaldībā', true],
    ['Skolas pašvaldībā', false],
    ['Nav norādīta', undefined],
  ])('records a declared home "%s" as %s', async (choice, expected) => {
    const onSubmit = vi.fn(async (_fields: unknown) => {});
    const initial = {
      ...emptyLearnerForm,
      firstName: 'Anna',
      lastName: 'Kalna',
      className: '7.a',
      residence: 'school' as const,
    };
    renderWithI18n(<LearnerForm initial={initial} onSubmit={onSubmit} onCancel={() => {}} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText(/Deklarētā dzīvesvieta/), choice);
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ livesInOtherMunicipality: expected });
    expect(Object.keys(onSubmit.mock.calls[0]?.[0] as object)).toContain('livesInOtherMunicipality');
  });

  it('speaks Russian when asked, including the too-long message with its limit', async () => {
    renderWithI18n(
      <LearnerForm
        initial={{ ...emptyLearnerForm, firstName: 'x'.repeat(81) }}
        onSubmit={vi.fn()}
        onCancel={() => {}}
      />,
      'ru',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(screen.getByText('Не более 80 символов.')).toBeTruthy();
  });
});
