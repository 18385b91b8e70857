import { SERVICE_NAMES } from '@haven/contracts';
import { ApiProperty } from '@nestjs/swagger';

const COMPONENTS = [...SERVICE_NAMES, 'postgres', 'redis', 'rabbitmq'];

/** Documentation of GET /health's body (the same shape with 200 and 503). */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'], example: 'ok' })
  status: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['up', 'down'] },
    description: `One entry per component: ${COMPONENTS.join(', ')}`,
    example: Object.fromEntries(COMPONENTS.map((component) => [component, 'up'])),
  })
  services: Record<string, 'up' | 'down'>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Per service: its dead-letter queue depth and outbox backlog (unpublished events, oldest age)',
  })
  details: Record<string, unknown>;
}
