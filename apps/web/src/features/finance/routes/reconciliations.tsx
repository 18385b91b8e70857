import { type FormEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '@/components/require-role';
import { Empty, ErrorNotice, Loading } from '@/components/status';
import { ApiError } from '@/lib/api/client';
import { formatRupees } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { formatIst, istDate, istMidnight, nextDate } from '@/lib/ist';
import {
  downloadReconciliationCsv,
  type Reconciliation,
  useReconciliation,
  useReconciliations,
  useStartReconciliation,
} from '../api/finance';
import { FinanceNav } from '../components/finance-nav';
import { type Column, MoneyTable } from '../components/money-table';

type Item = Reconciliation['items'][number];

const SUMMARY_LABELS: [keyof Reconciliation['summary'], string][] = [
  ['matched', 'Matched'],
  ['amountMismatch', 'Amount differs'],
  ['missingAtProvider', 'Missing at Razorpay'],
  ['missingInLedger', 'Missing in the ledger'],
  ['statusMismatch', 'Status differs'],
];

const amount = (value?: number) => (value === undefined ? '—' : formatRupees(value));

const ITEM_COLUMNS: Column<Item>[] = [
  { header: 'Kind', cell: (item) => item.kind },
  { header: 'Payment', cell: (item) => item.paymentId ?? '—' },
  { header: 'Refund', cell: (item) => item.refundId ?? '—' },
  { header: 'Ledger', cell: (item) => amount(item.ledgerPaise), numeric: true },
  { header: 'Razorpay', cell: (item) => amount(item.providerPaise), numeric: true },
  { header: 'Note', cell: (item) => item.note },
];

/** Run a reconciliation of IST dates, watch it finish, read its discrepancies, download the CSV. */
export function ReconciliationsRoute() {
  usePageTitle('Reconciliation');
  return (
    <RequireRole role={['finance', 'admin']}>
      <h1>Reconciliation with Razorpay</h1>
      <FinanceNav />
      <Reconciliations />
    </RequireRole>
  );
}

function Reconciliations() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const selected = params.get('id') ?? undefined;
  const start = useStartReconciliation();
  const today = istDate();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = String(form.get('from'));
    const to = String(form.get('to'));
    const started = await start
      .mutateAsync({ from: istMidnight(from), to: istMidnight(nextDate(to)) })
      .catch(() => null);
    if (started) setParams({ id: started.id });
  };

  return (
    <>
      <form onSubmit={(event) => void onSubmit(event)} className="search-form" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Run a reconciliation</h2>
        <p className="hint">Every captured payment and refund of the period is matched against Razorpay’s records.</p>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor={`${id}-from`}>From (IST date)</label>
            <input id={`${id}-from`} name="from" type="date" defaultValue={today} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To (IST date, included)</label>
            <input id={`${id}-to`} name="to" type="date" defaultValue={today} required />
          </div>
        </div>
        {start.isError && (
          <p className="notice notice-error" role="alert">
            {start.error instanceof ApiError ? start.error.message : 'Could not reach Haven.'}
          </p>
        )}
        <div className="search-actions">
          <button type="submit" className="button" disabled={start.isPending}>
            Run reconciliation
          </button>
        </div>
      </form>
      {selected && <ReconciliationReport id={selected} />}
      <PastRuns />
    </>
  );
}

function ReconciliationReport({ id }: { id: string }) {
  const report = useReconciliation(id);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />;
  const run = report.data;
  return (
    <section aria-labelledby="report-title" className="card">
      <h2 id="report-title">
        {formatIst(run.from)} – {formatIst(run.to)}
      </h2>
      <p role="status" aria-live="polite">
        Status: <strong>{run.status}</strong>
        {run.error ? ` (${run.error})` : ''}
      </p>
      {run.status !== 'running' && (
        <>
          <dl className="card-meta">
            {SUMMARY_LABELS.map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{run.summary[key]}</dd>
              </div>
            ))}
          </dl>
          {run.items.length === 0 ? (
            <Empty>Everything matches.</Empty>
          ) : (
            <MoneyTable
              caption="Discrepancies"
              columns={ITEM_COLUMNS}
              rows={run.items}
              rowKey={(item) => `${item.kind}-${item.paymentId ?? ''}-${item.refundId ?? ''}-${item.note}`}
            />
          )}
          <div className="search-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setDownloadError(null);
                downloadReconciliationCsv(run.id).catch((error: Error) => setDownloadError(error.message));
              }}
            >
              Download CSV
            </button>
          </div>
          {downloadError && (
            <p className="notice notice-error" role="alert">
              {downloadError}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function PastRuns() {
  const runs = useReconciliations();
  if (runs.isPending) return <Loading />;
  if (runs.isError) return <ErrorNotice error={runs.error} onRetry={() => void runs.refetch()} />;
  if (runs.data.items.length === 0) return <Empty>No reconciliation has run yet.</Empty>;
  return (
    <section aria-labelledby="past-runs">
      <h2 id="past-runs">Recent runs</h2>
      <ul className="results">
        {runs.data.items.map((run) => (
          <li key={run.id}>
            <Link to={`?id=${run.id}`}>
              {formatIst(run.from)} – {formatIst(run.to)}
            </Link>{' '}
            <span className="muted">
              {run.trigger}, {run.status}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
