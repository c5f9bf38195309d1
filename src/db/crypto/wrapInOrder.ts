import { BehaviorSubject, concatMap, filter, firstValueFrom, Observable, tap } from 'rxjs';
import {
  wrapRxStorageInstance,
  type BulkWriteRow,
  type EventBulk,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageInstance,
  type RxStorageWriteErrorConflict,
} from 'rxdb';

type Modify = (doc: Record<string, unknown>) => Promise<RxDocumentData<unknown>>;

/**
 * RxDB's `wrapRxStorageInstance` with the order of changes kept.
 *
 * RxDB's own wrapper decrypts change events with `mergeMap(async …)`, so when two writes follow each other closely
 * and the second's events are transformed first (AES-GCM takes a varying time), they reach subscribers in the wrong
 * order. Replication's upstream then pushes the older state last, and a write the server had acknowledged is
 * overwritten by the one before it: the seeded convergence test (test/sync) lost a field's last value this way.
 * Its bulkWrite also hands rows to the storage below in the order their encryption finished. Here both keep order:
 * change bulks are transformed one after another (`concatMap`), and rows go down in the order they came.
 *
 * Queries and reads are RxDB's wrapper as it is.
 */
export function wrapInOrder<RxDocType, Internals, Options>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  instance: RxStorageInstance<RxDocType, Internals, Options>,
  toStorage: Modify,
  fromStorage: Modify,
): RxStorageInstance<RxDocType, Internals, Options> {
  const wrapped = wrapRxStorageInstance(schema, instance, toStorage as never, fromStorage as never);
  const from = async <T>(doc: T) => (doc ? ((await fromStorage(doc as Record<string, unknown>)) as T) : doc);
  const to = async <T>(doc: T) => (doc ? ((await toStorage(doc as Record<string, unknown>)) as T) : doc);
  // Change bulks taken from the storage below and not yet handed on: a write resolves only once its events are out.
  const inFlight$ = new BehaviorSubject(0);

  return {
    ...wrapped,
    async bulkWrite(rows: BulkWriteRow<RxDocType>[], context: string): Promise<RxStorageBulkWriteResponse<RxDocType>> {
      const stored = await Promise.all(
        rows.map(async (row) => {
          const [previous, document] = await Promise.all([to(row.previous), to(row.document)]);
          return { previous, document };
        }),
      );
      const result = await instance.bulkWrite(stored as BulkWriteRow<RxDocType>[], context);
      const error = await Promise.all(
        result.error.map(async (e) => {
          const conflict = e as RxStorageWriteErrorConflict<RxDocType>;
          return {
            ...e,
            ...(conflict.documentInDb ? { documentInDb: await from(conflict.documentInDb) } : {}),
            writeRow: { previous: await from(e.writeRow.previous), document: await from(e.writeRow.document) },
          };
        }),
      );
      await firstValueFrom(inFlight$.pipe(filter((n) => n === 0)));
      return { error };
    },
    changeStream() {
      const transform = async (bulk: EventBulk<RxStorageChangeEvent<RxDocType>, unknown>) => ({
        ...bulk,
        events: await Promise.all(
          bulk.events.map(async (event) => ({
            ...event,
            documentData: await from(event.documentData),
            previousDocumentData: await from(event.previousDocumentData),
          })),
        ),
      });
      return new Observable<EventBulk<RxStorageChangeEvent<RxDocType>, unknown>>((subscriber) => {
        // Bulks this subscriber took and has not handed on yet. If it unsubscribes meanwhile (replication
        // stopping, the app locking) they are never handed on, so they leave the count with it: otherwise every
        // later write would wait for them for ever.
        let pending = 0;
        const count = (n: number) => {
          pending += n;
          inFlight$.next(inFlight$.getValue() + n);
        };
        const subscription = instance
          .changeStream()
          .pipe(
            tap(() => count(1)),
            concatMap(transform),
          )
          .subscribe({
            next: (bulk) => {
              subscriber.next(bulk);
              count(-1);
            },
            error: (error: unknown) => subscriber.error(error),
            complete: () => subscriber.complete(),
          });
        return () => {
          subscription.unsubscribe();
          count(-pending);
        };
      });
    },
  };
}
