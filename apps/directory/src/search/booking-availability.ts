import { BookingRpc } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { DirectoryConfig } from '../config/directory.config';

export interface AvailabilityRange {
  from?: Date;
  to?: Date;
}

/** Counselors looked up per call; callers with more ask in chunks (the booking service takes up to 1000). */
export const MAX_AVAILABILITY_LOOKUP = 500;

/**
 * Next open slots, asked from the booking service (it owns calendars and bookings). Returns
 * undefined when the booking service cannot answer; the caller decides whether that is fatal.
 */
@Injectable()
export class BookingAvailability {
  private readonly logger = new Logger(BookingAvailability.name);

  constructor(
    private readonly rpc: RpcClient,
    private readonly config: DirectoryConfig,
  ) {}

  async nextAvailableAt(
    counselorIds: string[],
    range: AvailabilityRange = {},
  ): Promise<Record<string, string | null> | undefined> {
    if (counselorIds.length === 0) return {};
    if (counselorIds.length > MAX_AVAILABILITY_LOOKUP)
      throw new Error(`at most ${MAX_AVAILABILITY_LOOKUP} counselors at once`);
    try {
      const reply = await this.rpc.send(
        BookingRpc.nextAvailability,
        {
          counselorIds,
          ...(range.from ? { from: range.from.toISOString() } : {}),
          ...(range.to ? { to: range.to.toISOString() } : {}),
        },
        { timeoutMs: this.config.dependencyTimeoutMs },
      );
      return reply?.nextAvailableAt ?? {};
    } catch (error) {
      this.logger.warn(
        `booking did not answer next-availability for ${counselorIds.length} counselor(s); going without it: ${
          (error as Error).message
        }`,
      );
      return undefined;
    }
  }
}
