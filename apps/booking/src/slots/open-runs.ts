/** A closed run [first, last] of bookable starts, in epoch milliseconds. */
export type OpenRun = [number, number];

/**
 * Starts of one slot grid (sorted) as runs: consecutive starts exactly `stepMs` apart share a run,
 * any gap (a break, a booking, a day off) starts a new one.
 */
export function gridRuns(starts: readonly number[], stepMs: number): OpenRun[] {
  const runs: OpenRun[] = [];
  for (const start of starts) {
    const last = runs[runs.length - 1];
    if (last && start - last[1] === stepMs) last[1] = start;
    else runs.push([start, start]);
  }
  return runs;
}

/**
 * Runs of several grids (one per session length) as one sorted list, overlapping or touching runs
 * merged. Inside a merged run consecutive starts are still at most the largest step apart, so a
 * window at least that long overlaps a run exactly when it contains a start: it either holds an
 * end of the run or lies inside it, where no gap is longer than a step.
 */
export function mergeRuns(runs: readonly OpenRun[]): OpenRun[] {
  const sorted = [...runs].sort((a, b) => a[0] - b[0]);
  const merged: OpenRun[] = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1]) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}
