import { serviceDatabaseModule } from '@haven/database';
import {
  CreateMessagingTables1764300000000,
  InboxMessage,
  OutboxMessage,
  ServiceMessagingModule,
} from '@haven/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { DirectoryConfig } from './config/directory.config';

export const DIRECTORY_ENTITIES = [OutboxMessage, InboxMessage];
export const DIRECTORY_MIGRATIONS = [CreateMessagingTables1764300000000];

/** Counselor applications and vetting, public profiles, offerings, specialties, search and reviews. */
@Module({})
export class DirectoryModule {
  static register(config: DirectoryConfig): DynamicModule {
    return {
      module: DirectoryModule,
      imports: [
        serviceDatabaseModule({
          schema: 'directory',
          url: config.DATABASE_URL,
          entities: DIRECTORY_ENTITIES,
          migrations: DIRECTORY_MIGRATIONS,
        }),
        ServiceMessagingModule.forService({ service: 'directory', rabbitmqUrl: config.RABBITMQ_URL }),
      ],
      providers: [{ provide: DirectoryConfig, useValue: config }],
    };
  }
}
