import { BookingRpc } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { RpcClient } from '@haven/messaging';
import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';

/**
 * The ICS feed itself: calendar apps cannot send bearer tokens, so the secret in the URL is the
 * credential. Unknown and revoked tokens are 404.
 */
@ApiExcludeController()
@Controller('calendar-feeds')
export class CalendarFeedFileController {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Get(':file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @Header('Content-Disposition', 'inline; filename="haven.ics"')
  async feed(@Param('file') file: string): Promise<string> {
    if (!file.endsWith('.ics')) throw DomainError.notFound('calendar_feed_not_found');
    const { ics } = await this.rpc.send(BookingRpc.renderCalendarFeed, { token: file.slice(0, -'.ics'.length) });
    return ics;
  }
}
