import { RpcTextInterceptor, ServiceMessagingModule } from '@haven/messaging';
import { connectFailFastRedis } from '@haven/infrastructure';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { serviceDatabaseModule } from '@haven/database';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ACCOUNTS_ENTITIES, ACCOUNTS_MIGRATIONS } from './accounts.schema';
import { AdminController } from './admin/admin.controller';
import { AdminUsersService } from './admin/admin-users.service';
import { AuditEventsController } from './audit/audit-events.controller';
import { AuditLogService } from './audit/audit-log.service';
import { AccessTokenSigner } from './auth/access-token.signer';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { ACCOUNTS_REDIS, LoginThrottle } from './auth/login-throttle';
import { PasswordHasher } from './auth/password-hasher';
import { RefreshTokensService } from './auth/refresh-tokens.service';
import { RightsEventsController } from './auth/rights-events.controller';
import { RightsVersions } from './auth/rights-versions';
import { TokenCleanupService } from './auth/token-cleanup.service';
import { BootstrapAdminService } from './bootstrap/bootstrap-admin.service';
import { AccountsConfig } from './config/accounts.config';
import { PasswordResetController } from './password-reset/password-reset.controller';
import { PasswordResetService } from './password-reset/password-reset.service';
import { RolesEventsController } from './roles/roles-events.controller';
import { RolesService } from './roles/roles.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Users, credentials, roles, refresh tokens, password reset and the audit log. */
@Module({})
export class AccountsModule implements OnApplicationShutdown {
  constructor(@Inject(ACCOUNTS_REDIS) private readonly redis: Redis) {}

  static register(config: AccountsConfig): DynamicModule {
    return {
      module: AccountsModule,
      imports: [
        serviceDatabaseModule({
          schema: 'accounts',
          url: config.DATABASE_URL,
          entities: ACCOUNTS_ENTITIES,
          migrations: ACCOUNTS_MIGRATIONS,
        }),
        ServiceMessagingModule.forService({ service: 'accounts', rabbitmqUrl: config.RABBITMQ_URL }),
      ],
      controllers: [
        AuthController,
        PasswordResetController,
        UsersController,
        AdminController,
        RolesEventsController,
        AuditEventsController,
        RightsEventsController,
      ],
      providers: [
        { provide: AccountsConfig, useValue: config },
        { provide: APP_INTERCEPTOR, useClass: RpcTextInterceptor },
        { provide: ACCOUNTS_REDIS, useFactory: () => connectFailFastRedis(config.REDIS_URL) },
        PasswordHasher,
        AccessTokenSigner,
        LoginThrottle,
        RightsVersions,
        RefreshTokensService,
        AuthService,
        PasswordResetService,
        UsersService,
        AuditLogService,
        AdminUsersService,
        RolesService,
        BootstrapAdminService,
        TokenCleanupService,
      ],
    };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
