import { describe, expect, it } from 'vitest';
import { gridRuns, mergeRuns } from './open-runs';

const H = 3_600_000;

describe('open runs', () => {
  it('joins starts one step apart and splits at every gap', () => {
    // 09, 10, 11 | (12 booked) | 13, 14 | (lunch) | 17
    expect(gridRuns([9 * H, 10 * H, 11 * H, 13 * H, 14 * H, 17 * H], H)).toEqual([
      [9 * H, 11 * H],
      [13 * H, 14 * H],
      [17 * H, 17 * H],
    ]);
    expect(gridRuns([], H)).toEqual([]);
  });

  it('merges the runs of several grids where they overlap or touch, keeping separate ones apart', () => {
    const hourly = gridRuns([9 * H, 10 * H, 11 * H], H);
    const halfHourly = gridRuns([11 * H, 11.5 * H, 12 * H, 16 * H], H / 2);
    expect(mergeRuns([...halfHourly, ...hourly])).toEqual([
      [9 * H, 12 * H],
      [16 * H, 16 * H],
    ]);
  });
});
