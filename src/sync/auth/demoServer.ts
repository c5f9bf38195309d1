import { create } from 'zustand';
import { STORAGE_KEYS } from '../../db';
import { authApi, type AuthApi } from './api';

function remembered(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEYS.demoServer) === '1';
  } catch {
    return false;
  }
}

/**
 * Whether the server this app belongs to holds demo data (invented pupils, public passwords), as it last said.
 * Remembered on the device, so the mark stays while offline; a server that stops saying so clears it.
 */
export const useDemoServer = create<{ demo: boolean }>(() => ({ demo: remembered() }));

let asking: Promise<void> | null = null;

/**
 * Asks the server (its public status) and remembers the answer; offline, the last answer stands. Calls while a
 * question is out share its answer (the app asks as it starts, the mark again when it shows).
 */
export function refreshDemoServer(api: AuthApi = authApi()): Promise<void> {
  asking ??= ask(api).finally(() => {
    asking = null;
  });
  return asking;
}

async function ask(api: AuthApi): Promise<void> {
  try {
    const { demo } = await api.status();
    try {
      localStorage.setItem(STORAGE_KEYS.demoServer, demo ? '1' : '0');
    } catch {
      // Storage refused (private mode, quota): the mark still follows this answer until the page closes.
    }
    useDemoServer.setState({ demo: demo === true });
  } catch {
    // Offline or the server is down: keep what the device knows.
  }
}
