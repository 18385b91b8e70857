import { RpcHandler } from '@haven/messaging';
import {
  type CreateOfferingRequest,
  DirectoryRpc,
  type OfferingView,
  type RpcRequest,
  type UpdateOfferingRequest,
} from '@haven/contracts';
import { actorWithRole } from '@haven/common';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OfferingsService } from './offerings.service';

@Controller()
export class OfferingsController {
  constructor(private readonly offerings: OfferingsService) {}

  @RpcHandler(DirectoryRpc.listMyOfferings)
  listMine(@Payload() request: RpcRequest<Record<string, never>>): Promise<OfferingView[]> {
    return this.offerings.listMine(actorWithRole(request, 'counselor'));
  }

  @RpcHandler(DirectoryRpc.createOffering)
  create(@Payload() request: RpcRequest<CreateOfferingRequest>): Promise<OfferingView> {
    return this.offerings.create(actorWithRole(request, 'counselor'), request.body, request.meta);
  }

  @RpcHandler(DirectoryRpc.updateOffering)
  update(@Payload() request: RpcRequest<UpdateOfferingRequest>): Promise<OfferingView> {
    return this.offerings.update(actorWithRole(request, 'counselor'), request.body);
  }
}
