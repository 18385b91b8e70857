import { RpcHandler } from '@haven/messaging';
import {
  type AccountStatus,
  AccountsRpc,
  ROLES,
  type Role,
  type RpcRequest,
  type UpdateMeRequest,
  type UserContact,
  type UserSummary,
  type UserView,
} from '@haven/contracts';
import { actorOf, bodyOf, DomainError, idsOf } from '@haven/common';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersService } from './users.service';

@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @RpcHandler(AccountsRpc.getMe)
  getMe(@Payload() request: RpcRequest<Record<string, never>>): Promise<UserView> {
    return this.users.getMe(actorOf(request));
  }

  @RpcHandler(AccountsRpc.updateMe)
  updateMe(@Payload() request: RpcRequest<UpdateMeRequest>): Promise<UserView> {
    return this.users.updateMe(actorOf(request), bodyOf(request));
  }

  @RpcHandler(AccountsRpc.getUsers)
  getUsers(@Payload() request: RpcRequest<{ ids: string[] }>): Promise<UserSummary[]> {
    return this.users.summaries(idsOf(bodyOf(request).ids));
  }

  @RpcHandler(AccountsRpc.getContacts)
  getContacts(@Payload() request: RpcRequest<{ ids: string[] }>): Promise<UserContact[]> {
    return this.users.contacts(idsOf(bodyOf(request).ids));
  }

  @RpcHandler(AccountsRpc.getAccountStatuses)
  getAccountStatuses(@Payload() request: RpcRequest<{ ids: string[] }>): Promise<AccountStatus[]> {
    return this.users.statuses(idsOf(bodyOf(request).ids));
  }

  @RpcHandler(AccountsRpc.getContactsByRole)
  getContactsByRole(@Payload() request: RpcRequest<{ role: Role }>): Promise<UserContact[]> {
    const role = bodyOf(request).role;
    if (!role || !(ROLES as readonly string[]).includes(role)) {
      throw DomainError.invalidField('role', `must be one of ${ROLES.join(', ')}`);
    }
    return this.users.contactsByRole(role);
  }
}
