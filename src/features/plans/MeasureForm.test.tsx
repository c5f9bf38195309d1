import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { pumpurs2017, type PlanRisk } from '../../domain';
import { MeasureForm } from './MeasureForm';

const risks: PlanRisk[] = [
  { id: 'r1', code: 'learning.difficulty_mastering', note: '' },
  { id: 'r2', code: 'economic.meals', note: '' },
];

function renderForm(programme: 'general' | 'vocational' = 'general', planRisks: PlanRisk[] = risks) {
  const onSave = vi.fn();
  renderWithI18n(
    <MeasureForm
      risks={planRisks}
      profile={pumpurs2017}
      programme={programme}
      newId={() => 'new-1'}
      onSave={onSave}
      onCancel={() => {}}
    />,
  );
  return { onSave, user: userEvent.setup() };
}

describe('MeasureForm', () => {
  it('asks for a risk, a justification and a number of sessions, next to each field, keeping what was typed', async () => {
    const { onSave, user } = renderForm();
    await user.type(screen.getByLabelText('Plānotās konsultācijas semestrī'), 'daudz');
    await user.click(screen.getByRole('button', { name: 'Saglabāt pasākumu' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Izvēlieties vismaz vienu risku.')).toBeTruthy();
    expect(screen.getByText('Aizpildiet šo lauku.')).toBeTruthy();
    expect(screen.getByText('Ievadiet konsultāciju skaitu (0–500).')).toBeTruthy();
    expect((screen.getByLabelText('Plānotās konsultācijas semestrī') as HTMLInputElement).value).toBe('daudz');
  });

  it('refuses 501 planned sessions, the schema’s most being 500, next to the field, and takes 500', async () => {
    const { onSave, user } = renderForm();
    const sessions = screen.getByLabelText('Plānotās konsultācijas semestrī');
    await user.type(sessions, '501');
    await user.click(screen.getByRole('checkbox', { name: 'Grūtības apgūt mācību saturu' }));
    await user.type(screen.getByLabelText(/Pamatojums/), 'Daudz');
    await user.click(screen.getByRole('button', { name: 'Saglabāt pasākumu' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(sessions.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(sessions.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Ievadiet konsultāciju skaitu (0–500).',
    );
    await user.clear(sessions);
    await user.type(sessions, '500');
    await user.click(screen.getByRole('button', { name: 'Saglabāt pasākumu' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ plannedSessions: 500 });
  });

  it('saves a subject consultation tied to its risk', async () => {
    const { onSave, user } = renderForm();
    await user.selectOptions(screen.getByLabelText('Mācību priekšmets'), 'latvian');
    await user.type(screen.getByLabelText('Plānotās konsultācijas semestrī'), '12');
    await user.click(screen.getByRole('checkbox', { name: 'Grūtības apgūt mācību saturu' }));
    await user.type(screen.getByLabelText(/Pamatojums/), 'Valodas barjera pēc pārcelšanās');
    await user.click(screen.getByRole('button', { name: 'Saglabāt pasākumu' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        id: 'new-1',
        kind: 'subject_consultation',
        subject: 'latvian',
        plannedSessions: 12,
        riskIds: ['r1'],
        justification: 'Valodas barjera pēc pārcelšanās',
      }),
    );
  });

  it('ticks the plan’s only risk for a new measure (issue 13.7)', async () => {
    const { onSave, user } = renderForm('general', [risks[0]!]);
    expect((screen.getByRole('checkbox', { name: 'Grūtības apgūt mācību saturu' }) as HTMLInputElement).checked).toBe(
      true,
    );
    await user.type(screen.getByLabelText('Plānotās konsultācijas semestrī'), '6');
    await user.type(screen.getByLabelText(/Pamatojums/), 'Zemi vērtējumi');
    await user.click(screen.getByRole('button', { name: 'Saglabāt pasākumu' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ riskIds: ['r1'] });
  });

  it('ticks nothing for a new measure when the plan has two risks', () => {
    renderForm();
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.filter((b) => b.checked)).toHaveLength(0);
  });

  it('refuses meals planned over 70 € a month and takes 70 €', async () => {
    const { onSave, user } = renderForm();
    await user.selectOptions(screen.getByLabelText('Veids'), 'compensation');
    await user.selectOptions(screen.getByLabelText('Kompensācijas veids'), 'meals');
    await user.click(screen.getByRole('checkbox', { name: 'Ēdināšana' }));
    await user.type(screen.getByLabelText(/Pamatojums/), 'Trūcīga ģimene');
    const amount = screen.getByLabelText('Plānotā summa mēnesī, €');
    await user.type(amount, '70,01');
    await user.click(screen.getByRole('button', { name: 'Saglabāt pasākumu' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText(/Pārsniedz ierobežojumu 70,00/)).toBeTruthy();

    await user.clear(amount);
    await user.type(amount, '70');
    await user.click(screen.getByRole('button', { name: 'Saglabāt pasākumu' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      kind: 'compensation',
      compensationCategory: 'meals',
      plannedMonthlyCents: 7000,
    });
  });

  it('offers learning materials to vocational learners only', async () => {
    const { onSave, user } = renderForm('general');
    await user.selectOptions(screen.getByLabelText('Veids'), 'compensation');
    await user.selectOptions(screen.getByLabelText('Kompensācijas veids'), 'learning_materials');
    await user.click(screen.getByRole('checkbox', { name: 'Ēdināšana' }));
    await user.type(screen.getByLabelText(/Pamatojums/), 'Darba apģērbs');
    await user.type(screen.getByLabelText('Plānotā summa semestrī, €'), '40');
    await user.click(screen.getByRole('button', { name: 'Saglabāt pasākumu' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Tikai profesionālās izglītības audzēkņiem.')).toBeTruthy();
  });
});
