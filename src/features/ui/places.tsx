import { Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ChunkBoundary, retryableLazy } from './chunks';

/**
 * What a feature adds to the signed-in app, declared in its own `place.ts` (issue 10.5: adding a screen touches its
 * feature folder only). The shell (src/app/routes.tsx) gathers every `src/features/<feature>/place.ts`, so a
 * place.ts must stay light: its screens load through `screen()`, never by importing the pages.
 */
export interface FeaturePlace {
  screens: readonly FeatureScreen[];
  nav?: readonly NavEntry[];
}

/** A route of the signed-in app (a path under the shell, without the leading slash). */
export interface FeatureScreen {
  path: string;
  Page: ComponentType;
}

/** A main place in the nav: its path, its label's key and a 24×24 SVG path for its icon. */
export interface NavEntry {
  to: string;
  label: string;
  icon: string;
  /** Where it sits among the places (smaller first); the first three are a phone's bottom bar. */
  order: number;
  /**
   * Whether the person sees it: a hook, called on every render of the nav, for every entry, in the same order (the
   * entries are fixed when the app loads). Absent: everyone signed in.
   */
  useShown?: () => boolean;
}

/** Said while a screen's code loads: from the service worker's cache, so briefly, and only on its first opening. */
function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <p className="page" role="status">
      {t('app.screenLoading')}
    </p>
  );
}

/**
 * A screen in a chunk of its own (issue 13.11: the first load carried every screen). Its Suspense is the route's own,
 * new on each navigation, so a tap answers at once with the loading line instead of leaving the last screen shown
 * (the router navigates in a transition, which keeps an already shown boundary's content). The service worker
 * precaches every chunk, so a screen opened for the first time offline still loads.
 */
export function suspended(Page: ComponentType): ComponentType {
  return function Screen() {
    // A chunk that does not arrive (offline before it was cached, gone after a deploy) says so, with a retry, under
    // the nav that still works.
    return (
      <ChunkBoundary>
        <Suspense fallback={<ScreenLoading />}>
          <Page />
        </Suspense>
      </ChunkBoundary>
    );
  };
}

/** A screen loaded with its feature's chunk the first time it is opened. */
export function screen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  return suspended(retryableLazy(async () => pick(await load())));
}
