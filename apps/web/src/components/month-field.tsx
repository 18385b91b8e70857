import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { istMonth } from '@/lib/ist';

/** The IST month a page shows, kept in the URL (`?period=YYYY-MM`); this month unless chosen. */
export function usePeriodParam(): [string, (period: string) => void] {
  const [params, setParams] = useSearchParams();
  return [params.get('period') ?? istMonth(), (period) => setParams({ period })];
}

export function MonthField({ period, onChange }: { period: string; onChange: (period: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Month (IST)</label>
      <input
        id={id}
        type="month"
        value={period}
        onChange={(event) => event.target.value && onChange(event.target.value)}
      />
    </div>
  );
}
