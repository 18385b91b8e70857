import { Outlet } from 'react-router';
import { RequireRole } from '@/components/require-role';
import { SubNav } from '@/components/sub-nav';

const LINKS = [
  { to: '/admin', text: 'Vetting', end: true },
  { to: '/admin/counselors', text: 'Counselors' },
  { to: '/admin/users', text: 'Users' },
  { to: '/admin/audit-log', text: 'Audit log' },
];

export function AdminLayout() {
  return (
    <RequireRole role="admin">
      <SubNav label="Admin" links={LINKS} />
      <Outlet />
    </RequireRole>
  );
}
