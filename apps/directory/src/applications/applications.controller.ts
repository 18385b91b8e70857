import { RpcHandler } from '@haven/messaging';
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
import { Payload } from '@nestjs/microservices';
import { ApplicationsService } from './applications.service';

@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @RpcHandler(DirectoryRpc.submitApplication)
  submit(@Payload() request: RpcRequest<ApplicationInput>): Promise<ApplicationView> {
    return this.applications.submit(actorOf(request), request.body, request.meta);
  }

  @RpcHandler(DirectoryRpc.getMyApplication)
  mine(@Payload() request: RpcRequest<Record<string, never>>): Promise<ApplicationView> {
    return this.applications.mine(actorOf(request));
  }

  @RpcHandler(DirectoryRpc.updateMyApplication)
  updateMine(@Payload() request: RpcRequest<Partial<ApplicationInput>>): Promise<ApplicationView> {
    return this.applications.resubmit(actorOf(request), request.body);
  }

  @RpcHandler(DirectoryRpc.listApplications)
  list(@Payload() request: RpcRequest<ListApplicationsRequest>): Promise<Page<ApplicationView>> {
    actorWithRole(request, 'admin');
    return this.applications.list(request.body ?? {});
  }

  @RpcHandler(DirectoryRpc.approveApplication)
  approve(@Payload() request: RpcRequest<DecideApplicationRequest>): Promise<ApplicationView> {
    return this.applications.decide(actorWithRole(request, 'admin'), 'approve', request.body ?? {});
  }

  @RpcHandler(DirectoryRpc.rejectApplication)
  reject(@Payload() request: RpcRequest<DecideApplicationRequest>): Promise<ApplicationView> {
    return this.applications.decide(actorWithRole(request, 'admin'), 'reject', request.body ?? {});
  }

  @RpcHandler(DirectoryRpc.requestApplicationChanges)
  requestChanges(@Payload() request: RpcRequest<DecideApplicationRequest>): Promise<ApplicationView> {
    return this.applications.decide(actorWithRole(request, 'admin'), 'request_changes', request.body ?? {});
  }
}
