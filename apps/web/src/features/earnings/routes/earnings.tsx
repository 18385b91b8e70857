import { RequireRole } from '@/components/require-role';
import { ErrorNotice, Loading } from '@/components/status';
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
      {earnings.isPending ? (
        <Loading />
      ) : earnings.isError ? (
        <ErrorNotice error={earnings.error} onRetry={() => void earnings.refetch()} />
      ) : (
        <dl className="card">
          <dt>Paid sessions</dt>
          <dd>{earnings.data.sessions}</dd>
          <dt>Gross</dt>
          <dd>{formatRupees(earnings.data.grossPaise)}</dd>
          <dt>Refunds</dt>
          <dd>{formatRupees(earnings.data.refundsPaise)}</dd>
          <dt>Platform commission (20 % of what is kept)</dt>
          <dd>{formatRupees(earnings.data.commissionPaise)}</dd>
          <dt>Net payable</dt>
          <dd>{formatRupees(earnings.data.netPaise)}</dd>
          <dt>Paid out</dt>
          <dd>{formatRupees(earnings.data.paidOutPaise)}</dd>
        </dl>
      )}
    </>
  );
}
