import { useId, useState } from 'react';
import { FormError, SubmitButton } from '@/components/field';
import { ApiError } from '@/lib/api/client';
import { useReviewBooking } from '../api/bookings';

/** A review of a completed session: 1–5 stars and an optional comment, once. */
export function ReviewForm({ bookingId }: { bookingId: string }) {
  const id = useId();
  const review = useReviewBooking(bookingId);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missingRating, setMissingRating] = useState(false);

  if (review.isSuccess) return <p role="status">Thank you for your review.</p>;
  const alreadyReviewed = review.error instanceof ApiError && review.error.status === 409;
  if (alreadyReviewed) return <p role="status">You have reviewed this session already. Thank you.</p>;

  return (
    <form
      noValidate
      className="panel"
      onSubmit={(event) => {
        event.preventDefault();
        if (rating === null) {
          setMissingRating(true);
          return;
        }
        review.mutate({ rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      }}
    >
      <h2>How was your session?</h2>
      {review.isError && (
        <FormError
          message={review.error instanceof ApiError ? review.error.message : 'Could not reach Haven. Please try again.'}
        />
      )}
      <fieldset
        className="stars"
        aria-invalid={missingRating || undefined}
        aria-describedby={missingRating ? `${id}-rating-error` : undefined}
      >
        <legend>Rating</legend>
        {[1, 2, 3, 4, 5].map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-rating`}
              value={value}
              checked={rating === value}
              onChange={() => {
                setRating(value);
                setMissingRating(false);
              }}
            />
            {value} {value === 1 ? 'star' : 'stars'}
          </label>
        ))}
        {missingRating && (
          <p id={`${id}-rating-error`} className="field-error">
            Choose a rating from 1 to 5 stars.
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-comment`}>Comment (optional; shown with your first name)</label>
        <textarea id={`${id}-comment`} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <SubmitButton busy={review.isPending} busyLabel="Sending…">
        Send review
      </SubmitButton>
    </form>
  );
}
