import { createBrowserRouter } from 'react-router';
import { accountRoutes } from '@/features/account/routes';
import { adminRoutes } from '@/features/admin/routes';
import { authRoutes } from '@/features/auth/routes';
import { bookingRoutes } from '@/features/bookings/routes';
import { counselorPortalRoutes } from '@/features/counselor-portal/routes';
import { counselorDirectoryRoutes } from '@/features/counselors/routes';
import { earningsRoutes } from '@/features/earnings/routes';
import { financeRoutes } from '@/features/finance/routes';
import { notificationRoutes } from '@/features/notifications/routes';
import { Layout } from './layout';
import { NotFoundRoute } from './not-found';
import { RequireSignIn } from './require-sign-in';

// Each feature lists its own routes (features/<name>/routes.ts); each page is its own chunk.
// Add a feature with one line in the group it belongs to.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      // Anyone.
      ...counselorDirectoryRoutes,
      ...authRoutes,
      {
        // Signed in (roles are checked by the pages that need one).
        Component: RequireSignIn,
        children: [
          ...accountRoutes,
          ...bookingRoutes,
          ...notificationRoutes,
          ...counselorPortalRoutes,
          ...earningsRoutes,
          ...adminRoutes,
          ...financeRoutes,
        ],
      },
      { path: '*', Component: NotFoundRoute },
    ],
  },
]);
