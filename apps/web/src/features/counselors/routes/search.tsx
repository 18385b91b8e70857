import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Empty, QueryView } from '@/components/status';
import { usePageTitle } from '@/lib/page-title';
import { timeZoneLabel, viewerTimeZone } from '@/lib/format';
import { useCounselorSearch } from '../api/counselors';
import { CounselorCard } from '../components/counselor-card';
import { SearchFilters } from '../components/search-filters';
import { formFromParams, paramsFromForm, queryFromForm } from '../utils/search-params';

export function SearchRoute() {
  usePageTitle('Find a counselor');
  const [params, setParams] = useSearchParams();
  const form = useMemo(() => formFromParams(params), [params]);
  const query = useMemo(() => queryFromForm(form), [form]);
  const results = useCounselorSearch(query);
  const timeZone = viewerTimeZone();

  return (
    <>
      <section className="hero">
        <h1>Talk to someone who listens</h1>
        <p>RCI-registered counselors across India, by video, phone or chat. Prices in ₹, times in your zone.</p>
      </section>
      <SearchFilters initial={form} onSearch={(next) => setParams(paramsFromForm(next))} />
      <section aria-labelledby="results-heading" aria-busy={results.isFetching}>
        <h2 id="results-heading" className="results-heading">
          {results.data
            ? `${results.data.total}${results.data.totalExact ? '' : '+'} counselor${results.data.total === 1 && results.data.totalExact ? '' : 's'}`
            : 'Counselors'}
        </h2>
        <p className="zone-note">Times in {timeZoneLabel(timeZone)}</p>
        <QueryView query={results} loading="Finding counselors…">
          {(data) =>
            data.items.length === 0 ? (
              <Empty>No counselor matches these filters. Try fewer filters or other dates.</Empty>
            ) : (
              <ul className="results">
                {data.items.map((counselor) => (
                  <li key={counselor.id}>
                    <CounselorCard counselor={counselor} timeZone={timeZone} />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
    </>
  );
}
