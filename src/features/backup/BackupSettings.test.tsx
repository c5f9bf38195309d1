import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { BackupError, exportUnsentChanges, importBackup, useSyncStatus } from '../../sync';
import { BackupSettings } from './BackupSettings';

vi.mock('../../sync', async (original) => ({
  ...(await original<typeof import('../../sync')>()),
  exportUnsentChanges: vi.fn(),
  importBackup: vi.fn(),
}));

const exportMock = vi.mocked(exportUnsentChanges);
const importMock = vi.mocked(importBackup);

beforeEach(() => {
  exportMock.mockReset();
  importMock.mockReset();
  useSyncStatus.setState({ pending: 3 });
  URL.createObjectURL = vi.fn(() => 'blob:backup');
  URL.revokeObjectURL = vi.fn();
});

const backupFile = () =>
  new File(['{"format":"atbalsts-unsent-changes"}'], 'atbalsts.json', { type: 'application/json' });

describe('backup of unsent changes under Settings', () => {
  it('exports with the password into a downloaded file and says how many records it holds', async () => {
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    exportMock.mockRejectedValueOnce(new BackupError('wrongPassword'));
    exportMock.mockResolvedValueOnce({ fileName: 'atbalsts-2026.atbalsts.json', text: '{}', count: 3 });
    const user = userEvent.setup();
    renderWithI18n(<BackupSettings />);
    expect(screen.getByText('Serverī vēl nav nonākušas izmaiņas: 3.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Eksportēt nenosūtītās izmaiņas' });
    const password = form.querySelector('input[type=password]') as HTMLInputElement;

    await user.type(password, 'nepareiza');
    await user.click(screen.getByRole('button', { name: 'Eksportēt nenosūtītās izmaiņas' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nepareiza parole. Nekas nav mainīts.');
    expect(clicks).not.toHaveBeenCalled();

    await user.clear(password);
    await user.type(password, 'atbalsts-demo');
    await user.click(screen.getByRole('button', { name: 'Eksportēt nenosūtītās izmaiņas' }));
    expect((await screen.findByRole('status')).textContent).toBe('Fails saglabāts. Tajā ir ieraksti: 3.');
    expect(exportMock).toHaveBeenLastCalledWith('atbalsts-demo');
    expect(clicks).toHaveBeenCalledTimes(1);
    clicks.mockRestore();
  });

  it('imports a file with its password and sums up what was restored and what was newer here', async () => {
    importMock.mockImplementationOnce(async (_text, _password, onProgress) => {
      onProgress?.(14, 14);
      return { restore: 12, newerHere: 2, alreadyHere: 0 };
    });
    const user = userEvent.setup();
    renderWithI18n(<BackupSettings />);
    await user.click(screen.getByRole('button', { name: 'Ielādēt rezerves kopiju' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Izvēlieties rezerves kopijas failu.');

    await user.upload(screen.getByLabelText('Rezerves kopijas fails'), backupFile());
    await user.type(screen.getByLabelText('Parole, kas bija, kad kopija tika izveidota'), 'atbalsts-demo');
    await user.click(screen.getByRole('button', { name: 'Ielādēt rezerves kopiju' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Atjaunoti ieraksti: 12. Šajā ierīcē jau jaunāki: 2. Jau bija tādi paši: 0. Jaunākie šīs ierīces ieraksti ir atstāti, kā ir.',
    );
    expect(importMock).toHaveBeenCalledWith(
      '{"format":"atbalsts-unsent-changes"}',
      'atbalsts-demo',
      expect.any(Function),
    );
  });

  it.each([
    ['otherAccount', 'Šī rezerves kopija pieder citam kontam.'],
    ['corrupt', 'Fails ir bojāts vai nepilnīgs. Nekas nav mainīts.'],
    ['wrongPassword', 'Nepareiza parole. Nekas nav mainīts.'],
    ['newerVersion', 'Fails izveidots jaunākā Atbalsta versijā.'],
  ] as const)('a refused file (%s) gets its own sentence', async (problem, sentence) => {
    importMock.mockRejectedValueOnce(new BackupError(problem));
    const user = userEvent.setup();
    renderWithI18n(<BackupSettings />);
    await user.upload(screen.getByLabelText('Rezerves kopijas fails'), backupFile());
    await user.type(screen.getByLabelText('Parole, kas bija, kad kopija tika izveidota'), 'atbalsts-demo');
    await user.click(screen.getByRole('button', { name: 'Ielādēt rezerves kopiju' }));
    expect((await screen.findByRole('alert')).textContent).toContain(sentence);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
