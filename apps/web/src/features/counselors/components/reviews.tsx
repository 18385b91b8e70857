import { Empty, QueryView } from '@/components/status';
import { useReviews } from '../api/counselors';

const dateFormat = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'long', year: 'numeric' });

export function Reviews({ counselorId }: { counselorId: string }) {
  const reviews = useReviews(counselorId);
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews</h2>
      <QueryView query={reviews} loading="Loading reviews…">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No reviews yet.</Empty>
          ) : (
            <ul className="reviews">
              {data.items.map((review) => (
                <li key={review.id} className="card">
                  <p className="rating">
                    <span aria-hidden="true">{'★'.repeat(review.rating)}</span>
                    <span className="visually-hidden">{review.rating} of 5</span>
                  </p>
                  {review.comment && <p>{review.comment}</p>}
                  <p className="muted">
                    {review.clientName ?? 'A client'} · {dateFormat.format(new Date(review.createdAt))}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
