import { map, type Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { CollectionName } from '../domain';
import { useLiveQuery } from './hooks/useLiveQuery';

type PlainRecord = Record<string, unknown>;

/** One record of any collection as plain JSON, live; null when it is not (or no longer) on the device. */
export function useRecord(collection: CollectionName, id: string) {
  return useLiveQuery(
    (db): Observable<PlainRecord | null> => {
      const c = db.collections[collection] as unknown as RxCollection<PlainRecord>;
      return c.findOne(id).$.pipe(map((doc) => (doc ? (doc.toMutableJSON() as PlainRecord) : null)));
    },
    null as PlainRecord | null,
    [collection, id],
  );
}
