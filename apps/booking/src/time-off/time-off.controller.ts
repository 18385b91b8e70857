import { RpcHandler } from '@haven/messaging';
import {
  BookingRpc,
  type CreateTimeOffRequest,
  type ListTimeOffRequest,
  type Page,
  type RpcRequest,
  type TimeOffView,
} from '@haven/contracts';
import { actorWithRole } from '@haven/common';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TimeOffService } from './time-off.service';

/** RPC handlers of the signed-in counselor's time off. */
@Controller()
export class TimeOffController {
  constructor(private readonly timeOff: TimeOffService) {}

  @RpcHandler(BookingRpc.createTimeOff)
  create(@Payload() request: RpcRequest<CreateTimeOffRequest>): Promise<TimeOffView> {
    return this.timeOff.create(actorWithRole(request, 'counselor').userId, request.body, request.meta);
  }

  @RpcHandler(BookingRpc.deleteTimeOff)
  async delete(@Payload() request: RpcRequest<{ id: string }>): Promise<{ deleted: true }> {
    await this.timeOff.delete(actorWithRole(request, 'counselor').userId, request.body.id);
    return { deleted: true };
  }

  @RpcHandler(BookingRpc.listTimeOff)
  list(@Payload() request: RpcRequest<ListTimeOffRequest>): Promise<Page<TimeOffView>> {
    return this.timeOff.list(actorWithRole(request, 'counselor').userId, request.body);
  }
}
