import type { CallRecord } from './http';
import type { InvariantResult } from './invariants';
import type { Operation } from './load';

export interface FaultRecord {
  at: number;
  what: string;
  ms: number;
  note: string;
}

export interface Report {
  options: { seed: number; clients: number; counselors: number; durationMs: number; profile: string };
  operations: Map<Operation, number>;
  calls: CallRecord[];
  faults: FaultRecord[];
  results: InvariantResult[];
  bookingStates: { status: string; count: number }[];
  settledInMs: number | undefined;
  /** Mails sent twice because a killed worker had handed one over but not recorded it (same Message-ID). */
  mailsResentAfterCrash: string[];
}

function outcomeClass(outcome: CallRecord['outcome']): string {
  return typeof outcome === 'number' ? `${Math.floor(outcome / 100)}xx` : outcome;
}

/** Rows of cells as one aligned block, the first row a header. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '),
  );
}

/** The one table the chaos run prints: what it did, what it broke, and what held. */
export function renderReport(report: Report): string {
  const { options } = report;
  const lines: string[] = [];
  const rule = '-'.repeat(78);
  lines.push(rule);
  lines.push(
    `Haven chaos run  seed ${options.seed}  ${options.clients} clients  ${options.counselors} counselors  ` +
      `${options.durationMs / 1000} s load  ${options.profile} faults`,
  );
  lines.push(rule);

  const kinds = [...new Set(report.calls.map((call) => call.kind))].sort();
  const classes = ['2xx', '4xx', '5xx', 'refused', 'cut', 'hang'];
  const operationRows = [...report.operations.entries()].sort(([a], [b]) => a.localeCompare(b));
  lines.push('OPERATIONS (client flows started)');
  lines.push(
    ...table([['flow', 'started'], ...operationRows.map(([name, count]) => [name, String(count)])]).map(
      (l) => `  ${l}`,
    ),
  );
  lines.push('HTTP CALLS BY KIND');
  lines.push(
    ...table([
      ['kind', 'calls', ...classes],
      ...kinds.map((kind) => {
        const calls = report.calls.filter((call) => call.kind === kind);
        return [
          kind,
          String(calls.length),
          ...classes.map((c) => String(calls.filter((call) => outcomeClass(call.outcome) === c).length)),
        ];
      }),
    ]).map((l) => `  ${l}`),
  );
  const refusals = new Map<string, number>();
  for (const call of report.calls) {
    if (call.refusal)
      refusals.set(`${call.kind}: ${call.refusal}`, (refusals.get(`${call.kind}: ${call.refusal}`) ?? 0) + 1);
  }
  lines.push('4xx BY REASON (expected refusals: slot taken, too many holds, too late ...)');
  for (const [reason, count] of [...refusals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    lines.push(`  ${String(count).padStart(5)}  ${reason}`);
  }
  lines.push(`BOOKINGS AT THE END  ${report.bookingStates.map((s) => `${s.status} ${s.count}`).join(', ')}`);
  lines.push(rule);
  lines.push(`FAULTS INJECTED (${report.faults.length})`);
  lines.push(
    ...table([
      ['at', 'fault', 'took', 'note'],
      ...report.faults.map((fault) => [
        `+${(fault.at / 1000).toFixed(1)} s`,
        fault.what,
        `${(fault.ms / 1000).toFixed(1)} s`,
        fault.note,
      ]),
    ]).map((l) => `  ${l}`),
  );
  lines.push(
    `  settled ${report.settledInMs === undefined ? 'NOT within the settle time' : `in ${(report.settledInMs / 1000).toFixed(1)} s`} after the load`,
  );
  lines.push(rule);
  lines.push('INVARIANTS');
  lines.push(
    ...table([
      ['invariant', 'checked', 'violations', 'result'],
      ...report.results.map((r) => [
        r.name,
        String(r.checked),
        String(r.violations),
        r.violations === 0 ? 'ok' : 'FAIL',
      ]),
    ]).map((l) => `  ${l}`),
  );
  for (const failed of report.results.filter((r) => r.violations > 0)) {
    for (const example of failed.examples) lines.push(`    ${failed.name}: ${example}`);
  }
  lines.push(
    `  mails resent by a worker killed between the accept and its sent record (at least once, same Message-ID): ` +
      `${report.mailsResentAfterCrash.length}${report.mailsResentAfterCrash.length > 0 ? ` (${report.mailsResentAfterCrash.slice(0, 3).join(', ')})` : ''}`,
  );
  const violations = report.results.reduce((sum, r) => sum + r.violations, 0);
  lines.push(rule);
  lines.push(violations === 0 ? 'RESULT  every invariant held' : `RESULT  ${violations} violation(s)`);
  lines.push(rule);
  return lines.join('\n');
}

export function printReport(report: Report): void {
  process.stdout.write(`${renderReport(report)}\n`);
}
