import { RpcHandler } from '@haven/messaging';
import {
  AccountsRpc,
  type AuditLogEntryView,
  type ListAuditLogRequest,
  type ListUsersRequest,
  type Page,
  type RpcRequest,
  type UpdateUserRequest,
  type UserView,
} from '@haven/contracts';
import { actorOf, bodyOf, pageOf } from '@haven/common';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AuditLogService } from '../audit/audit-log.service';
import { AdminUsersService } from './admin-users.service';

/** Admin-only operations: the actor's admin role is re-checked against the database. */
@Controller()
export class AdminController {
  constructor(
    private readonly users: AdminUsersService,
    private readonly audit: AuditLogService,
  ) {}

  @RpcHandler(AccountsRpc.listUsers)
  async listUsers(@Payload() request: RpcRequest<ListUsersRequest>): Promise<Page<UserView>> {
    await this.users.assertAdmin(actorOf(request));
    const body = bodyOf(request);
    return this.users.list({ q: body.q, role: body.role, ...pageOf(body) });
  }

  @RpcHandler(AccountsRpc.updateUser)
  async updateUser(@Payload() request: RpcRequest<UpdateUserRequest>): Promise<UserView> {
    // Re-checks the actor's admin role itself, under the lock that serializes admin changes.
    return this.users.update(actorOf(request), bodyOf(request));
  }

  @RpcHandler(AccountsRpc.listAuditLog)
  async listAuditLog(@Payload() request: RpcRequest<ListAuditLogRequest>): Promise<Page<AuditLogEntryView>> {
    await this.users.assertAdmin(actorOf(request));
    const body = bodyOf(request);
    return this.audit.list({ actorId: body.actorId, action: body.action, ...pageOf(body) });
  }
}
