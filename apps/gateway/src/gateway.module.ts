import { loadOrCreateDevelopmentKeys, pemFromEnv } from '@haven/common';
import { connectFailFastRedis } from '@haven/infrastructure';
import { BookingEvents, DirectoryEvents } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { type DynamicModule, Global, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Redis } from 'ioredis';
import { AccountsGatewayModule } from './accounts/accounts.module';
import { AuthGuard } from './auth/auth.guard';
import { ChangeFeed } from './common/cache/announced-cache';
import { AvailabilityGatewayModule } from './availability/availability.module';
import { BookingsGatewayModule } from './bookings/bookings.module';
import { CalendarFeedGatewayModule } from './calendar-feed/calendar-feed.module';
import { RightsVersionCheck } from './auth/rights-version.check';
import { TokenVerifier } from './auth/token-verifier';
import { GatewayConfig } from './config/gateway.config';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { InfrastructureProbe } from './health/infrastructure.probe';
import { DirectoryGatewayModule } from './directory/directory.module';
import { FinanceGatewayModule } from './finance/finance.module';
import { NotificationsGatewayModule } from './notifications/notifications.module';
import { SlotsGatewayModule } from './slots/slots.module';
import { TimeOffGatewayModule } from './time-off/time-off.module';

export const GATEWAY_REDIS = Symbol('GATEWAY_REDIS');

@Global()
@Module({})
class GatewayCoreModule implements OnApplicationShutdown {
  constructor(
    private readonly rpc: RpcClient,
    private readonly changes: ChangeFeed,
    @Inject(GATEWAY_REDIS) private readonly redis: Redis,
  ) {}

  static register(config: GatewayConfig): DynamicModule {
    const publicKeyPem = pemFromEnv(config.JWT_PUBLIC_KEY) ?? developmentPublicKey(config);
    return {
      module: GatewayCoreModule,
      providers: [
        { provide: GatewayConfig, useValue: config },
        { provide: RpcClient, useFactory: () => new RpcClient(config.RABBITMQ_URL, config.RPC_TIMEOUT_MS) },
        // Every event a cache of the gateway forgets answers by.
        {
          provide: ChangeFeed,
          useFactory: () =>
            new ChangeFeed(config.RABBITMQ_URL, [
              BookingEvents.openingsChanged,
              DirectoryEvents.approved,
              DirectoryEvents.suspended,
              DirectoryEvents.reinstated,
              DirectoryEvents.offeringChanged,
              DirectoryEvents.profileChanged,
            ]),
        },
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(publicKeyPem) },
        {
          provide: GATEWAY_REDIS,
          useFactory: () => connectFailFastRedis(config.REDIS_URL),
        },
        {
          provide: RightsVersionCheck,
          inject: [GATEWAY_REDIS],
          useFactory: (redis: Redis) => new RightsVersionCheck(redis, config.REDIS_PREFIX),
        },
        {
          provide: InfrastructureProbe,
          inject: [GATEWAY_REDIS],
          useFactory: (redis: Redis) => new InfrastructureProbe(config.DATABASE_URL, config.RABBITMQ_URL, redis),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [GatewayConfig, RpcClient, ChangeFeed, TokenVerifier, GATEWAY_REDIS, InfrastructureProbe],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.rpc.close(), this.changes.close()]);
    this.redis.disconnect();
  }
}

function developmentPublicKey(config: GatewayConfig): string {
  if (config.NODE_ENV === 'production') throw new Error('JWT_PUBLIC_KEY must be set in production');
  return loadOrCreateDevelopmentKeys().publicKeyPem;
}

/** The public HTTP API: holds no domain data, verifies callers and forwards to the services. */
@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      // One module per feature: its controllers, DTOs and RPC calls.
      imports: [
        GatewayCoreModule.register(config),
        AvailabilityGatewayModule,
        TimeOffGatewayModule,
        CalendarFeedGatewayModule,
        SlotsGatewayModule,
        AccountsGatewayModule,
        DirectoryGatewayModule,
        BookingsGatewayModule,
        NotificationsGatewayModule,
        FinanceGatewayModule,
      ],
      controllers: [HealthController],
      providers: [HealthService],
    };
  }
}
