import { Module } from '@nestjs/common';
import { TimeOffController } from './time-off.controller';

/** The counselor's time off (booking service). */
@Module({ controllers: [TimeOffController] })
export class TimeOffGatewayModule {}
