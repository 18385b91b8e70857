import { waitFor } from '@haven/testing';
import { deleteRedisKeys } from '@haven/testing/infrastructure';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { KeptJobScheduler } from './kept-job-scheduler';

const SPEC = { id: 'sweep', repeat: { every: 60_000 }, template: { name: 'sweep' } };

describe('KeptJobScheduler', () => {
  const queues: Queue[] = [];
  const keepers: KeptJobScheduler[] = [];
  afterEach(async () => {
    keepers.splice(0).forEach((keeper) => keeper.stop());
    await Promise.all(queues.splice(0).map((queue) => queue.close()));
  });

  function queueOnPrefix(url: string, prefix: string): Queue {
    const queue = new Queue('jobs', { connection: { url, maxRetriesPerRequest: 1 }, prefix });
    queue.on('error', () => undefined);
    queues.push(queue);
    return queue;
  }

  it('puts the scheduler back, with a job to run, after Redis forgot everything', async () => {
    const prefix = `${inject('redisPrefix')}:kept-${randomBytes(3).toString('hex')}`;
    const queue = queueOnPrefix(inject('redisUrl'), prefix);
    // Counted, not replaced: a read right after the deletion could already see the keeper's repair.
    const upserts = vi.spyOn(queue, 'upsertJobScheduler');
    const keeper = new KeptJobScheduler(queue, SPEC, undefined, 100);
    keepers.push(keeper);
    keeper.start();
    await waitFor(() => queue.getJobScheduler('sweep'), { what: 'the scheduler' });
    expect(upserts).toHaveBeenCalledTimes(1);

    await deleteRedisKeys(inject('redisUrl'), prefix);

    await waitFor(() => (upserts.mock.calls.length === 2 ? true : undefined), {
      what: 'the scheduler upserted again',
      timeoutMs: 5000,
    });
    expect(await queue.getJobScheduler('sweep')).toBeDefined();
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.map((job) => job.name)).toContain('sweep');
  });

  it('leaves an existing scheduler alone: two replicas checking create one', async () => {
    const prefix = `${inject('redisPrefix')}:kept-${randomBytes(3).toString('hex')}`;
    const first = new KeptJobScheduler(queueOnPrefix(inject('redisUrl'), prefix), SPEC);
    const second = new KeptJobScheduler(queueOnPrefix(inject('redisUrl'), prefix), SPEC);
    expect(await first.check()).toBe(true);
    expect(await second.check()).toBe(false);
    expect(await first.check()).toBe(false);
    expect(await queues[0].getJobSchedulersCount()).toBe(1);
  });
});
