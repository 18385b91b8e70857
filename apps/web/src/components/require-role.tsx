import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ErrorNotice, Loading } from '@/components/status';
import type { components } from '@/lib/api/schema';
import { useMe, useSessionStatus } from '@/lib/auth';

export type Role = components['schemas']['UserDto']['roles'][number];

const ROLE_NAMES: Record<Role, string> = {
  client: 'a signed-in user',
  counselor: 'an approved counselor',
  finance: 'the finance team',
  admin: 'an administrator',
};

/**
 * Renders `children` only for a signed-in user holding `role` (or one of several): signed out, it
 * sends them to sign in and back; with the wrong role it says so plainly instead of showing a page
 * that would fail.
 */
export function RequireRole({
  role,
  fallback,
  children,
}: {
  role: Role | readonly Role[];
  fallback?: ReactNode;
  children: ReactNode;
}) {
  const status = useSessionStatus();
  const me = useMe();
  const { pathname, search } = useLocation();

  if (status === 'restoring') return <Loading label="Signing you in…" />;
  if (status === 'signed-out') return <Navigate to={`/login?next=${encodeURIComponent(pathname + search)}`} replace />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  const roles: readonly Role[] = typeof role === 'string' ? [role] : role;
  if (!me.data.roles.some((held) => roles.includes(held))) return fallback ?? <NotAllowed roles={roles} />;
  return children;
}

function NotAllowed({ roles }: { roles: readonly Role[] }) {
  return (
    <section className="narrow not-allowed" aria-labelledby="not-allowed-heading">
      <h1 id="not-allowed-heading">Not available to you</h1>
      <p>
        This page is only for {roles.map((role) => ROLE_NAMES[role]).join(' or ')}. If you think you should see it, ask
        a Haven administrator to check your account.
      </p>
      <p>
        <Link to="/">Find a counselor</Link> · <Link to="/account">Your account</Link>
      </p>
    </section>
  );
}
