import type { RouteObject } from 'react-router';

export const counselorDirectoryRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./routes/search')).SearchRoute }) },
  { path: 'counselors/:id', lazy: async () => ({ Component: (await import('./routes/counselor')).CounselorRoute }) },
];
