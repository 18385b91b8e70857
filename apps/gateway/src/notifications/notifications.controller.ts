import {
  type Actor,
  type NotificationPreferences,
  NotificationsRpc,
  type NotificationView,
  type Page,
} from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { pickDefined } from '../accounts/me.controller';
import { Authenticated, CurrentActor } from '../auth/auth.decorators';
import {
  NotificationPageDto,
  NotificationPreferencesDto,
  NotificationPreferencesResponseDto,
  NotificationsQueryDto,
} from './dto/notifications.dto';

/** The signed-in user's in-app messages and notification preferences. */
@ApiTags('notifications')
@Authenticated()
@Controller('me')
export class NotificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('notifications')
  @ApiOperation({ summary: 'Your in-app messages, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: NotificationsQueryDto): Promise<Page<NotificationView>> {
    return this.rpc.send(
      NotificationsRpc.list,
      { page: query.page, limit: query.limit, unread: query.unread === 'true' },
      { actor },
    );
  }

  @Post('notifications/:id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Mark one of your messages read' })
  @ApiNoContentResponse({ description: 'Marked read (also when it already was)' })
  @ApiNotFoundResponse({ description: 'No such message of yours' })
  async markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.rpc.send(NotificationsRpc.markRead, { id }, { actor });
  }

  @Get('notification-preferences')
  @ApiOperation({ summary: 'Your channels and reminder times' })
  @ApiOkResponse({ type: NotificationPreferencesResponseDto })
  getPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferences> {
    return this.rpc.send(NotificationsRpc.getPreferences, {}, { actor });
  }

  @Put('notification-preferences')
  @ApiOperation({ summary: 'Change channels or reminder times (omitted fields keep their value)' })
  @ApiOkResponse({ type: NotificationPreferencesResponseDto })
  @ApiBadRequestResponse({ description: 'A bad or unknown field; reminders 1–10080 minutes, at most 5' })
  putPreferences(
    @CurrentActor() actor: Actor,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferences> {
    return this.rpc.send(
      NotificationsRpc.updatePreferences,
      pickDefined(body, ['email', 'sms', 'inApp', 'reminders']),
      { actor },
    );
  }
}
