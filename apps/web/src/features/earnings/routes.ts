import type { RouteObject } from 'react-router';

export const earningsRoutes: RouteObject[] = [
  { path: 'earnings', lazy: async () => ({ Component: (await import('./routes/earnings')).EarningsRoute }) },
];
