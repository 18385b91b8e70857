import type { RouteObject } from 'react-router';

export const authRoutes: RouteObject[] = [
  { path: 'login', lazy: async () => ({ Component: (await import('./routes/login')).LoginRoute }) },
  { path: 'register', lazy: async () => ({ Component: (await import('./routes/register')).RegisterRoute }) },
  {
    path: 'forgot-password',
    lazy: async () => ({ Component: (await import('./routes/forgot-password')).ForgotPasswordRoute }),
  },
  {
    path: 'reset-password',
    lazy: async () => ({ Component: (await import('./routes/reset-password')).ResetPasswordRoute }),
  },
];
