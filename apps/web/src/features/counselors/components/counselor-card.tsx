import { Link } from 'react-router';
import { formatDay, formatRupees, formatTime } from '@/lib/format';
import type { Counselor } from '@/lib/api/counselors';
import { Rating } from './rating';

export function CounselorCard({ counselor, timeZone }: { counselor: Counselor; timeZone: string }) {
  const cheapest = counselor.offerings.reduce<number | null>(
    (min, offering) => (min === null || offering.pricePaise < min ? offering.pricePaise : min),
    null,
  );
  return (
    <article className="card counselor-card">
      <h2 className="card-title">
        <Link to={`/counselors/${counselor.id}`}>{counselor.displayName}</Link>
      </h2>
      <p className="muted">
        {counselor.yearsExperience} years · {counselor.languages.map((l) => l.toUpperCase()).join(', ')}
      </p>
      <Rating rating={counselor.rating} count={counselor.reviewCount} />
      <ul className="tags" aria-label="Specialties">
        {counselor.specialties.map((s) => (
          <li key={s}>{s.replace(/-/g, ' ')}</li>
        ))}
      </ul>
      <p className="card-meta">
        {cheapest !== null && (
          <span>{cheapest === 0 ? 'Free session available' : `From ${formatRupees(cheapest)}`}</span>
        )}
        {counselor.nextAvailableAt && (
          <span>
            Next free: {formatDay(counselor.nextAvailableAt, timeZone)},{' '}
            {formatTime(counselor.nextAvailableAt, timeZone)}
          </span>
        )}
      </p>
    </article>
  );
}
