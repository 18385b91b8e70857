import { Link, Outlet } from 'react-router';
import { RequireRole } from '@/components/require-role';
import { SubNav } from '@/components/sub-nav';
import '../portal.css';

const LINKS = [
  { to: '/counselor', text: 'Sessions', end: true },
  { to: '/counselor/hours', text: 'Hours' },
  { to: '/counselor/offerings', text: 'Offerings' },
  { to: '/counselor/profile', text: 'Profile' },
];

/** The counselor's work area: only for approved counselors; anyone else is pointed to the application. */
export function PortalLayout() {
  return (
    <RequireRole role="counselor" fallback={<NotACounselor />}>
      <SubNav label="My practice" links={LINKS} />
      <Outlet />
    </RequireRole>
  );
}

function NotACounselor() {
  return (
    <section className="narrow">
      <h1>Not available to you</h1>
      <p>These pages are for approved counselors.</p>
      <p>
        Are you a registered counselor? <Link to="/counselor/apply">Apply to counsel on Haven</Link> or check how your
        application is going.
      </p>
    </section>
  );
}
