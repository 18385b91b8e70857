import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { REMINDERS_QUEUE, WORKER_OPTIONS } from '../delivery/queues';
import type { ReminderKey } from './reminder-schedule';
import { REMINDER_JOB, RemindersService, SWEEP_JOB } from './reminders.service';

const SWEEP_EVERY_MS = 5 * 60_000;

/** Fires due reminders and, every few minutes on one replica, rebuilds the missing ones. */
@Processor(REMINDERS_QUEUE, { ...WORKER_OPTIONS, concurrency: 5 })
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly reminders: RemindersService,
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // One scheduler id across replicas: BullMQ produces one sweep job per interval, whoever upserts it.
    await this.queue.upsertJobScheduler('reminder-sweep', { every: SWEEP_EVERY_MS }, { name: SWEEP_JOB });
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
