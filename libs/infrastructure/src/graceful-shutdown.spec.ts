import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { gracefulShutdownHandler } from './graceful-shutdown';

function harness(stop: () => Promise<void>, boundMs = 200) {
  const exits: number[] = [];
  const lines: string[] = [];
  let stops = 0;
  const handler = gracefulShutdownHandler(
    () => {
      stops += 1;
      return stop();
    },
    { boundMs, exit: (code) => exits.push(code), log: (line) => lines.push(line) },
  );
  return { handler, exits, lines, stops: () => stops };
}

describe('graceful shutdown on SIGTERM', () => {
  it('stops once, however many signals arrive, then exits 0', async () => {
    const run = harness(() => sleep(20));
    run.handler('SIGTERM');
    run.handler('SIGTERM');
    run.handler('SIGINT');
    await sleep(60);
    expect(run.stops()).toBe(1);
    expect(run.exits).toEqual([0]);
    expect(run.lines[0]).toMatch(/^SIGTERM: stopping gracefully/);
  });

  it('exits 1 when stopping outlives its bound, instead of hanging', async () => {
    const run = harness(() => new Promise<void>(() => undefined), 50);
    run.handler('SIGTERM');
    await sleep(120);
    expect(run.exits).toEqual([1]);
    expect(run.lines.at(-1)).toMatch(/still stopping after 50 ms/);
  });

  it('exits 1 when stopping fails, saying why', async () => {
    const run = harness(() => Promise.reject(new Error('the database went away')));
    run.handler('SIGTERM');
    await sleep(20);
    expect(run.exits).toEqual([1]);
    expect(run.lines.at(-1)).toBe('stopping failed: the database went away');
  });
});
