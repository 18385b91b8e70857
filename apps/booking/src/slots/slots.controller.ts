import {
  BookingRpc,
  type CacheableSlots,
  type ListSlotsRequest,
  type NextAvailabilityRequest,
  type NextAvailabilityResponse,
  type RpcRequest,
  type SlotsView,
} from '@haven/contracts';
import { RpcHandler } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SlotsService } from './slots.service';

/** RPC handlers of open slots: public per offering, and the next free slot for directory search. */
@Controller()
export class SlotsController {
  constructor(private readonly slots: SlotsService) {}

  @RpcHandler(BookingRpc.listSlots)
  list(@Payload() request: RpcRequest<ListSlotsRequest>): Promise<SlotsView> {
    return this.slots.listSlots(request.body);
  }

  @RpcHandler(BookingRpc.listCacheableSlots)
  listCacheable(@Payload() request: RpcRequest<ListSlotsRequest>): Promise<CacheableSlots> {
    return this.slots.listCacheableSlots(request.body);
  }

  @RpcHandler(BookingRpc.nextAvailability)
  nextAvailability(@Payload() request: RpcRequest<NextAvailabilityRequest>): Promise<NextAvailabilityResponse> {
    return this.slots.nextAvailability(request.body);
  }
}
