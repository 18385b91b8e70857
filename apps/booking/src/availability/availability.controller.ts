import { RpcHandler } from '@haven/messaging';
import { type Availability, type AvailabilityInput, BookingRpc, type RpcRequest } from '@haven/contracts';
import { actorWithRole } from '@haven/common';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AvailabilityService } from './availability.service';

/** RPC handlers of the signed-in counselor's weekly windows, date overrides and booking settings. */
@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @RpcHandler(BookingRpc.getAvailability)
  get(@Payload() request: RpcRequest<Record<string, never>>): Promise<Availability> {
    return this.availability.get(actorWithRole(request, 'counselor').userId);
  }

  @RpcHandler(BookingRpc.putAvailability)
  put(@Payload() request: RpcRequest<AvailabilityInput>): Promise<Availability> {
    return this.availability.put(actorWithRole(request, 'counselor').userId, request.body);
  }
}
