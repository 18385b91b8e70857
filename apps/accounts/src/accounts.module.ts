import { serviceDatabaseModule } from '@haven/database';
import {
  CreateMessagingTables1764300000000,
  InboxMessage,
  OutboxMessage,
  ServiceMessagingModule,
} from '@haven/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { AccountsConfig } from './config/accounts.config';

export const ACCOUNTS_ENTITIES = [OutboxMessage, InboxMessage];
export const ACCOUNTS_MIGRATIONS = [CreateMessagingTables1764300000000];

/** Users, credentials, roles, refresh tokens, password reset and the audit log. */
@Module({})
export class AccountsModule {
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
      providers: [{ provide: AccountsConfig, useValue: config }],
    };
  }
}
