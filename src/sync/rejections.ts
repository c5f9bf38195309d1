import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { STORAGE_KEYS } from '../db';
import type { CollectionName } from '../domain';

interface RejectionState {
  /** Reason codes by "collection/id" for documents the server refused; the device keeps its copy. */
  byDocument: Record<string, string>;
  record(collection: CollectionName, pushedIds: string[], rejected: { id: string; reason: string }[]): void;
}

const key = (collection: string, id: string) => `${collection}/${id}`;

/** Remembered across reloads, so a refused change stays visible until it is fixed and accepted. */
export const useRejections = create<RejectionState>()(
  persist(
    (set, get) => ({
      byDocument: {},
      record(collection, pushedIds, rejected) {
        const pushed = new Set(pushedIds.map((id) => key(collection, id)));
        const kept = Object.entries(get().byDocument).filter(([k]) => !pushed.has(k));
        set({ byDocument: Object.fromEntries([...kept, ...rejected.map((r) => [key(collection, r.id), r.reason])]) });
      },
    }),
    { name: STORAGE_KEYS.rejections, storage: createJSONStorage(() => localStorage) },
  ),
);

/** The reason the server refused this document's last change, if it did. */
export function useRejection(collection: CollectionName, id: string): string | undefined {
  return useRejections((s) => s.byDocument[key(collection, id)]);
}
