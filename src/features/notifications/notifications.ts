import { create } from 'zustand';

export interface Notification {
  id: number;
  kind: 'success' | 'error' | 'info';
  /** i18n key and values: notifications are rendered in the language chosen when they are shown. */
  key: string;
  values?: Record<string, unknown>;
}

interface NotificationState {
  items: Notification[];
  notify(notification: Omit<Notification, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
const AUTO_DISMISS_MS = 6_000;

/** The one channel through which features report success and failure to the user. */
export const useNotifications = create<NotificationState>((set, get) => ({
  items: [],
  notify(notification) {
    const id = nextId++;
    set({ items: [...get().items, { ...notification, id }] });
    if (notification.kind !== 'error') setTimeout(() => get().dismiss(id), AUTO_DISMISS_MS);
  },
  dismiss(id) {
    set({ items: get().items.filter((n) => n.id !== id) });
  },
}));

export const notify = (notification: Omit<Notification, 'id'>) => useNotifications.getState().notify(notification);
