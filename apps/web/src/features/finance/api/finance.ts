import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, paths } from '@/lib/api/schema';

export type Payment = components['schemas']['FinancePaymentDto'];
export type Refund = components['schemas']['FinanceRefundDto'];
export type LedgerEntry = components['schemas']['LedgerEntryDto'];
export type Reconciliation = components['schemas']['ReconciliationDto'];
export type Payout = components['schemas']['PayoutDto'];
export type RecordPayoutInput = components['schemas']['RecordPayoutDto'];
export type PaymentsQuery = NonNullable<paths['/api/v1/finance/payments']['get']['parameters']['query']>;
export type RefundsQuery = NonNullable<paths['/api/v1/finance/refunds']['get']['parameters']['query']>;
export type LedgerQuery = NonNullable<paths['/api/v1/finance/ledger']['get']['parameters']['query']>;

export function usePayments(query: PaymentsQuery) {
  return useQuery({
    queryKey: ['finance', 'payments', query],
    queryFn: () => unwrap(api.GET('/api/v1/finance/payments', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useRefunds(query: RefundsQuery) {
  return useQuery({
    queryKey: ['finance', 'refunds', query],
    queryFn: () => unwrap(api.GET('/api/v1/finance/refunds', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useLedger(query: LedgerQuery) {
  return useQuery({
    queryKey: ['finance', 'ledger', query],
    queryFn: () => unwrap(api.GET('/api/v1/finance/ledger', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useReconciliations() {
  return useQuery({
    queryKey: ['finance', 'reconciliations'],
    queryFn: () => unwrap(api.GET('/api/v1/finance/reconciliations', { params: { query: { limit: 20 } } })),
  });
}

/** One reconciliation, asked again every second while it runs. */
export function useReconciliation(id: string | undefined) {
  return useQuery({
    queryKey: ['finance', 'reconciliations', id],
    queryFn: () => unwrap(api.GET('/api/v1/finance/reconciliations/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1_000 : false),
  });
}

export function useStartReconciliation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { from: string; to: string }) => unwrap(api.POST('/api/v1/finance/reconciliations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['finance', 'reconciliations'] }),
  });
}

/** Fetches the CSV with the session's token and hands it to the browser as a download. */
export async function downloadReconciliationCsv(id: string): Promise<void> {
  const { data, response } = await api.GET('/api/v1/finance/reconciliations/{id}/items.csv', {
    params: { path: { id } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new Error(`The CSV could not be downloaded (${response.status})`);
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename ?? `reconciliation-${id}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function usePayouts(period: string) {
  return useQuery({
    queryKey: ['finance', 'payouts', period],
    queryFn: () => unwrap(api.GET('/api/v1/finance/payouts', { params: { query: { period } } })),
  });
}

export function useRecordPayout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordPayoutInput) => unwrap(api.POST('/api/v1/finance/payouts', { body })),
    onSuccess: (_payout, body) => queryClient.invalidateQueries({ queryKey: ['finance', 'payouts', body.period] }),
  });
}
