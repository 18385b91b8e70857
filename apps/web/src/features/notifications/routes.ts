import type { RouteObject } from 'react-router';

export const notificationRoutes: RouteObject[] = [
  {
    path: 'notifications',
    lazy: async () => ({ Component: (await import('./routes/inbox')).NotificationsRoute }),
  },
  {
    path: 'notifications/preferences',
    lazy: async () => ({ Component: (await import('./routes/preferences')).NotificationPreferencesRoute }),
  },
];
