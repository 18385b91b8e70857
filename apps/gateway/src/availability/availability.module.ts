import { Module } from '@nestjs/common';
import { AvailabilityController } from './availability.controller';

/** The counselor's availability (booking service). */
@Module({ controllers: [AvailabilityController] })
export class AvailabilityGatewayModule {}
