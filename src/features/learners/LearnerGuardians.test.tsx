import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { learner as aLearner } from '../../../test/fixtures/documents';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import type { Learner } from '../../domain';
import { DatabaseProvider, useLearner, type AtbalstsDatabase } from '../../db';
import { emptyGuardianForm, GuardianForm, LearnerGuardians, telHref } from './LearnerGuardians';

describe('GuardianForm', () => {
  it('shows each error next to its field in Latvian and keeps what was typed', async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithI18n(<GuardianForm title="Jauns" initial={emptyGuardianForm} onSubmit={onSubmit} onCancel={() => {}} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Tālrunis/), '+371 abc');
    await user.type(screen.getByLabelText(/E-pasts/), 'ilze@');
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));

    expect(onSubmit).not.toHaveBeenCalled();
    const errorOf = (label: RegExp) => {
      const input = screen.getByLabelText(label);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      return document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;
    };
    expect(errorOf(/Vārds, uzvārds/)).toBe('Aizpildiet šo lauku.');
    expect(errorOf(/Tālrunis/)).toBe('Tālrunī var būt cipari, atstarpes, „+”, „-” un iekavas.');
    expect(errorOf(/E-pasts/)).toBe('Ievadiet e-pasta adresi, piemēram, vards@epasts.lv.');
    expect((screen.getByLabelText(/E-pasts/) as HTMLInputElement).value).toBe('ilze@');

    // Correcting a field clears its message only.
    await user.type(screen.getByLabelText(/Vārds, uzvārds/), 'Ilze');
    expect(screen.getByLabelText(/Vārds, uzvārds/).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText(/E-pasts/).getAttribute('aria-invalid')).toBe('true');
  });

  it('submits trimmed values and leaves empty optional fields out', async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithI18n(<GuardianForm title="Jauns" initial={emptyGuardianForm} onSubmit={onSubmit} onCancel={() => {}} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Vārds, uzvārds/), '  Ilze Bērziņa ');
    await user.type(screen.getByLabelText(/Radniecība/), 'māte');
    await user.type(screen.getByLabelText(/Tālrunis/), '+371 2612 3456');
    await user.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Ilze Bērziņa', relation: 'māte', phone: '+371 2612 3456' });
  });

  it('speaks Russian', async () => {
    renderWithI18n(
      <GuardianForm
        title="Новый"
        initial={{ ...emptyGuardianForm, email: 'x' }}
        onSubmit={vi.fn()}
        onCancel={() => {}}
      />,
      'ru',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(screen.getByText('Введите адрес эл. почты, например name@example.lv.')).toBeTruthy();
    expect(screen.getByText('Заполните это поле.')).toBeTruthy();
  });

  it('dials digits only', () => {
    expect(telHref('+371 (26) 12-34 56')).toBe('tel:+37126123456');
  });
});

