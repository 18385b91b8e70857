import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { type HealthReport, HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly healthService: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({
    description:
      'Every service and every piece of infrastructure answers. `details` has, per service, its dead-letter ' +
      'queue depth and outbox backlog. Checked at most every 2 s, whoever asks.',
  })
  @ApiServiceUnavailableResponse({ description: 'At least one is down; same shape' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.healthService.report();
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
