type Role = 'counselor' | 'finance' | 'admin';

/** Who sees a link: anyone, signed-in people, or holders of any of the listed roles. */
export type NavAudience = 'anyone' | 'signed-in' | Role[];

export interface NavItem {
  to: string;
  label: string;
  audience: NavAudience;
  /** Active only on exactly this path (not its children). */
  end?: boolean;
}

// One line per feature; the header shows the ones the viewer may use, in this order.
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Find a counselor', audience: 'anyone', end: true },
  { to: '/bookings', label: 'My bookings', audience: 'signed-in' },
  { to: '/counselor', label: 'My practice', audience: ['counselor'] },
  { to: '/earnings', label: 'Earnings', audience: ['counselor'] },
  { to: '/admin', label: 'Admin', audience: ['admin'] },
  { to: '/finance', label: 'Finance', audience: ['finance', 'admin'] },
  { to: '/account', label: 'Account', audience: 'signed-in' },
];
