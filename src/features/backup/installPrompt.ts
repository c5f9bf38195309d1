import { create } from 'zustand';
import { STORAGE_KEYS } from '../../db';

/** Chromium's install event (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * Installing keeps the app's storage (an installed app's data is not evicted like a tab's). Chromium offers a
 * prompt that the page may show on a person's click; iOS Safari has none, so the person is told how instead.
 */
export const useInstallPrompt = create<{ event: BeforeInstallPromptEvent | null; installed: boolean }>(() => ({
  event: null,
  installed: false,
}));

let listening = false;

/** Called once at start-up: the event fires early and only once per page load. */
export function listenForInstallPrompt(target: Window = window): void {
  if (listening) return;
  listening = true;
  target.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    useInstallPrompt.setState({ event: event as BeforeInstallPromptEvent });
  });
  target.addEventListener('appinstalled', () => useInstallPrompt.setState({ event: null, installed: true }));
}

/** Shows the browser's install dialog; true if the person installed. */
export async function promptInstall(): Promise<boolean> {
  const { event } = useInstallPrompt.getState();
  if (!event) return false;
  await event.prompt();
  const { outcome } = await event.userChoice;
  // The event can be used once; a new one arrives if the browser offers again.
  useInstallPrompt.setState({ event: null, installed: outcome === 'accepted' });
  return outcome === 'accepted';
}

export function isStandalone(): boolean {
  const nav = globalThis.navigator as Navigator & { standalone?: boolean };
  return nav?.standalone === true || globalThis.matchMedia?.('(display-mode: standalone)').matches === true;
}

/** iPhone and iPad (iPadOS says it is a Mac, but has touch). */
export function isIos(nav: Pick<Navigator, 'userAgent' | 'platform' | 'maxTouchPoints'> = navigator): boolean {
  return /iPad|iPhone|iPod/.test(nav.userAgent) || (nav.platform === 'MacIntel' && nav.maxTouchPoints > 1);
}

/** Phones and tablets: where a banner is worth its space. */
export const isTouchDevice = () => globalThis.matchMedia?.('(pointer: coarse)').matches === true;

export type InstallOption = 'prompt' | 'iosInstructions' | 'installed' | 'none';

export function installOption(hasPrompt: boolean, installed: boolean): InstallOption {
  if (installed || isStandalone()) return 'installed';
  if (hasPrompt) return 'prompt';
  return isIos() ? 'iosInstructions' : 'none';
}

const dismissedKey = (userId: string) => `${STORAGE_KEYS.installDismissedPrefix}${userId}`;

export function installDismissed(userId: string): boolean {
  try {
    return globalThis.localStorage?.getItem(dismissedKey(userId)) === '1';
  } catch {
    return false;
  }
}

export function dismissInstall(userId: string): void {
  try {
    globalThis.localStorage?.setItem(dismissedKey(userId), '1');
  } catch {
    // The banner goes away for this visit anyway.
  }
}
