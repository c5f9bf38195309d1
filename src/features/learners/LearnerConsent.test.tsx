import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { learner as aLearner } from '../../../test/fixtures/documents';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import type { Learner } from '../../domain';
import { DatabaseProvider, useLearner, type AtbalstsDatabase } from '../../db';
import { isAdult } from '../../domain';
import { ConsentForm, LearnerConsent, newConsentForm } from './LearnerConsent';

const TODAY = '2026-11-25';

describe('ConsentForm', () => {
  it('refuses a missing signer and a date in the future, next to the fields, keeping what was typed', async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithI18n(
      <ConsentForm
        initial={{ signedOn: '2026-12-01', signedBy: '  ', signerRole: 'parent' }}
        today={TODAY}
        birthDate={undefined}
        suggestions={[]}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const errorOf = (label: RegExp) => {
      const input = screen.getByLabelText(label);
      return document.getElementById((input.getAttribute('aria-describedby') ?? '').split(' ').at(-1) ?? '')
        ?.textContent;
    };
    expect(errorOf(/Kas parakstīja/)).toBe('Aizpildiet šo lauku.');

    await user.type(screen.getByLabelText(/Kas parakstīja/), 'Ilze Bērziņa');
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    expect(errorOf(/Parakstīšanas datums/)).toBe('Datums nevar būt nākotnē.');
    expect((screen.getByLabelText(/Kas parakstīja/) as HTMLInputElement).value).toBe('  Ilze Bērziņa');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the date, the trimmed name and the signer’s role', async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithI18n(
      <ConsentForm
        initial={newConsentForm({ birthDate: '2012-03-04' }, TODAY)}
        today={TODAY}
        birthDate={undefined}
        suggestions={['Ilze Bērziņa']}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    const user = userEvent.setup();
    expect((screen.getByLabelText(/Parakstīšanas datums/) as HTMLInputElement).value).toBe(TODAY);
    await user.type(screen.getByLabelText(/Kas parakstīja/), ' Ilze Bērziņa ');
    await user.selectOptions(screen.getByLabelText('Parakstītājs ir'), 'guardian');
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ signedOn: TODAY, signedBy: 'Ilze Bērziņa', signerRole: 'guardian' });
  });

  it('speaks English', async () => {
    renderWithI18n(
      <ConsentForm
        initial={{ signedOn: '', signedBy: 'x', signerRole: 'learner' }}
        today={TODAY}
        birthDate={undefined}
        suggestions={[]}
        onSubmit={vi.fn()}
        onCancel={() => {}}
      />,
      'en',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText(/Date signed/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('option', { name: 'the learner (adult)' })).toBeTruthy();
  });

  it('refuses a 14-year-old as the signer of their own application, next to the field', async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithI18n(
      <ConsentForm
        initial={{ signedOn: TODAY, signedBy: 'Anna Bērziņa', signerRole: 'learner' }}
        today={TODAY}
        birthDate="2012-03-04"
        suggestions={[]}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    const role = screen.getByLabelText('Parakstītājs ir');
    expect(role.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe(
      'Izglītojamais parakstīšanas dienā vēl nebija pilngadīgs: iesniegumu paraksta vecāks vai aizbildnis.',
    );
    expect(onSubmit).not.toHaveBeenCalled();
    await user.selectOptions(role, 'parent');
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  });

  it.each([
    ['2008-11-25', true],
    ['2008-11-26', false],
    [undefined, false],
  ])('a learner born %s is adult on 2026-11-25: %s', (birthDate, adult) => {
    expect(isAdult(birthDate, TODAY)).toBe(adult);
    expect(newConsentForm({ birthDate }, TODAY).signerRole).toBe(adult ? 'learner' : 'parent');
  });
});

describe('LearnerConsent', () => {
  let db: AtbalstsDatabase;
  beforeEach(async () => {
    db = await memoryDatabase(['learners']);
    await db.learners.insert(aLearner({ id: 'anna', guardians: [{ id: 'g1', name: 'Ilze Bērziņa' }] }));
  });
  afterEach(async () => {
    await db.close();
  });

  function Live({ editable, hasCurrentPlan }: { editable: boolean; hasCurrentPlan: boolean }) {
    const { data } = useLearner('anna');
    return data ? (
      <LearnerConsent learner={data} editable={editable} hasCurrentPlan={hasCurrentPlan} today={TODAY} />
    ) : null;
  }
  const renderSection = (editable = true, hasCurrentPlan = false) => {
    renderWithI18n(
      <DatabaseProvider database={db}>
        <Live editable={editable} hasCurrentPlan={hasCurrentPlan} />
      </DatabaseProvider>,
    );
    return userEvent.setup();
  };
  const stored = async () => (await db.learners.findOne('anna').exec())?.toMutableJSON() as Learner;

  it('says plainly that no consent is recorded, more urgently when a plan exists', async () => {
    renderSection(true, true);
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('Parakstīts iesniegums vēl nav reģistrēts.');
    expect(note.textContent).toContain('Šim izglītojamajam jau ir šī semestra plāns');
  });

  it('records the signed application, shows it, and removes it only after a confirmation', async () => {
    const user = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Reģistrēt parakstīto iesniegumu' }));
    const form = screen.getByRole('form', { name: 'Parakstītais iesniegums' });
    await user.clear(within(form).getByLabelText(/Parakstīšanas datums/));
    await user.type(within(form).getByLabelText(/Parakstīšanas datums/), '2026-09-02');
    await user.type(within(form).getByLabelText(/Kas parakstīja/), 'Ilze Bērziņa');
    await user.click(within(form).getByRole('button', { name: 'Saglabāt' }));

    await screen.findByText('Iesniegums parakstīts');
    expect(screen.getByText('Ilze Bērziņa')).toBeTruthy();
    expect(screen.getByText('vecāks')).toBeTruthy();
    expect((await stored()).consent).toEqual({
      signedOn: '2026-09-02',
      signedBy: 'Ilze Bērziņa',
      signerRole: 'parent',
    });

    await user.click(screen.getByRole('button', { name: 'Dzēst ierakstu' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Atcelt' }));
    expect((await stored()).consent).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Dzēst ierakstu' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Dzēst ierakstu' }));
    await screen.findByText('Parakstīts iesniegums vēl nav reģistrēts.');
    expect(await stored()).not.toHaveProperty('consent');
  });

  it('offers no changes to someone who may not edit the learner', async () => {
    renderSection(false);
    await screen.findByRole('note');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
