import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { listenForInstallPrompt } from '../features/backup';
import { App } from './App';
import { createI18n } from './i18n';
import type { Language, LanguageBundle } from './language';

export function start(language: Language, bundle: LanguageBundle): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html lacks #root');
  // The browser offers installation once, early; the offer is kept for the Settings button and the banner.
  listenForInstallPrompt();
  const i18n = createI18n(language, { [language]: bundle });
  createRoot(container).render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
}
