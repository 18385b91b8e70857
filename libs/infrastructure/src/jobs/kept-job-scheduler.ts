import type { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';

export interface JobSchedulerSpec {
  /** One id across replicas: BullMQ then produces one job per interval, whoever upserted it. */
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  template: { name: string; data?: unknown; opts?: JobSchedulerTemplateOptions };
}

export const SCHEDULER_CHECK_INTERVAL_MS = 15_000;

/**
 * Keeps a BullMQ job scheduler in place. Upserting it once at boot is not enough: a Redis that
 * restarts without persistence forgets it, and the periodic work it drives (sweeps that rebuild what
 * Redis lost) would stop for good. So it is upserted at start and again whenever a check finds it
 * missing. Every replica checks; the upsert is idempotent by id, so after a loss at most one extra
 * run happens per replica that noticed.
 */
export class KeptJobScheduler {
  private timer?: NodeJS.Timeout;
  private checking?: Promise<boolean>;

  constructor(
    private readonly queue: Queue,
    private readonly spec: JobSchedulerSpec,
    private readonly onError: (error: Error) => void = () => undefined,
    private readonly checkEveryMs = SCHEDULER_CHECK_INTERVAL_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.checkEveryMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Upserts the scheduler if Redis does not have it; true when it had to. Never throws; while Redis
   * is away it waits for it (BullMQ queues commands), and checks do not pile up meanwhile.
   */
  check(): Promise<boolean> {
    this.checking ??= this.ensure().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async ensure(): Promise<boolean> {
    try {
      if (await this.queue.getJobScheduler(this.spec.id)) return false;
      await this.queue.upsertJobScheduler(this.spec.id, this.spec.repeat, this.spec.template);
      return true;
    } catch (error) {
      this.onError(error as Error);
      return false;
    }
  }
}