describe('LearnerGuardians', () => {
  let db: AtbalstsDatabase;
  let anna: Learner;
  beforeEach(async () => {
    db = await memoryDatabase(['learners']);
    anna = aLearner({
      id: 'anna',
      guardians: [
        { id: 'g1', name: 'Ilze Bērziņa', relation: 'māte', phone: '+371 26123456', email: 'ilze@example.lv' },
      ],
    });
    await db.learners.insert(anna);
  });
  afterEach(async () => {
    await db.close();
  });

  function Live({ editable }: { editable: boolean }) {
    const { data } = useLearner('anna');
    return data ? <LearnerGuardians learner={data} editable={editable} /> : null;
  }
  const renderSection = (editable = true) => {
    renderWithI18n(
      <DatabaseProvider database={db}>
        <Live editable={editable} />
      </DatabaseProvider>,
    );
    return userEvent.setup();
  };
  const stored = async () => (await db.learners.findOne('anna').exec())?.toMutableJSON() as Learner;

  it('lists guardians with phone and email links', async () => {
    renderSection();
    const call = await screen.findByRole('link', { name: /Zvanīt: Ilze Bērziņa/ });
    expect(call.getAttribute('href')).toBe('tel:+37126123456');
    expect(screen.getByRole('link', { name: /Rakstīt: Ilze Bērziņa/ }).getAttribute('href')).toBe(
      'mailto:ilze@example.lv',
    );
    expect(screen.getByText('māte')).toBeTruthy();
  });

  it('adds and edits a guardian on this device', async () => {
    const user = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Pievienot vecāku vai aizbildni' }));
    const form = screen.getByRole('form', { name: 'Jauns vecāks vai aizbildnis' });
    await user.type(within(form).getByLabelText(/Vārds, uzvārds/), 'Jānis Bērziņš');
    await user.type(within(form).getByLabelText(/Radniecība/), 'tēvs');
    await user.click(within(form).getByRole('button', { name: 'Saglabāt' }));
    await screen.findByText('Jānis Bērziņš');
    expect((await stored()).guardians.map((g) => g.name)).toEqual(['Ilze Bērziņa', 'Jānis Bērziņš']);

    await user.click(screen.getByRole('button', { name: 'Labot: Ilze Bērziņa' }));
    const edit = screen.getByRole('form', { name: 'Labot: Ilze Bērziņa' });
    const phone = within(edit).getByLabelText(/Tālrunis/);
    expect((phone as HTMLInputElement).value).toBe('+371 26123456');
    await user.clear(phone);
    await user.click(within(edit).getByRole('button', { name: 'Saglabāt' }));
    await waitFor(async () =>
      expect((await stored()).guardians[0]).toEqual({
        id: 'g1',
        name: 'Ilze Bērziņa',
        relation: 'māte',
        email: 'ilze@example.lv',
      }),
    );
  });

  it('asks before removing; Cancel keeps the guardian', async () => {
    const user = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Noņemt: Ilze Bērziņa' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Noņemt Ilze Bērziņa no izglītojamā vecākiem un aizbildņiem?');
    await user.click(within(dialog).getByRole('button', { name: 'Atcelt' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await stored()).guardians).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Noņemt: Ilze Bērziņa' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Noņemt' }));
    await screen.findByText('Nav ievadīts neviens vecāks vai aizbildnis.');
    expect((await stored()).guardians).toEqual([]);
  });

  it('keeps what was typed when the guardian is removed on another device meanwhile', async () => {
    const user = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Labot: Ilze Bērziņa' }));
    const phone = within(screen.getByRole('form', { name: 'Labot: Ilze Bērziņa' })).getByLabelText(/Tālrunis/);
    await user.clear(phone);
    await user.type(phone, '+371 29999999');
    // Sync brings the other device's removal.
    await (await db.learners.findOne('anna').exec())?.incrementalPatch({ guardians: [] });
    await screen.findByText('Kāds citā ierīcē šo ierakstu izdzēsa. Saglabājot tas tiks pievienots atkārtoti.');
    const edit = screen.getByRole('form', { name: 'Labot: Ilze Bērziņa' });
    expect((within(edit).getByLabelText(/Tālrunis/) as HTMLInputElement).value).toBe('+371 29999999');
    await user.click(within(edit).getByRole('button', { name: 'Saglabāt' }));
    await waitFor(async () => expect((await stored()).guardians.map((g) => g.phone)).toEqual(['+371 29999999']));
  });

  it('drops a removal being confirmed when another device removed the guardian first', async () => {
    const user = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Noņemt: Ilze Bērziņa' }));
    await (await db.learners.findOne('anna').exec())?.incrementalPatch({ guardians: [] });
    await screen.findByText('Nav ievadīts neviens vecāks vai aizbildnis.');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Pievienot vecāku vai aizbildni' })).toBeTruthy();
  });

  it('only shows guardians to someone who may not edit the learner', async () => {
    renderSection(false);
    await screen.findByText('Ilze Bērziņa');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
