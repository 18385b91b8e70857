import type { RouteObject } from 'react-router';

export const financeRoutes: RouteObject[] = [
  { path: 'finance', lazy: async () => ({ Component: (await import('./routes/records')).FinanceRecordsRoute }) },
  {
    path: 'finance/reconciliations',
    lazy: async () => ({ Component: (await import('./routes/reconciliations')).ReconciliationsRoute }),
  },
  { path: 'finance/payouts', lazy: async () => ({ Component: (await import('./routes/payouts')).PayoutsRoute }) },
];
