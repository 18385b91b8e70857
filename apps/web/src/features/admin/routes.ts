import type { RouteObject } from 'react-router';

/** The admin area: vetting, counselors' standing, users and the audit log (admins only). */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    lazy: async () => ({ Component: (await import('./routes/admin-layout')).AdminLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./routes/vetting')).VettingRoute }) },
      { path: 'counselors', lazy: async () => ({ Component: (await import('./routes/counselors')).CounselorsRoute }) },
      { path: 'users', lazy: async () => ({ Component: (await import('./routes/users')).UsersRoute }) },
      { path: 'audit-log', lazy: async () => ({ Component: (await import('./routes/audit-log')).AuditLogRoute }) },
    ],
  },
];
