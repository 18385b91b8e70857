import { RequireRole } from '@/components/require-role';
import { QueryView } from '@/components/status';
import { formatRupees } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { MonthField, usePeriodParam } from '@/components/month-field';
import { useEarnings } from '../api/earnings';

/** The counselor's money for an IST month: gross, the platform's commission, refunds, net, paid out. */
export function EarningsRoute() {
  usePageTitle('Earnings');
  return (
    <RequireRole role="counselor">
      <section className="narrow">
        <h1>Your earnings</h1>
        <Earnings />
      </section>
    </RequireRole>
  );
}

function Earnings() {
  const [period, setPeriod] = usePeriodParam();
  const earnings = useEarnings(period);
  return (
    <>
      <MonthField period={period} onChange={setPeriod} />
      <QueryView query={earnings}>
        {(data) => (
          <dl className="card">
            <dt>Paid sessions</dt>
            <dd>{data.sessions}</dd>
            <dt>Gross</dt>
            <dd>{formatRupees(data.grossPaise)}</dd>
            <dt>Refunds</dt>
            <dd>{formatRupees(data.refundsPaise)}</dd>
            <dt>Platform commission (20 % of what is kept)</dt>
            <dd>{formatRupees(data.commissionPaise)}</dd>
            <dt>Net payable</dt>
            <dd>{formatRupees(data.netPaise)}</dd>
            <dt>Paid out</dt>
            <dd>{formatRupees(data.paidOutPaise)}</dd>
          </dl>
        )}
      </QueryView>
    </>
  );
}
