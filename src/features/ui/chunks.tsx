import { Component, lazy, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './chunks.css';

/** A part of the app's code that did not arrive (offline before it was cached, or gone after a deploy). */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ChunkLoadError';
  }
}

/** How to forget each chunk that failed, so that "Try again" loads it anew. */
const failed = new Set<() => void>();

/** Forgets every failed chunk: the next render of each loads it again. */
export function forgetFailedChunks(): void {
  for (const forget of failed) forget();
  failed.clear();
}

/**
 * Like React's lazy, for code in a chunk of its own, but a failed load is not final: after ChunkBoundary's "Try
 * again" the next render loads again instead of throwing the same error for good. Until then the failure stands
 * (React's own second render attempt sees it too, instead of quietly loading twice).
 */
export function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const cache: { current: ComponentType<P> | null } = { current: null };
  const forget = () => {
    cache.current = null;
  };
  const attempt = () =>
    lazy(async () => {
      try {
        return { default: await load() };
      } catch (error) {
        failed.add(forget);
        throw new ChunkLoadError(error);
      }
    });
  return function Chunk(props: P) {
    const Loaded = cache.current ?? (cache.current = attempt());
    return <Loaded {...props} />;
  };
}

/** Says that a screen's code could not be loaded, in the person's language, with a button to try again. */
export function ChunkFailure({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation('common');
  return (
    <section className="page chunk-failure" role="alert">
      <h1>{t('chunkFailed.title')}</h1>
      <p>{t('chunkFailed.text')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('chunkFailed.retry')}
      </button>
    </section>
  );
}

interface BoundaryState {
  failed: boolean;
}

/**
 * Around code that loads lazily: a chunk that does not arrive shows ChunkFailure instead of a blank page, and "Try
 * again" renders the children anew (retryableLazy then loads again). Other errors pass on unchanged.
 */
export class ChunkBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(error: unknown): BoundaryState | null {
    return isChunkLoadError(error) ? { failed: true } : null;
  }

  override render(): ReactNode {
    if (this.state.failed) {
      const retry = () => {
        forgetFailedChunks();
        this.setState({ failed: false });
      };
      return <ChunkFailure onRetry={retry} />;
    }
    return this.props.children;
  }
}

/** Ours, or the browser's own words for a module script that did not arrive (Chromium, Firefox, Safari). */
export function isChunkLoadError(error: unknown): boolean {
  if (error instanceof ChunkLoadError) return true;
  if (!(error instanceof Error)) return false;
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message);
}
