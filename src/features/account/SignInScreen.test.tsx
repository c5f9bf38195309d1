import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { useSignInNotice } from '../../sync';
import { SignInScreen } from './SignInScreen';

const storedAccount = (overrides: Record<string, unknown> = {}) => ({
  userId: 'user-ilze',
  username: 'ilze.kalnina',
  displayName: 'Ilze Kalniņa',
  roles: ['teacher'],
  databaseName: 'atbalsts_u_user_ilze',
  passwordKey: { kdf: 'PBKDF2-SHA256', iterations: 600000, salt: 'AA==', iv: 'AA==', wrapped: 'AA==' },
  sealedRefreshToken: 'sealed',
  lastSignInAt: '2026-12-01T08:00:00.000Z',
  ...overrides,
});

beforeEach(() => {
  localStorage.clear();
  useSignInNotice.setState({ notice: null });
  // Nobody answers: the first-run check fails quietly.
  globalThis.fetch = vi.fn(async () => Promise.reject(new TypeError('offline'))) as typeof fetch;
});

describe('the sign-in screen says why it is shown', () => {
  it('after a wipe for a disabled account: why, how many unsent changes went, until dismissed', async () => {
    localStorage.setItem(
      'atbalsts.signInNotice',
      JSON.stringify({ reason: 'accountDisabled', at: '2026-12-01T10:30:00.000Z', unsentLost: 3 }),
    );
    act(() => useSignInNotice.setState({ notice: JSON.parse(localStorage.getItem('atbalsts.signInNotice')!) }));
    const user = userEvent.setup();
    renderWithI18n(<SignInScreen />);
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('Jūsu konts šajā ierīcē tika atslēgts');
    expect(notice.textContent).toContain('Jautājiet skolas koordinatoram.');
    expect(notice.textContent).toContain('tika izdzēstas: 3.');
    // Nothing of the person: no name, no username.
    expect(notice.textContent).not.toMatch(/Ilze|ilze/);
    await user.click(screen.getByRole('button', { name: 'Sapratu' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(localStorage.getItem('atbalsts.signInNotice')).toBeNull();
  });

  it('after a session the server ended: data kept, how many changes wait, and a way to sign in again', async () => {
    localStorage.setItem(
      'atbalsts.accounts',
      JSON.stringify([storedAccount({ sessionEndedAt: '2026-12-01T10:30:00.000Z' })]),
    );
    localStorage.setItem(
      'atbalsts.pending.atbalsts_u_user_ilze',
      JSON.stringify({ learners: ['a'], consultations: ['b'] }),
    );
    const user = userEvent.setup();
    renderWithI18n(<SignInScreen />);
    const notice = screen.getByRole('status');
    expect(notice.textContent).toContain('Serveris beidza šo sesiju');
    expect(notice.textContent).toContain('izmaiņas, kas vēl nav serverī: 2.');
    await user.click(screen.getByRole('button', { name: 'Pieslēgties vēlreiz' }));
    expect(screen.getByRole('heading', { name: 'Pieslēgties' })).toBeTruthy();
    expect((screen.getByLabelText('Lietotājvārds') as HTMLInputElement).value).toBe('ilze.kalnina');
  });

  it('says nothing on an ordinary unlock', () => {
    localStorage.setItem('atbalsts.accounts', JSON.stringify([storedAccount()]));
    renderWithI18n(<SignInScreen />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Atbloķēt' })).toBeTruthy();
  });
});
