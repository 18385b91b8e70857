export function Rating({ rating, count }: { rating: number; count: number }) {
  if (count === 0) return <p className="muted">No reviews yet</p>;
  return (
    <p className="rating">
      <span aria-hidden="true">★</span> {rating.toFixed(1)} of 5{' '}
      <span className="muted">
        ({count} review{count === 1 ? '' : 's'})
      </span>
    </p>
  );
}
