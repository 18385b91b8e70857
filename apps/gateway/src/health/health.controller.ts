import { healthPing, SERVICE_NAMES, type ServiceName } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthDto } from '../openapi/health.dto';
import { InfrastructureProbe } from './infrastructure.probe';

type Status = 'up' | 'down';
const PING_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly infrastructure: InfrastructureProbe,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether every service and every piece of infrastructure answers' })
  @ApiOkResponse({ type: HealthDto, description: 'Every service and every piece of infrastructure answers' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'At least one is down; same shape' })
  async health(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: string; services: Record<string, Status> }> {
    const [services, postgres, redis] = await Promise.all([
      Promise.all(SERVICE_NAMES.map(async (service) => [service, await this.ping(service)] as const)),
      this.infrastructure.postgres(),
      this.infrastructure.redis(),
    ]);
    const rabbitmq = this.infrastructure.rabbitmq();
    const all: Record<string, Status> = { ...Object.fromEntries(services), postgres, redis, rabbitmq };
    const healthy = Object.values(all).every((status) => status === 'up');
    res.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'degraded', services: all };
  }

  private async ping(service: ServiceName): Promise<Status> {
    try {
      const reply = await this.rpc.send(healthPing(service), {}, { timeoutMs: PING_TIMEOUT_MS });
      return reply.database === 'up' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }
}
