import { AccountsRpc, type Actor, type AuditLogEntryView, type Page, type UserView } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { AuditLogPageDto, AuditLogQueryDto, ListUsersQueryDto, UpdateUserDto } from './dto/admin.dto';
import { UserDto, UserPageDto } from './dto/user.dto';
import { pickDefined } from './me.controller';

@ApiTags('admin')
@Authenticated()
@Roles('admin')
@Controller('admin')
export class AdminUsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('users')
  @ApiOperation({ summary: 'List and search users' })
  @ApiOkResponse({ type: UserPageDto })
  listUsers(@CurrentActor() actor: Actor, @Query() query: ListUsersQueryDto): Promise<Page<UserView>> {
    return this.rpc.send(
      AccountsRpc.listUsers,
      { q: query.q, role: query.role, page: query.page, limit: query.limit },
      { actor },
    );
  }

  @Patch('users/:id')
  @ApiOperation({ summary: 'Grant or remove the finance/admin roles, deactivate or reactivate' })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ description: 'Unknown role or a bad field' })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiUnprocessableEntityResponse({
    description: 'Removing your own admin role, deactivating yourself, or granting counselor',
  })
  updateUser(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.rpc.send(AccountsRpc.updateUser, { id, ...pickDefined(body, ['roles', 'active']) }, { actor });
  }

  @Get('audit-log')
  @ApiOperation({ summary: 'Admin actions, newest first' })
  @ApiOkResponse({ type: AuditLogPageDto })
  listAuditLog(@CurrentActor() actor: Actor, @Query() query: AuditLogQueryDto): Promise<Page<AuditLogEntryView>> {
    return this.rpc.send(
      AccountsRpc.listAuditLog,
      { actorId: query.actorId, action: query.action, page: query.page, limit: query.limit },
      { actor },
    );
  }
}
