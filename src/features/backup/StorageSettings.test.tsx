import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { useSession, type DeviceAccount } from '../../sync';
import type { AtbalstsDatabase } from '../../db';
import { InstallBanner } from './InstallBanner';
import { listenForInstallPrompt, useInstallPrompt } from './installPrompt';
import { StorageSettings } from './StorageSettings';
import { useStorageState } from './storage';

/** A browser's StorageManager that answers as told, and counts the requests. */
function browserStorage(initially: boolean, grants: boolean) {
  let persisted = initially;
  const storage = {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = grants;
      return grants;
    }),
    estimate: vi.fn(async () => ({ usage: 12_345_678, quota: 2_000_000_000 })),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  return storage;
}

function touchScreen(coarse: boolean) {
  window.matchMedia = ((query: string) => ({ matches: coarse && query === '(pointer: coarse)' })) as never;
}

function offerInstall() {
  const prompt = vi.fn(async () => {});
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    prompt,
    userChoice: Promise.resolve({ outcome: 'accepted' as const }),
  });
  act(() => {
    window.dispatchEvent(event);
  });
  return prompt;
}

const account = (userId: string) => ({ userId, displayName: userId }) as DeviceAccount;

beforeEach(() => {
  localStorage.clear();
  listenForInstallPrompt(window);
  useInstallPrompt.setState({ event: null, installed: false });
  useStorageState.setState({ supported: true, persisted: null, usage: null, quota: null, asked: false });
  touchScreen(false);
});
afterEach(() => {
  useSession.setState({ status: 'locked' });
});

describe('storage under Settings', () => {
  it('shows what the browser reports, usage and quota, and asks on a click', async () => {
    const storage = browserStorage(false, true);
    const user = userEvent.setup();
    renderWithI18n(<StorageSettings />);
    expect(
      (await screen.findByText('Pārlūks var šos datus izdzēst', { exact: false })).closest('[role=status]'),
    ).toBeTruthy();
    expect(screen.getByText(/Izmantoti 12,3\sMB no pieejamajiem 2\sGB/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Lūgt pārlūkam saglabāt datus' }));
    await screen.findByText('Pārlūks glabā šīs ierīces datus pastāvīgi.');
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Lūgt pārlūkam saglabāt datus' })).toBeNull();
  });

  it('says the browser refused once it was asked, and offers installation where the browser can', async () => {
    browserStorage(false, false);
    localStorage.setItem('atbalsts.storage.persistAsked', '1');
    const user = userEvent.setup();
    renderWithI18n(<StorageSettings />);
    await screen.findByText('Pārlūks atteica pastāvīgu glabāšanu', { exact: false });
    expect(screen.queryByRole('button', { name: 'Instalēt Atbalstu' })).toBeNull();
    const prompt = offerInstall();
    await user.click(await screen.findByRole('button', { name: 'Instalēt Atbalstu' }));
    expect(prompt).toHaveBeenCalledTimes(1);
    await screen.findByText('Atbalsts ir instalēts šajā ierīcē.');
  });
});

describe('the install banner', () => {
  function unlockAs(userId: string) {
    act(() => {
      useSession.setState({
        status: 'unlocked',
        account: account(userId),
        db: {} as AtbalstsDatabase,
        signedInOnline: true,
      });
    });
  }

  it('appears on a phone once persistence was refused; dismissed stays dismissed for that person only', async () => {
    browserStorage(false, false);
    localStorage.setItem('atbalsts.storage.persistAsked', '1');
    touchScreen(true);
    unlockAs('user-ilze');
    const user = userEvent.setup();
    const { unmount } = renderWithI18n(<InstallBanner />);
    offerInstall();
    await screen.findByText('Instalējiet Atbalstu šajā ierīcē');
    await user.click(screen.getByRole('button', { name: 'Vairs nerādīt' }));
    expect(screen.queryByText('Instalējiet Atbalstu šajā ierīcē')).toBeNull();
    unmount();

    renderWithI18n(<InstallBanner />);
    await waitFor(() => expect(useStorageState.getState().persisted).toBe(false));
    expect(screen.queryByText('Instalējiet Atbalstu šajā ierīcē')).toBeNull();
    unlockAs('user-marta');
    await screen.findByText('Instalējiet Atbalstu šajā ierīcē');
  });

  it.each([
    ['persistence granted', true, true],
    ['never asked yet', false, false],
  ])('stays away when %s', async (_what, persisted, asked) => {
    browserStorage(persisted, persisted);
    if (asked) localStorage.setItem('atbalsts.storage.persistAsked', '1');
    touchScreen(true);
    unlockAs('user-ilze');
    renderWithI18n(<InstallBanner />);
    offerInstall();
    await waitFor(() => expect(useStorageState.getState().persisted).toBe(persisted));
    expect(screen.queryByText('Instalējiet Atbalstu šajā ierīcē')).toBeNull();
  });
});
