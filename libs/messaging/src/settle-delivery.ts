import type { Logger } from '@nestjs/common';

/**
 * Acks or nacks a delivery. A channel that closed since the delivery cannot settle it; the broker
 * has then already put the message back in its queue, so this is only worth a warning.
 */
export function settleDelivery(logger: Logger, action: () => void): void {
  try {
    action();
  } catch (error) {
    logger.warn(`could not settle a delivery: ${(error as Error).message}`);
  }
}
