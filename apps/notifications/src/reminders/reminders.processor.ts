import { InjectQueue, Processor } from '@nestjs/bullmq';
import { KeptJobScheduler } from '@haven/infrastructure';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DrainingWorkerHost } from '../channels/draining-worker-host';
import { Dispatcher, REQUEUE_AFTER_SECONDS } from '../delivery/dispatcher';
import { REMINDERS_QUEUE, WORKER_OPTIONS } from '../delivery/queues';
import type { ReminderKey } from './reminder-schedule';
import { REMINDER_JOB, RemindersService, SWEEP_JOB } from './reminders.service';

const SWEEP_EVERY_MS = 5 * 60_000;
export const REMINDER_SWEEP_SCHEDULER = 'reminder-sweep';
const DELIVERY_SWEEP_EVERY_MS = REQUEUE_AFTER_SECONDS * 1000;
export const DELIVERY_SWEEP_SCHEDULER = 'delivery-sweep';
export const DELIVERY_SWEEP_JOB = 'delivery-sweep';

/**
 * Fires due reminders and, on one replica at a time, repairs what a lost Redis forgot: every few
 * minutes the missing reminders, every half minute the deliveries decided but never sent.
 */
@Processor(REMINDERS_QUEUE, { ...WORKER_OPTIONS, concurrency: 5 })
export class RemindersProcessor extends DrainingWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RemindersProcessor.name);
  private schedulers: KeptJobScheduler[] = [];

  constructor(
    private readonly reminders: RemindersService,
    private readonly dispatcher: Dispatcher,
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // One scheduler id each across replicas, kept in place after a Redis restart (which forgets them).
    this.schedulers = [
      { id: REMINDER_SWEEP_SCHEDULER, repeat: { every: SWEEP_EVERY_MS }, template: { name: SWEEP_JOB } },
      {
        id: DELIVERY_SWEEP_SCHEDULER,
        repeat: { every: DELIVERY_SWEEP_EVERY_MS },
        template: { name: DELIVERY_SWEEP_JOB },
      },
    ].map(
      (spec) =>
        new KeptJobScheduler(this.queue, spec, (error) =>
          this.logger.warn({ scheduler: spec.id, error: error.message }, 'sweep not scheduled yet; will retry'),
        ),
    );
    this.schedulers.forEach((scheduler) => scheduler.start());
  }

  onApplicationShutdown(): void {
    this.schedulers.forEach((scheduler) => scheduler.stop());
  }

  async process(job: Job<ReminderKey>): Promise<string | number> {
    if (job.name === SWEEP_JOB) {
      const added = await this.reminders.sweep();
      this.logger.log({ reminders: added }, 'reminder sweep: upcoming reminders ensured');
      return added;
    }
    if (job.name === DELIVERY_SWEEP_JOB) {
      const requeued = await this.dispatcher.requeueUnsent();
      if (requeued > 0) this.logger.warn({ deliveries: requeued }, 'delivery sweep: unsent deliveries queued again');
      return requeued;
    }
    if (job.name === REMINDER_JOB) return this.reminders.fire(job.data, job.id!);
    return 'unknown job';
  }
}
