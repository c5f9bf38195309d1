import { useEffect, useMemo, useState } from 'react';
import type { Observable } from 'rxjs';
import { useDatabase } from '../DatabaseProvider';
import type { AtbalstsDatabase } from '../createDatabase';

export interface LiveResult<T> {
  data: T;
  loading: boolean;
  error: Error | null;
}

/**
 * Subscribes to a live RxDB observable. The observable is rebuilt only when `deps` change, so a re-render never
 * re-runs the query (RxDB's own react hook re-queries whenever a new query object is passed).
 */
export function useLiveQuery<T>(
  build: (db: AtbalstsDatabase) => Observable<T>,
  initial: T,
  deps: readonly unknown[],
): LiveResult<T> {
  const db = useDatabase();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the query depends on
  const observable = useMemo(() => build(db), [db, ...deps]);
  const [state, setState] = useState<LiveResult<T>>({ data: initial, loading: true, error: null });

  useEffect(() => {
    setState((previous) => ({ ...previous, loading: true }));
    const subscription = observable.subscribe({
      next: (data) => setState({ data, loading: false, error: null }),
      error: (error: unknown) =>
        setState((previous) => ({
          ...previous,
          loading: false,
          error: error instanceof Error ? error : new Error(String(error)),
        })),
    });
    return () => subscription.unsubscribe();
  }, [observable]);

  return state;
}
