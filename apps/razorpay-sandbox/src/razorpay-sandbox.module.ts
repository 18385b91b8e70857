import { serviceDatabaseModule } from '@haven/database';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrdersService } from './api/orders.service';
import { PaymentsService } from './api/payments.service';
import {
  OrdersController,
  PaymentsController,
  RefundsController,
  SettlementsController,
} from './api/razorpay-api.controllers';
import { RazorpayApiGuard } from './api/razorpay-api.guard';
import { ReconService } from './api/recon.service';
import { RefundsService } from './api/refunds.service';
import { SettlementsService } from './api/settlements.service';
import { RazorpaySandboxConfig } from './config/razorpay-sandbox.config';
import { CreateRazorpaySandboxTables1764500000000 } from './migrations/1764500000000-CreateRazorpaySandboxTables';
import { FaultsService } from './sandbox/faults.service';
import { SandboxController } from './sandbox/sandbox.controller';
import { SANDBOX_ENTITIES } from './store/entities';
import { SANDBOX_SCHEMA } from './store/schema';
import { SandboxWorker } from './webhooks/sandbox-worker';
import { WebhookOutbox } from './webhooks/webhook-outbox';

export const RAZORPAY_SANDBOX_ENTITIES = SANDBOX_ENTITIES;
export const RAZORPAY_SANDBOX_MIGRATIONS = [CreateRazorpaySandboxTables1764500000000];

/** A stand-in for Razorpay (development and tests only): its REST subset, Checkout, and webhooks. */
@Module({})
export class RazorpaySandboxModule {
  static register(config: RazorpaySandboxConfig): DynamicModule {
    return {
      module: RazorpaySandboxModule,
      imports: [
        serviceDatabaseModule({
          schema: SANDBOX_SCHEMA,
          url: config.DATABASE_URL,
          entities: RAZORPAY_SANDBOX_ENTITIES,
          migrations: RAZORPAY_SANDBOX_MIGRATIONS,
          poolSize: 5,
        }),
        TypeOrmModule.forFeature(RAZORPAY_SANDBOX_ENTITIES, SANDBOX_SCHEMA),
      ],
      controllers: [OrdersController, PaymentsController, RefundsController, SettlementsController, SandboxController],
      providers: [
        { provide: RazorpaySandboxConfig, useValue: config },
        FaultsService,
        WebhookOutbox,
        OrdersService,
        PaymentsService,
        RefundsService,
        ReconService,
        SettlementsService,
        RazorpayApiGuard,
        SandboxWorker,
      ],
    };
  }
}
