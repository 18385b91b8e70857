import { type FormEvent, useId, useState } from 'react';
import { RequireRole } from '@/components/require-role';
import { Empty, QueryView } from '@/components/status';
import { ApiError } from '@/lib/api/client';
import { formatRupees } from '@/lib/format';
import { useMe } from '@/lib/auth';
import { usePageTitle } from '@/lib/page-title';
import { type Payout, usePayouts, useRecordPayout } from '../api/finance';
import { MonthField, usePeriodParam } from '@/components/month-field';
import { FinanceNav } from '../components/finance-nav';
import { type Column, MoneyTable } from '../components/money-table';
import { parseRupees } from '../utils/rupees';

const COLUMNS: Column<Payout>[] = [
  { header: 'Counselor', cell: (row) => row.counselorId },
  { header: 'Gross', cell: (row) => formatRupees(row.grossPaise), numeric: true },
  { header: 'Refunds', cell: (row) => formatRupees(row.refundsPaise), numeric: true },
  { header: 'Commission', cell: (row) => formatRupees(row.commissionPaise), numeric: true },
  { header: 'Net', cell: (row) => formatRupees(row.netPaise), numeric: true },
  { header: 'Paid out', cell: (row) => formatRupees(row.paidOutPaise), numeric: true },
  { header: 'Owed', cell: (row) => formatRupees(row.owedPaise), numeric: true },
];

/** What each counselor is owed for an IST month; finance records a bank transfer against it. */
export function PayoutsRoute() {
  usePageTitle('Payouts');
  return (
    <RequireRole role={['finance', 'admin']}>
      <h1>Counselor payouts</h1>
      <FinanceNav />
      <Payouts />
    </RequireRole>
  );
}

function Payouts() {
  const [period, setPeriod] = usePeriodParam();
  const payouts = usePayouts(period);
  const isFinance = useMe().data?.roles.includes('finance') ?? false;
  return (
    <>
      <MonthField period={period} onChange={setPeriod} />
      <QueryView query={payouts}>
        {(data) =>
          data.length === 0 ? (
            <Empty>No counselor earned anything in this month.</Empty>
          ) : (
            <>
              <MoneyTable
                caption={`Payouts for ${period}`}
                columns={COLUMNS}
                rows={data}
                rowKey={(row) => row.counselorId}
              />
              {isFinance && <RecordPayout period={period} rows={data} />}
            </>
          )
        }
      </QueryView>
    </>
  );
}

function RecordPayout({ period, rows }: { period: string; rows: Payout[] }) {
  const id = useId();
  const record = useRecordPayout();
  const [error, setError] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const owed = rows.filter((row) => row.owedPaise > 0);
  if (owed.length === 0) return <Empty>Nothing is owed for this month.</Empty>;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setRecorded(null);
    const form = new FormData(event.currentTarget);
    const amountPaise = parseRupees(String(form.get('amount')));
    if (amountPaise === null || amountPaise < 1) {
      setError('Enter the amount in rupees, such as 1234.50');
      return;
    }
    try {
      const payout = await record.mutateAsync({
        counselorId: String(form.get('counselorId')),
        period,
        amountPaise,
        reference: String(form.get('reference')).trim(),
      });
      setRecorded(`Recorded ${formatRupees(payout.amountPaise)} (reference ${payout.reference}).`);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Could not reach Haven.');
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="search-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Record a payout</h2>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor={`${id}-counselor`}>Counselor</label>
          <select id={`${id}-counselor`} name="counselorId">
            {owed.map((row) => (
              <option key={row.counselorId} value={row.counselorId}>
                {row.counselorId} (owed {formatRupees(row.owedPaise)})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-amount`}>Amount (₹)</label>
          <input id={`${id}-amount`} name="amount" inputMode="decimal" required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reference`}>Bank reference (UTR)</label>
          <input id={`${id}-reference`} name="reference" required minLength={4} maxLength={64} />
        </div>
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {recorded && (
        <p className="notice" role="status">
          {recorded}
        </p>
      )}
      <div className="search-actions">
        <button type="submit" className="button" disabled={record.isPending}>
          Record payout
        </button>
      </div>
    </form>
  );
}
