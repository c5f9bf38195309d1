export { BackupSettings } from './BackupSettings';
export { StorageSettings } from './StorageSettings';
export { InstallBanner } from './InstallBanner';
export { listenForInstallPrompt } from './installPrompt';
export { requestPersistentStorageOnce } from './storage';
