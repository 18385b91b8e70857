import { Empty, ErrorNotice, Loading } from '@/components/status';
import { usePageTitle } from '@/lib/page-title';
import { useMyOfferings } from '../api/offerings';
import { NewOfferingForm } from '../components/new-offering-form';
import { OfferingItem } from '../components/offering-item';

export function OfferingsRoute() {
  usePageTitle('Your offerings');
  const offerings = useMyOfferings();
  return (
    <section>
      <h1>Your offerings</h1>
      <p className="muted">
        The kinds of session clients can book with you. Hidden ones stay out of search and booking.
      </p>
      {offerings.isPending ? (
        <Loading label="Loading your offerings…" />
      ) : offerings.isError ? (
        <ErrorNotice error={offerings.error} onRetry={() => void offerings.refetch()} />
      ) : offerings.data.length === 0 ? (
        <Empty>You have no offerings yet. Publish one below so clients can book you.</Empty>
      ) : (
        <ul className="stack wide">
          {offerings.data.map((offering) => (
            <li key={offering.id}>
              <OfferingItem offering={offering} />
            </li>
          ))}
        </ul>
      )}
      <NewOfferingForm />
    </section>
  );
}
