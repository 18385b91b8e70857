import { Link } from 'react-router';
import { QueryView } from '@/components/status';
import { useMe } from '@/lib/auth';
import { usePageTitle } from '@/lib/page-title';
import { AccountForm } from '../components/account-form';

export function AccountRoute() {
  usePageTitle('Your account');
  const me = useMe();

  return (
    <section className="narrow">
      <h1>Your account</h1>
      <QueryView query={me}>
        {(data) => (
          <>
            <p className="muted">Signed in as {data.email}</p>
            <AccountForm user={data} />
          </>
        )}
      </QueryView>
      <h2>More</h2>
      <ul className="link-list">
        <li>
          <Link to="/bookings">My bookings and receipts</Link>
        </li>
        <li>
          <Link to="/notifications/preferences">Notification settings</Link>
        </li>
        <li>
          <Link to="/forgot-password">Change your password</Link> (we e-mail you a link)
        </li>
      </ul>
    </section>
  );
}
