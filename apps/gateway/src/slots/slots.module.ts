import { Module } from '@nestjs/common';
import { SlotsController } from './slots.controller';

/** Public open slots of a counselor's offering (booking service). */
@Module({ controllers: [SlotsController] })
export class SlotsGatewayModule {}
