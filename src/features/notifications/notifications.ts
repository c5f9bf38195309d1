import { create } from 'zustand';

export interface Notification {
  id: number;
  kind: 'success' | 'error' | 'info';
  /** i18n key and values: notifications are rendered in the language chosen when they are shown. */
  key: string;
  values?: Record<string, unknown>;
  /** A way back from what was just done (issue 13.6): "Atsaukt" puts it back and closes the notification. */
  undo?: () => void;
}

interface NotificationState {
  items: Notification[];
  notify(notification: Omit<Notification, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
const AUTO_DISMISS_MS = 6_000;
/** Long enough to notice the slip and reach the button. */
const UNDO_DISMISS_MS = 12_000;
/** More would cover the screen: the oldest gives way (issue 13.8). */
export const MAX_SHOWN = 2;

/** The one channel through which features report success and failure to the user. */
export const useNotifications = create<NotificationState>((set, get) => ({
  items: [],
  notify(notification) {
    const id = nextId++;
    // The same message again replaces the earlier one rather than stacking on it.
    const others = get().items.filter(
      (n) => n.key !== notification.key || JSON.stringify(n.values) !== JSON.stringify(notification.values),
    );
    set({ items: [...others, { ...notification, id }].slice(-MAX_SHOWN) });
    if (notification.kind !== 'error' || notification.undo)
      setTimeout(() => get().dismiss(id), notification.undo ? UNDO_DISMISS_MS : AUTO_DISMISS_MS);
  },
  dismiss(id) {
    set({ items: get().items.filter((n) => n.id !== id) });
  },
}));

export const notify = (notification: Omit<Notification, 'id'>) => useNotifications.getState().notify(notification);
