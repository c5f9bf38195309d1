// The shared stylesheet in the entry, so it comes before every feature's own sheet (in the start chunk or later
// ones): a feature's rules refine the shared ones and must win at equal specificity.
import './styles.css';
import { refreshDemoServer } from '../sync';
import { loadLanguage, storedLanguage } from './language';
import { showStartFailure } from './startFailure';

/**
 * The first script is small (issue 13.11): it asks for the device's language and for the app at once, so both
 * arrive in parallel, then starts the app in that language.
 */
const language = storedLanguage();
// Whether this is the demo server, asked while the code arrives: on a first visit the sign-in screen then shows its
// banner at once instead of pushing the form down when the answer comes (a layout shift).
void refreshDemoServer();
Promise.all([loadLanguage(language), import('./start')]).then(
  ([bundle, { start }]) => start(language, bundle),
  () => showStartFailure(),
);
