import type { RouteObject } from 'react-router';

export const bookingRoutes: RouteObject[] = [
  { path: 'bookings', lazy: async () => ({ Component: (await import('./routes/my-bookings')).MyBookingsRoute }) },
  { path: 'bookings/:id', lazy: async () => ({ Component: (await import('./routes/booking')).BookingRoute }) },
  {
    path: 'bookings/:id/receipt',
    lazy: async () => ({ Component: (await import('./routes/receipt')).ReceiptRoute }),
  },
];
