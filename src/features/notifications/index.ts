export { notify, useNotifications, type Notification } from './notifications';
export { Notifications } from './Notifications';
