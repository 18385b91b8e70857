import { Module } from '@nestjs/common';
import { SlotsCache } from './slots-cache';
import { SlotsController } from './slots.controller';

/** Public open slots of a counselor's offering (booking service). */
@Module({ controllers: [SlotsController], providers: [SlotsCache] })
export class SlotsGatewayModule {}
