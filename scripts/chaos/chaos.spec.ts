import { describe, expect, it } from 'vitest';
import { faultPlan } from './faults';
import type { CallRecord } from './http';
import { httpBehaviour, isJobStuck, OUTAGE_GRACE_MS, STUCK_AFTER_DUE_MS } from './invariants';
import { SeededRandom } from './random';

describe('the chaos run', () => {
  it('makes the same choices for the same seed, and others for another', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 20 }, () => random.int(0, 1000));
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('plans every kind of fault inside the load, in order; the short plan one of each', () => {
    const full = faultPlan('full', 120_000, new SeededRandom(1));
    expect(full.map((fault) => fault.kind).sort()).toEqual(
      [
        'rabbitmq-restart',
        'redis-restart',
        'sigkill',
        'sigkill',
        'sigkill',
        'sigkill',
        'sigkill',
        'sigterm',
        'webhook-drop',
      ].sort(),
    );
    expect(new Set(full.filter((f) => f.kind === 'sigkill').map((f) => f.target!.split('#')[0]))).toEqual(
      new Set(['booking', 'accounts', 'directory', 'notifications']),
    );
    expect(full.every((fault, index) => index === 0 || fault.at >= full[index - 1].at)).toBe(true);
    expect(full.every((fault) => fault.at > 0 && fault.at < 120_000)).toBe(true);
    expect(faultPlan('short', 20_000, new SeededRandom(1)).map((fault) => fault.kind)).toEqual([
      'sigkill',
      'rabbitmq-restart',
      'redis-restart',
      'sigterm',
    ]);
  });

  describe('judging queued jobs', () => {
    const now = Date.parse('2026-12-04T15:14:11.000Z');

    it('does not count a job that fell due just before the check as stuck', () => {
      expect(isJobStuck({ timestamp: now - 10 * 60_000, delay: 10 * 60_000 - 2_000 }, 'waiting', now)).toBe(false);
      expect(isJobStuck({ timestamp: now - 5_000 }, 'waiting', now)).toBe(false);
      expect(
        isJobStuck({ timestamp: now - 10 * 60_000, delay: 9 * 60_000, processedOn: now - 3_000 }, 'active', now),
      ).toBe(false);
    });

    it('counts a job due or held by a worker for over a minute as stuck', () => {
      expect(isJobStuck({ timestamp: now - 10 * 60_000, delay: 5 * 60_000 }, 'waiting', now)).toBe(true);
      expect(isJobStuck({ timestamp: now - STUCK_AFTER_DUE_MS - 1 }, 'waiting', now)).toBe(true);
      expect(isJobStuck({ timestamp: now - 10 * 60_000, processedOn: now - 2 * 60_000 }, 'active', now)).toBe(true);
    });

    it('times a retried job from the end of its backoff, and one whose worker died from that attempt', () => {
      // Failed 70 s ago, backoff 32 s: waiting again for 38 s only.
      const retried = { timestamp: now - 10 * 60_000, delay: 32_000, processedOn: now - 70_000, attemptsMade: 6 };
      expect(isJobStuck(retried, 'waiting', now)).toBe(false);
      expect(isJobStuck({ ...retried, processedOn: now - 100_000 }, 'waiting', now)).toBe(true);
      // A reminder delayed 5 minutes whose worker died 70 s ago: its first delay does not count again.
      const orphaned = { timestamp: now - 10 * 60_000, delay: 5 * 60_000, processedOn: now - 70_000, attemptsMade: 0 };
      expect(isJobStuck(orphaned, 'waiting', now)).toBe(true);
    });
  });

  describe('judging HTTP answers', () => {
    const call = (outcome: CallRecord['outcome'], startedAt: number): CallRecord => ({
      kind: 'hold',
      outcome,
      startedAt,
      ms: 10,
      gateway: 0,
    });
    const outage = [{ what: 'RabbitMQ stop_app/start_app', start: 10_000, end: 15_000 }];
    const violations = (calls: CallRecord[]) =>
      Object.fromEntries(httpBehaviour(calls, outage).map((result) => [result.name, result.violations]));

    it('accepts 503 and 504 during an outage and shortly after it', () => {
      expect(
        violations([call(503, 12_000), call(504, 15_000 + OUTAGE_GRACE_MS - 100), call(200, 1000), call(409, 2000)]),
      ).toMatchObject({ 'no 5xx outside outage windows (503/504 inside)': 0 });
    });

    it('counts a 5xx outside any outage, and a 500 even inside one', () => {
      expect(
        violations([call(503, 1000), call(500, 12_000), call(502, 15_000 + OUTAGE_GRACE_MS + 1000)]),
      ).toMatchObject({ 'no 5xx outside outage windows (503/504 inside)': 3 });
    });

    it('counts hangs and cut-off requests; a refused connection (a gateway restarting) is neither', () => {
      expect(violations([call('hang', 1000), call('cut', 2000), call('refused', 3000)])).toMatchObject({
        'no request hangs (answer within 20 s)': 1,
        'no request cut off (graceful gateway stop)': 1,
      });
    });
  });
});
