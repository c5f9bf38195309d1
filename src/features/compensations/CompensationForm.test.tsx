import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import type { Compensation, Learner } from '../../domain';
import { CompensationForm } from './CompensationForm';

const AT = '2026-11-01T08:00:00.000Z';
const learner: Learner = {
  id: 'l1',
  schoolId: 's1',
  firstName: 'Anna',
  lastName: 'Kalna',
  className: '7.a',
  programme: 'general',
  guardians: [],
  archived: false,
  createdAt: AT,
  updatedAt: AT,
};
const meals50: Compensation = {
  id: 'c1',
  createdAt: AT,
  updatedAt: AT,
  schoolId: 's1',
  learnerId: 'l1',
  planId: '',
  category: 'meals',
  month: '2026-11',
  amountCents: 5000,
  status: 'approved',
  note: '',
};

function renderForm(recorded: Compensation[] = [meals50], onSave = vi.fn(async () => {})) {
  renderWithI18n(<CompensationForm learner={learner} recorded={recorded} defaultMonth="2026-11" onSave={onSave} />);
  return { onSave, user: userEvent.setup() };
}

describe('CompensationForm', () => {
  it('refuses meals over 70 € in a month, saying what is recorded and what is left, and keeps the amount', async () => {
    const { onSave, user } = renderForm();
    await user.selectOptions(screen.getByLabelText('Veids'), 'meals');
    await user.type(screen.getByLabelText('Summa, €'), '25');
    await user.click(screen.getByRole('button', { name: 'Pievienot kompensāciju' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Pārsniedz ierobežojumu 70,00\s€ mēnesī: šim mēnesim jau reģistrēti 50,00\s€, atlikums 20,00\s€\.$/,
    );
    expect((screen.getByLabelText('Summa, €') as HTMLInputElement).value).toBe('25');

    await user.clear(screen.getByLabelText('Summa, €'));
    await user.type(screen.getByLabelText('Summa, €'), '20');
    await user.click(screen.getByRole('button', { name: 'Pievienot kompensāciju' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ category: 'meals', month: '2026-11', amountCents: 2000, note: '' }),
    );
  });

  it('refuses learning materials for a learner of general education', async () => {
    const { onSave, user } = renderForm([]);
    await user.selectOptions(screen.getByLabelText('Veids'), 'learning_materials');
    await user.type(screen.getByLabelText('Summa, €'), '15');
    await user.click(screen.getByRole('button', { name: 'Pievienot kompensāciju' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      'Šo kompensāciju var saņemt tikai profesionālās izglītības audzēkņi.',
    );
  });

  it('asks for an amount', async () => {
    const { onSave, user } = renderForm([]);
    await user.click(screen.getByRole('button', { name: 'Pievienot kompensāciju' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Ievadiet summu eiro, piemēram, 45,50.');
  });

  it('a failed save says so under the form and keeps what was typed; the next save empties the amount and note', async () => {
    const onSave = vi.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('QuotaExceededError'));
    onSave.mockResolvedValue(undefined);
    const { user } = renderForm([], onSave);
    await user.type(screen.getByLabelText('Summa, €'), '12,50');
    await user.type(screen.getByLabelText(/Piezīme/), 'Septembris');
    await user.click(screen.getByRole('button', { name: 'Pievienot kompensāciju' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Kompensāciju neizdevās saglabāt. Ievadītais nav zudis — mēģiniet vēlreiz.',
    );
    expect((screen.getByLabelText('Summa, €') as HTMLInputElement).value).toBe('12,50');
    expect((screen.getByLabelText(/Piezīme/) as HTMLInputElement).value).toBe('Septembris');

    await user.click(screen.getByRole('button', { name: 'Pievienot kompensāciju' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave).toHaveBeenLastCalledWith({
      category: 'intercity_transport',
      month: '2026-11',
      amountCents: 1250,
      note: 'Septembris',
    });
    await waitFor(() => expect((screen.getByLabelText('Summa, €') as HTMLInputElement).value).toBe(''));
    expect((screen.getByLabelText(/Piezīme/) as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
