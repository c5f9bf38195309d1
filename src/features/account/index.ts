import { lazy } from 'react';

export { SignInScreen } from './SignInScreen';
export { AccountMenu } from './AccountMenu';
export { useActor } from './useActor';

/** In a chunk of its own: the shell imports this feature for sign-in and the menu, and the settings wait (issue 13.11). */
export const DeviceSettingsPage = lazy(async () => ({
  default: (await import('./DeviceSettingsPage')).DeviceSettingsPage,
}));
