import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { listenForInstallPrompt } from '../features/backup';
import { App } from './App';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
// The browser offers installation once, early; the offer is kept for the Settings button and the banner.
listenForInstallPrompt();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
