import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { NotFoundRoute } from './not-found';

// Each page is its own chunk, so the first page loads only what it shows.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('@/features/counselors/routes/search')).SearchRoute }),
      },
      {
        path: 'counselors/:id',
        lazy: async () => ({ Component: (await import('@/features/counselors/routes/counselor')).CounselorRoute }),
      },
      { path: 'login', lazy: async () => ({ Component: (await import('@/features/auth/routes/login')).LoginRoute }) },
      {
        path: 'register',
        lazy: async () => ({ Component: (await import('@/features/auth/routes/register')).RegisterRoute }),
      },
      {
        path: 'account',
        lazy: async () => ({ Component: (await import('@/features/account/routes/account')).AccountRoute }),
      },
      { path: '*', Component: NotFoundRoute },
    ],
  },
]);
