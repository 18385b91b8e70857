import { WorkerHost } from '@nestjs/bullmq';
import type { BeforeApplicationShutdown } from '@nestjs/common';

/**
 * A BullMQ worker host that stops taking jobs and finishes its active ones before the app's
 * connections close (Nest closes workers only in `onApplicationShutdown`, alongside the database
 * they still need). A job still running when the process is killed is picked up again as stalled.
 */
export abstract class DrainingWorkerHost extends WorkerHost implements BeforeApplicationShutdown {
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
