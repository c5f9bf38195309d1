export { SignInScreen } from './SignInScreen';
export { AccountMenu } from './AccountMenu';
export { DeviceSettingsPage } from './DeviceSettingsPage';
export { useActor } from './useActor';
