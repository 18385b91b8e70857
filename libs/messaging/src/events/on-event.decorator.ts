import type { EventContract } from '@haven/contracts';
import { EventPattern } from '@nestjs/microservices';

/**
 * Subscribes a handler to an event contract: the service's event queue gets bound to the
 * contract's routing key, and the handler receives the `EventEnvelope`.
 */
export function OnEvent<TData>(contract: EventContract<TData>): MethodDecorator {
  return EventPattern<string>(contract.type);
}
