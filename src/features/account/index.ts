import { retryableLazy } from '../ui';

export { SignInScreen } from './SignInScreen';
export { useActor } from './useActor';

/**
 * With the signed-in app's chunks, not the first load: the menu links with the router, which the sign-in screen does
 * not need (issue 13.11).
 */
export const AccountMenu = retryableLazy(async () => (await import('./AccountMenu')).AccountMenu);

/** In a chunk of its own: the shell imports this feature for sign-in and the menu, and the settings wait (issue 13.11). */
export const DeviceSettingsPage = retryableLazy(async () => (await import('./DeviceSettingsPage')).DeviceSettingsPage);
