import { RpcClient, RpcTextInterceptor, ServiceMessagingModule } from '@haven/messaging';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { serviceDatabaseModule } from '@haven/database';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS } from './directory.schema';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AccountChecks } from './accounts-sync/account-checks';
import { AccountsSyncEventsController } from './accounts-sync/accounts-sync-events.controller';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { DirectoryConfig } from './config/directory.config';
import { CounselorsController } from './counselors/counselors.controller';
import { CounselorsService } from './counselors/counselors.service';
import { OfferingsController } from './offerings/offerings.controller';
import { OfferingsService } from './offerings/offerings.service';
import { ReviewsController } from './reviews/reviews.controller';
import { ReviewsService } from './reviews/reviews.service';
import { BookingAvailability } from './search/booking-availability';
import { SearchController } from './search/search.controller';
import { OpeningsEventsController } from './openings/openings-events.controller';
import { SearchService } from './search/search.service';
import { SpecialtiesController } from './specialties/specialties.controller';
import { SpecialtiesService } from './specialties/specialties.service';

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
        AccountsSyncEventsController,
        OpeningsEventsController,
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
