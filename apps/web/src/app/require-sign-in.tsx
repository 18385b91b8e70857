import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '@/components/status';
import { useSessionStatus } from '@/lib/auth';

/** Pages for signed-in people: wait for the session to be restored, else ask to sign in and come back. */
export function RequireSignIn() {
  const status = useSessionStatus();
  const { pathname, search } = useLocation();
  if (status === 'restoring') return <Loading label="Signing you in…" />;
  if (status === 'signed-out') return <Navigate to={`/login?next=${encodeURIComponent(pathname + search)}`} replace />;
  return <Outlet />;
}
