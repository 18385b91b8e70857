/** Closed runs of epoch milliseconds as a PostgreSQL `tstzmultirange` literal. */
export function openStartsLiteral(runs: readonly [number, number][]): string {
  const ranges = runs
    .filter(([first, last]) => Number.isFinite(first) && Number.isFinite(last) && last >= first)
    .map(([first, last]) => `["${new Date(first).toISOString()}","${new Date(last).toISOString()}"]`);
  return `{${ranges.join(',')}}`;
}
