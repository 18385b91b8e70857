import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthDto } from '../openapi/health.dto';
import { type HealthReport, HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly healthService: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether every service and every piece of infrastructure answers' })
  @ApiOkResponse({
    type: HealthDto,
    description:
      'Every service and every piece of infrastructure answers. `details` has, per service, its dead-letter ' +
      'queue depth and outbox backlog. Checked at most every 2 s, whoever asks.',
  })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'At least one is down; same shape' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.healthService.report();
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
