import { AccountsRpc, type Actor, type UserView } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from '../auth/auth.decorators';
import { UpdateMeDto } from './dto/me.dto';
import { UserDto } from './dto/user.dto';

@ApiTags('me')
@Authenticated()
@Controller('me')
export class MeController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserDto })
  getMe(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.rpc.send(AccountsRpc.getMe, {}, { actor });
  }

  @Patch()
  @ApiOperation({ summary: 'Change name, phone or time zone' })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ description: 'A bad or unknown field' })
  updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateMeDto): Promise<UserView> {
    return this.rpc.send(AccountsRpc.updateMe, pickDefined(body, ['name', 'phone', 'timezone']), { actor });
  }
}

/** Only the fields the client sent (class-transformer may add undefined ones). */
export function pickDefined<T extends object, K extends keyof T>(source: T, keys: K[]): Pick<T, K> {
  const result = {} as Pick<T, K>;
  for (const key of keys) if (source[key] !== undefined) result[key] = source[key];
  return result;
}
