import { Empty, QueryView } from '@/components/status';
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
      <QueryView query={offerings} loading="Loading your offerings…">
        {(data) =>
          data.length === 0 ? (
            <Empty>You have no offerings yet. Publish one below so clients can book you.</Empty>
          ) : (
            <ul className="stack wide">
              {data.map((offering) => (
                <li key={offering.id}>
                  <OfferingItem offering={offering} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <NewOfferingForm />
    </section>
  );
}
