import { QueryView } from '@/components/status';
import { usePageTitle } from '@/lib/page-title';
import { useAvailability } from '../api/availability';
import { HoursForm } from '../components/hours-form';
import { TimeOff } from '../components/time-off';

export function HoursRoute() {
  usePageTitle('Your hours');
  const availability = useAvailability();
  return (
    <section>
      <h1>Your hours</h1>
      <p className="muted">Clients can book the open times inside these hours, in their own time zone.</p>
      <QueryView query={availability} loading="Loading your hours…">
        {(data) => (
          <>
            <HoursForm availability={data} />
            <TimeOff timeZone={data.timezone} />
          </>
        )}
      </QueryView>
    </section>
  );
}
