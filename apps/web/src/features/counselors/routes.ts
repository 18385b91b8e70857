import type { RouteObject } from 'react-router';
import { SearchRoute } from './routes/search';

export const counselorDirectoryRoutes: RouteObject[] = [
  // The home page ships with the app itself: most visits start here, and a lazy chunk would cost a round trip.
  { index: true, Component: SearchRoute },
  { path: 'counselors/:id', lazy: async () => ({ Component: (await import('./routes/counselor')).CounselorRoute }) },
];
