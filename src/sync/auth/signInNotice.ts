import { create } from 'zustand';
import { STORAGE_KEYS } from '../../db';

/**
 * Why the sign-in screen is what the person sees: their data was wiped from this device because the account was
 * disabled. Kept per device (the account itself is gone from it) until dismissed or until someone signs in, and
 * holding no one's data — a reason, a time and how many unsent changes went with the wipe.
 */
export interface SignInNotice {
  reason: 'accountDisabled';
  at: string;
  /** Changes made on this device that had not reached the server when it was wiped. */
  unsentLost: number;
}

function read(): SignInNotice | null {
  try {
    const parsed = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEYS.signInNotice) ?? 'null') as unknown;
    if (!parsed || typeof parsed !== 'object') return null;
    const { reason, at, unsentLost } = parsed as Record<string, unknown>;
    if (reason !== 'accountDisabled' || typeof at !== 'string') return null;
    return { reason, at, unsentLost: typeof unsentLost === 'number' && unsentLost > 0 ? unsentLost : 0 };
  } catch {
    return null;
  }
}

export const useSignInNotice = create<{ notice: SignInNotice | null }>(() => ({ notice: read() }));

export function recordSignInNotice(notice: SignInNotice): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEYS.signInNotice, JSON.stringify(notice));
  } catch {
    // Storage unavailable: the notice lasts until the page reloads.
  }
  useSignInNotice.setState({ notice });
}

export function dismissSignInNotice(): void {
  globalThis.localStorage?.removeItem(STORAGE_KEYS.signInNotice);
  useSignInNotice.setState({ notice: null });
}
