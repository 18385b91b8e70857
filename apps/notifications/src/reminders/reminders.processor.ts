import { InjectQueue, Processor } from '@nestjs/bullmq';
import { KeptJobScheduler } from '@haven/common';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DrainingWorkerHost } from '../channels/draining-worker-host';
import { REMINDERS_QUEUE, WORKER_OPTIONS } from '../delivery/queues';
import type { ReminderKey } from './reminder-schedule';
import { REMINDER_JOB, RemindersService, SWEEP_JOB } from './reminders.service';

const SWEEP_EVERY_MS = 5 * 60_000;
export const REMINDER_SWEEP_SCHEDULER = 'reminder-sweep';

/** Fires due reminders and, every few minutes on one replica, rebuilds the missing ones. */
@Processor(REMINDERS_QUEUE, { ...WORKER_OPTIONS, concurrency: 5 })
export class RemindersProcessor extends DrainingWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RemindersProcessor.name);
  private sweepScheduler?: KeptJobScheduler;

  constructor(
    private readonly reminders: RemindersService,
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // One scheduler id across replicas, kept in place after a Redis restart (which forgets it).
    this.sweepScheduler = new KeptJobScheduler(
      this.queue,
      { id: REMINDER_SWEEP_SCHEDULER, repeat: { every: SWEEP_EVERY_MS }, template: { name: SWEEP_JOB } },
      (error) => this.logger.warn({ error: error.message }, 'reminder sweep not scheduled yet; will retry'),
    );
    this.sweepScheduler.start();
  }

  onApplicationShutdown(): void {
    this.sweepScheduler?.stop();
  }

  async process(job: Job<ReminderKey>): Promise<string | number> {
    if (job.name === SWEEP_JOB) {
      const added = await this.reminders.sweep();
      this.logger.log({ reminders: added }, 'reminder sweep: upcoming reminders ensured');
      return added;
    }
    if (job.name === REMINDER_JOB) return this.reminders.fire(job.data, job.id!);
    return 'unknown job';
  }
}
