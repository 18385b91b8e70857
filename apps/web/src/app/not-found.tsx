import { Link } from 'react-router';
import { usePageTitle } from '@/lib/page-title';

export function NotFoundRoute() {
  usePageTitle('Page not found');
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        This page does not exist. <Link to="/">Find a counselor</Link> instead.
      </p>
    </section>
  );
}
