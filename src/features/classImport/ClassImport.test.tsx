import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import type { ImportRow, Learner } from '../../domain';
import { ClassImport } from './ClassImport';

const anna: Learner = {
  id: 'anna',
  schoolId: 's1',
  firstName: 'Anna',
  lastName: 'Bērziņa',
  className: '7.b',
  programme: 'general',
  guardians: [],
  archived: false,
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
};

const csv = (text: string, name = 'klase.csv') => new File([text], name, { type: 'text/csv' });

function renderImport(existing: Learner[] = [anna], language: 'lv' | 'en' = 'lv') {
  const onConfirm = vi.fn(async (_rows: readonly ImportRow[]) => {});
  renderWithI18n(
    <ClassImport existing={existing} today="2026-11-25" onConfirm={onConfirm} onCancel={() => {}} />,
    language,
  );
  return { onConfirm, user: userEvent.setup() };
}

describe('class import', () => {
  it('shows what the file would do and writes nothing until confirmed', async () => {
    const { onConfirm, user } = renderImport();
    await user.upload(
      screen.getByLabelText('Fails'),
      csv('Uzvārds;Vārds;Klase;Dzimšanas datums\nBērziņa;Anna;8.b;\nOzols;Jānis;8.b;31.02.2013\nLiepa;Ieva;8.b;\n'),
    );
    expect(await screen.findByText('Jauni: 1')).toBeTruthy();
    expect(screen.getByText('Tiks atjaunināti: 1')).toBeTruthy();
    expect(screen.getByText('Ar kļūdām: 1')).toBeTruthy();
    expect(screen.getByText('Klase: 7.b → 8.b')).toBeTruthy();
    expect(
      screen.getByText('Atrasts tikai pēc vārda. Ja tas ir cits izglītojamais, pievienojiet failam dzimšanas datumus.'),
    ).toBeTruthy();
    expect(screen.getByText('Dzimšanas datums: „31.02.2013” nav datums. Rakstiet, piemēram, 01.09.2013.')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Importēt 2 izglītojamos' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    const rows = onConfirm.mock.calls[0]?.[0] ?? [];
    expect(rows.map((r) => r.kind)).toEqual(['update', 'error', 'add']);
  });

  it('uses the class typed on the page for a list without a class column', async () => {
    const { user } = renderImport([]);
    await user.upload(screen.getByLabelText('Fails'), csv('Skolēns\nOzols Jānis\n'));
    expect(await screen.findByText('Klase: nav aizpildīts.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Nav ko importēt' }) as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByLabelText(/Klase rindām bez klases/), '5.a');
    expect(await screen.findByText('Jauni: 1')).toBeTruthy();
    expect(screen.getByText(/^5\.a · Vispārējā izglītība/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Importēt 1 izglītojamo' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('explains a file it cannot use, in the chosen language', async () => {
    const { user } = renderImport([], 'en');
    await user.upload(screen.getByLabelText('File'), csv('a;b\nc;d\n'));
    expect((await screen.findByRole('alert')).textContent).toContain('No column with learners');
    await user.upload(screen.getByLabelText('File'), new File(['x'], 'old.xls'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('The old Excel format (.xls) is not supported'),
    );
    expect(screen.queryByRole('button', { name: /Import/ })).toBeNull();
  });

  it('offers nothing to import when everything is already there', async () => {
    const { user } = renderImport();
    await user.upload(screen.getByLabelText('Fails'), csv('Uzvārds;Vārds;Klase\nBērziņa;Anna;7.b\n'));
    expect(await screen.findByText('Jau ir: 1')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Nav ko importēt' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
