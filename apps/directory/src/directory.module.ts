import {
  CreateMessagingTables1764300000000,
  CreateRpcRequestLedger1764800000000,
  InboxMessage,
  OutboxMessage,
  RpcClient,
  RpcRequestRecord,
  RpcTextInterceptor,
  ServiceMessagingModule,
} from '@haven/messaging';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { serviceDatabaseModule } from '@haven/database';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AccountChecks } from './accounts/account-checks';
import { AccountsSyncController } from './accounts/accounts-sync.controller';
import { ApplicationEntity } from './applications/application.entity';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { DirectoryConfig } from './config/directory.config';
import { CounselorEntity } from './counselors/counselor.entity';
import { CounselorsController } from './counselors/counselors.controller';
import { CounselorsService } from './counselors/counselors.service';
import { CreateDirectoryTables1764500000000 } from './migrations/1764500000000-CreateDirectoryTables';
import { AccountStates1764700000001 } from './migrations/1764700000001-AccountStates';
import { OfferingEntity } from './offerings/offering.entity';
import { OfferingsController } from './offerings/offerings.controller';
import { OfferingsService } from './offerings/offerings.service';
import { ReviewEntity } from './reviews/review.entity';
import { ReviewEligibilityEntity } from './reviews/review-eligibility.entity';
import { ReviewsController } from './reviews/reviews.controller';
import { ReviewsService } from './reviews/reviews.service';
import { BookingAvailability } from './search/booking-availability';
import { SearchController } from './search/search.controller';
import { OpeningsSyncController } from './openings/openings-sync.controller';
import { SearchAtScale1764900000001 } from './migrations/1764900000001-SearchAtScale';
import { SearchService } from './search/search.service';
import { SpecialtiesController } from './specialties/specialties.controller';
import { SpecialtiesService } from './specialties/specialties.service';
import { SpecialtyEntity } from './specialties/specialty.entity';

export const DIRECTORY_ENTITIES = [
  OutboxMessage,
  InboxMessage,
  SpecialtyEntity,
  ApplicationEntity,
  CounselorEntity,
  OfferingEntity,
  ReviewEntity,
  ReviewEligibilityEntity,
  RpcRequestRecord,
];
export const DIRECTORY_MIGRATIONS = [
  CreateMessagingTables1764300000000,
  CreateDirectoryTables1764500000000,
  AccountStates1764700000001,
  CreateRpcRequestLedger1764800000000,
  SearchAtScale1764900000001,
];

/** Counselor applications and vetting, public profiles, offerings, specialties, search and reviews. */
@Module({})
export class DirectoryModule implements OnApplicationShutdown {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

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
      controllers: [
        ApplicationsController,
        CounselorsController,
        SearchController,
        OfferingsController,
        ReviewsController,
        SpecialtiesController,
        AccountsSyncController,
        OpeningsSyncController,
      ],
      providers: [
        { provide: DirectoryConfig, useValue: config },
        { provide: APP_INTERCEPTOR, useClass: RpcTextInterceptor },
        // Asks booking (next availability) and accounts (reviewers' first names, admins' current rights).
        { provide: RpcClient, useFactory: () => new RpcClient(config.RABBITMQ_URL, config.dependencyTimeoutMs) },
        AccountChecks,
        SpecialtiesService,
        ApplicationsService,
        CounselorsService,
        BookingAvailability,
        SearchService,
        OfferingsService,
        ReviewsService,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
  }
}
