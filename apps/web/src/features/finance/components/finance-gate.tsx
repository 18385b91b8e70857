import type { ReactNode } from 'react';
import { ErrorNotice, Loading } from '@/components/status';
import { useMe } from '@/lib/auth';

type Role = 'client' | 'counselor' | 'finance' | 'admin';

/** Shows `children` to a user holding one of `roles` (the router has made sure someone is signed in). */
export function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data.roles.some((role) => roles.includes(role))) {
    return (
      <p className="notice notice-error" role="alert">
        This page is for {roles.join(' or ')} users.
      </p>
    );
  }
  return <>{children}</>;
}
