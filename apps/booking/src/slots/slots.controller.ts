import {
  BookingRpc,
  type CacheableSlots,
  type ListSlotsRequest,
  type NextAvailabilityRequest,
  type NextAvailabilityResponse,
  type RpcRequest,
  type SlotsView,
} from '@haven/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SlotsService } from './slots.service';

/** RPC handlers of open slots: public per offering, and the next free slot for directory search. */
@Controller()
export class SlotsController {
  constructor(private readonly slots: SlotsService) {}

  @MessagePattern(BookingRpc.listSlots.pattern)
  list(@Payload() request: RpcRequest<ListSlotsRequest>): Promise<SlotsView> {
    return this.slots.listSlots(request.body);
  }

  @MessagePattern(BookingRpc.listCacheableSlots.pattern)
  listCacheable(@Payload() request: RpcRequest<ListSlotsRequest>): Promise<CacheableSlots> {
    return this.slots.listCacheableSlots(request.body);
  }

  @MessagePattern(BookingRpc.nextAvailability.pattern)
  nextAvailability(@Payload() request: RpcRequest<NextAvailabilityRequest>): Promise<NextAvailabilityResponse> {
    return this.slots.nextAvailability(request.body);
  }
}
