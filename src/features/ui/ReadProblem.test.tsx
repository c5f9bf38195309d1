import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { ReadProblem, readFailed } from './index';

describe('ReadProblem', () => {
  it('says in Latvian that the list could not be read, with what went wrong', () => {
    renderWithI18n(<ReadProblem errors={[null, new Error('OperationError: decryption failed'), new Error('later')]} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Neizdevās nolasīt šos datus no ierīces — saraksts var būt nepilnīgs.');
    expect(alert.textContent).toContain('OperationError: decryption failed');
    expect(alert.textContent).not.toContain('later');
  });

  it.each([
    ['en', 'Could not read these records from this device'],
    ['ru', 'Не удалось прочитать эти данные с устройства'],
  ] as const)('speaks %s too', (language, text) => {
    renderWithI18n(<ReadProblem errors={[new Error('x')]} />, language);
    expect(screen.getByRole('alert').textContent).toContain(text);
  });

  it('shows nothing while every query reads', () => {
    const { container } = renderWithI18n(<ReadProblem errors={[null, null]} />);
    expect(container.textContent).toBe('');
    expect(readFailed([null, null])).toBe(false);
    expect(readFailed([null, new Error('x')])).toBe(true);
  });
});
