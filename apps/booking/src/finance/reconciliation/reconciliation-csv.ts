import { stringify } from 'csv-stringify/sync';
import type { ReconciliationItem } from './reconciliation-matching';

const COLUMNS = [
  'kind',
  'entity',
  'razorpayPaymentId',
  'razorpayRefundId',
  'bookingId',
  'ledgerPaymentId',
  'ledgerRefundId',
  'ledgerPaise',
  'ledgerRupees',
  'providerPaise',
  'providerRupees',
  'ledgerStatus',
  'providerStatus',
  'settlementId',
  'note',
] as const;

/**
 * The report as CSV (RFC 4180: a header row, fields quoted when they need it, CRLF line ends),
 * one row per item, amounts both in paise and in rupees (exact, from integer paise).
 */
export function reconciliationCsv(items: readonly ReconciliationItem[]): string {
  return stringify(
    items.map((item) => [
      item.kind,
      item.entity,
      item.razorpayPaymentId,
      item.razorpayRefundId,
      item.bookingId,
      item.paymentId,
      item.refundId,
      item.ledgerPaise,
      rupees(item.ledgerPaise),
      item.providerPaise,
      rupees(item.providerPaise),
      item.ledgerStatus,
      item.providerStatus,
      item.settlementId,
      item.note,
    ]),
    { header: true, columns: [...COLUMNS], record_delimiter: 'windows' },
  );
}

/** 12345 → "123.45", -5 → "-0.05"; null stays empty. */
export function rupees(paise: number | null): string | null {
  if (paise === null) return null;
  const sign = paise < 0 ? '-' : '';
  const magnitude = Math.abs(paise);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}
