import { Navigate, useLocation } from 'react-router';
import { ErrorNotice, Loading } from '@/components/status';
import { useMe, useSignedIn } from '@/lib/auth';
import { usePageTitle } from '@/lib/page-title';
import { AccountForm } from '../components/account-form';

export function AccountRoute() {
  usePageTitle('Your account');
  const signedIn = useSignedIn();
  const me = useMe();
  const { pathname } = useLocation();

  if (!signedIn) return <Navigate to={`/login?next=${encodeURIComponent(pathname)}`} replace />;
  return (
    <section className="narrow">
      <h1>Your account</h1>
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <>
          <p className="muted">Signed in as {me.data.email}</p>
          <AccountForm user={me.data} />
        </>
      )}
    </section>
  );
}
