import {
  type ApplicationInput,
  type ApplicationView,
  type DecideApplicationRequest,
  DirectoryRpc,
  type ListApplicationsRequest,
  type Page,
  type RpcRequest,
} from '@haven/contracts';
import { actorOf, actorWithRole } from '@haven/common';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ApplicationsService } from './applications.service';

@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @MessagePattern(DirectoryRpc.submitApplication.pattern)
  submit(@Payload() request: RpcRequest<ApplicationInput>): Promise<ApplicationView> {
    return this.applications.submit(actorOf(request), request.body, request.meta);
  }

  @MessagePattern(DirectoryRpc.getMyApplication.pattern)
  mine(@Payload() request: RpcRequest<Record<string, never>>): Promise<ApplicationView> {
    return this.applications.mine(actorOf(request));
  }

  @MessagePattern(DirectoryRpc.updateMyApplication.pattern)
  updateMine(@Payload() request: RpcRequest<Partial<ApplicationInput>>): Promise<ApplicationView> {
    return this.applications.resubmit(actorOf(request), request.body);
  }

  @MessagePattern(DirectoryRpc.listApplications.pattern)
  list(@Payload() request: RpcRequest<ListApplicationsRequest>): Promise<Page<ApplicationView>> {
    actorWithRole(request, 'admin');
    return this.applications.list(request.body ?? {});
  }

  @MessagePattern(DirectoryRpc.approveApplication.pattern)
  approve(@Payload() request: RpcRequest<DecideApplicationRequest>): Promise<ApplicationView> {
    return this.applications.decide(actorWithRole(request, 'admin'), 'approve', request.body ?? {});
  }

  @MessagePattern(DirectoryRpc.rejectApplication.pattern)
  reject(@Payload() request: RpcRequest<DecideApplicationRequest>): Promise<ApplicationView> {
    return this.applications.decide(actorWithRole(request, 'admin'), 'reject', request.body ?? {});
  }

  @MessagePattern(DirectoryRpc.requestApplicationChanges.pattern)
  requestChanges(@Payload() request: RpcRequest<DecideApplicationRequest>): Promise<ApplicationView> {
    return this.applications.decide(actorWithRole(request, 'admin'), 'request_changes', request.body ?? {});
  }
}
