export { useDesktopNotifications, type DesktopNotificationOptions } from './useDesktopNotifications';
export { NotificationPermissionPrompt } from './NotificationPermissionPrompt';
