import { StrictMode, startTransition } from 'react';
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
  const root = createRoot(container);
  // As a transition the first render yields to the browser every few milliseconds instead of holding the main thread
  // for the whole tree in one task (issue 13.11: the longest task of a cold start on a slow phone).
  startTransition(() =>
    root.render(
      <StrictMode>
        <App i18n={i18n} />
      </StrictMode>,
    ),
  );
}
