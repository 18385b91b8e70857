import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CrisisNote } from '@/components/crisis-line';
import { SlotPicker } from '@/components/slot-picker';
import { ErrorNotice, Loading } from '@/components/status';
import { formatRupees, viewerTimeZone } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { useCounselor } from '@/lib/api/counselors';
import { BookAction } from '../components/book-action';
import { Rating } from '../components/rating';
import { Reviews } from '../components/reviews';

const MODE_LABELS = { video: 'Video', audio: 'Phone', chat: 'Chat' } as const;

export function CounselorRoute() {
  const { id = '' } = useParams();
  const counselor = useCounselor(id);
  const [offeringId, setOfferingId] = useState<string | null>(null);
  usePageTitle(counselor.data?.displayName ?? 'Counselor');
  const timeZone = viewerTimeZone();

  if (counselor.isPending) return <Loading label="Loading profile…" />;
  if (counselor.isError)
    return (
      <>
        <h1>Counselor</h1>
        <ErrorNotice error={counselor.error} onRetry={() => void counselor.refetch()} />
        <p>
          <Link to="/">Back to search</Link>
        </p>
      </>
    );

  const c = counselor.data;
  const offering = c.offerings.find((o) => o.id === offeringId) ?? c.offerings[0];
  return (
    <article className="profile">
      <p>
        <Link to="/">← All counselors</Link>
      </p>
      <h1>{c.displayName}</h1>
      <Rating rating={c.rating} count={c.reviewCount} />
      <p className="muted">
        {c.yearsExperience} years of experience · Registered with {c.registration.body} · Speaks{' '}
        {c.languages.map((l) => l.toUpperCase()).join(', ')}
      </p>
      <ul className="tags" aria-label="Specialties">
        {c.specialties.map((s) => (
          <li key={s}>{s.replace(/-/g, ' ')}</li>
        ))}
      </ul>
      <p className="bio">{c.bio}</p>
      {c.qualifications.length > 0 && <p className="muted">Qualifications: {c.qualifications.join('; ')}</p>}

      <section aria-labelledby="offerings-heading">
        <h2 id="offerings-heading">Sessions</h2>
        {c.offerings.length === 0 || !offering ? (
          <p className="muted">This counselor has no sessions open for booking yet.</p>
        ) : (
          <>
            <fieldset className="offerings">
              <legend className="visually-hidden">Choose a session</legend>
              {c.offerings.map((o) => (
                <label key={o.id} className="offering">
                  <input
                    type="radio"
                    name="offering"
                    value={o.id}
                    checked={o.id === offering.id}
                    onChange={() => setOfferingId(o.id)}
                  />
                  <span className="offering-title">{o.title}</span>
                  <span className="muted">
                    {MODE_LABELS[o.mode]} · {o.durationMinutes} min
                  </span>
                  <span className="price">{o.pricePaise === 0 ? 'Free' : formatRupees(o.pricePaise)}</span>
                </label>
              ))}
            </fieldset>
            <SlotPicker
              key={offering.id}
              counselorId={c.id}
              offering={offering}
              timeZone={timeZone}
              action={(chosen) => <BookAction counselorId={c.id} offering={offering} chosen={chosen} />}
            />
            <CrisisNote />
          </>
        )}
      </section>
      <Reviews counselorId={c.id} />
    </article>
  );
}
