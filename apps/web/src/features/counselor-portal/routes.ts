import type { RouteObject } from 'react-router';

/** The counselor's pages: the application (any signed-in user) and the work area (approved counselors). */
export const counselorPortalRoutes: RouteObject[] = [
  {
    path: 'counselor/apply',
    lazy: async () => ({ Component: (await import('./routes/apply')).ApplyRoute }),
  },
  {
    path: 'counselor',
    lazy: async () => ({ Component: (await import('./routes/portal-layout')).PortalLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./routes/sessions')).SessionsRoute }) },
      { path: 'hours', lazy: async () => ({ Component: (await import('./routes/hours')).HoursRoute }) },
      { path: 'offerings', lazy: async () => ({ Component: (await import('./routes/offerings')).OfferingsRoute }) },
      { path: 'profile', lazy: async () => ({ Component: (await import('./routes/profile')).ProfileRoute }) },
    ],
  },
];
