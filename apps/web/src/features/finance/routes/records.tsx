import { type FormEvent, useId } from 'react';
import { useSearchParams } from 'react-router';
import { RequireRole } from '@/components/require-role';
import { Empty, ErrorNotice, Loading } from '@/components/status';
import { formatRupees } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { formatIst, istMidnight, nextDate } from '@/lib/ist';
import { type LedgerEntry, type Payment, type Refund, useLedger, usePayments, useRefunds } from '../api/finance';
import { FinanceNav } from '../components/finance-nav';
import { type Column, MoneyTable, Pager } from '../components/money-table';

const VIEWS = { payments: 'Payments', refunds: 'Refunds', ledger: 'Ledger' } as const;
type View = keyof typeof VIEWS;

const paise = (value: number) => formatRupees(value);

const PAYMENT_COLUMNS: Column<Payment>[] = [
  { header: 'Captured (IST)', cell: (p) => formatIst(p.capturedAt) },
  { header: 'Razorpay payment', cell: (p) => p.razorpayPaymentId },
  { header: 'Amount', cell: (p) => paise(p.amountPaise), numeric: true },
  { header: 'Refunded', cell: (p) => paise(p.refundedPaise), numeric: true },
  { header: 'Status', cell: (p) => p.status.replace('_', ' ') },
  { header: 'Booking', cell: (p) => p.bookingId.slice(0, 8) },
];
const REFUND_COLUMNS: Column<Refund>[] = [
  { header: 'Decided (IST)', cell: (r) => formatIst(r.createdAt) },
  { header: 'Razorpay refund', cell: (r) => r.razorpayRefundId ?? '—' },
  { header: 'Amount', cell: (r) => paise(r.amountPaise), numeric: true },
  { header: 'Status', cell: (r) => r.status },
  { header: 'Reason', cell: (r) => r.reason },
];
const LEDGER_COLUMNS: Column<LedgerEntry>[] = [
  { header: 'At (IST)', cell: (e) => formatIst(e.at) },
  { header: 'Account', cell: (e) => e.account },
  { header: 'Debit', cell: (e) => (e.debitPaise ? paise(e.debitPaise) : ''), numeric: true },
  { header: 'Credit', cell: (e) => (e.creditPaise ? paise(e.creditPaise) : ''), numeric: true },
  { header: 'Memo', cell: (e) => e.memo },
];

/** Payments, refunds and ledger entries by IST dates, status and counselor; the filters live in the URL. */
export function FinanceRecordsRoute() {
  usePageTitle('Payments and ledger');
  return (
    <RequireRole role={['finance', 'admin']}>
      <h1>Payments and ledger</h1>
      <FinanceNav />
      <Records />
    </RequireRole>
  );
}

function Records() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'payments';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const page = Number(params.get('page') ?? '1');
  const range = {
    ...(from ? { from: istMidnight(from) } : {}),
    ...(to ? { to: istMidnight(nextDate(to)) } : {}),
    page,
    limit: 20,
  };
  const status = params.get('status') || undefined;
  const counselorId = params.get('counselorId') || undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const [key, value] of form.entries()) if (typeof value === 'string' && value) next.set(key, value);
    setParams(next);
  };
  const goTo = (nextPage: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(nextPage));
    setParams(next);
  };

  return (
    <>
      <form onSubmit={onSubmit} className="search-form" aria-label="Filters">
        <div className="filter-grid">
          <div className="field">
            <label htmlFor={`${id}-view`}>Show</label>
            <select id={`${id}-view`} name="view" defaultValue={view}>
              {Object.entries(VIEWS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>From (IST date)</label>
            <input id={`${id}-from`} name="from" type="date" defaultValue={from} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To (IST date, included)</label>
            <input id={`${id}-to`} name="to" type="date" defaultValue={to} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>Status</label>
            <select id={`${id}-status`} name="status" defaultValue={status ?? ''}>
              <option value="">Any</option>
              <option value="captured">Captured</option>
              <option value="partially_refunded">Partially refunded</option>
              <option value="refunded">Refunded</option>
              <option value="pending">Refund pending</option>
              <option value="processed">Refund processed</option>
              <option value="failed">Refund failed</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-counselor`}>Counselor id</label>
            <input id={`${id}-counselor`} name="counselorId" defaultValue={counselorId ?? ''} />
          </div>
        </div>
        <div className="search-actions">
          <button type="submit" className="button">
            Show
          </button>
        </div>
      </form>
      {view === 'payments' ? (
        <PaymentsList
          query={{ ...range, status: status as Payment['status'] | undefined, counselorId }}
          onPage={goTo}
        />
      ) : view === 'refunds' ? (
        <RefundsList query={{ ...range, status: status as Refund['status'] | undefined, counselorId }} onPage={goTo} />
      ) : (
        <LedgerList query={range} onPage={goTo} />
      )}
    </>
  );
}

type PageResult<T> = { items: T[]; total: number; page: number; limit: number };

function ListResult<T>({
  result,
  caption,
  columns,
  rowKey,
  onPage,
}: {
  result: { isPending: boolean; isError: boolean; error: unknown; data?: PageResult<T>; refetch: () => unknown };
  caption: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  onPage: (page: number) => void;
}) {
  if (result.isPending) return <Loading />;
  if (result.isError || !result.data) return <ErrorNotice error={result.error} onRetry={() => void result.refetch()} />;
  if (result.data.items.length === 0) return <Empty>Nothing matches these filters.</Empty>;
  return (
    <>
      <MoneyTable caption={caption} columns={columns} rows={result.data.items} rowKey={rowKey} />
      <Pager page={result.data.page} limit={result.data.limit} total={result.data.total} onPage={onPage} />
    </>
  );
}

function PaymentsList({ query, onPage }: { query: Parameters<typeof usePayments>[0]; onPage: (page: number) => void }) {
  return (
    <ListResult
      result={usePayments(query)}
      caption="Captured payments"
      columns={PAYMENT_COLUMNS}
      rowKey={(p) => p.id}
      onPage={onPage}
    />
  );
}

function RefundsList({ query, onPage }: { query: Parameters<typeof useRefunds>[0]; onPage: (page: number) => void }) {
  return (
    <ListResult
      result={useRefunds(query)}
      caption="Refunds"
      columns={REFUND_COLUMNS}
      rowKey={(r) => r.id}
      onPage={onPage}
    />
  );
}

function LedgerList({ query, onPage }: { query: Parameters<typeof useLedger>[0]; onPage: (page: number) => void }) {
  return (
    <ListResult
      result={useLedger(query)}
      caption="Ledger entries"
      columns={LEDGER_COLUMNS}
      rowKey={(e) => e.id}
      onPage={onPage}
    />
  );
}
