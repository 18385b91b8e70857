import { Module } from '@nestjs/common';
import { AdminDirectoryController } from './admin-directory.controller';
import { CounselorApplicationsController } from './counselor-applications.controller';
import { CounselorProfileCache } from './counselor-profile-cache';
import { CounselorSelfController } from './counselor-self.controller';
import { CounselorsController, SpecialtiesController } from './counselors.controller';

/** Counselor applications and vetting, the public directory, a counselor's profile and offerings. */
@Module({
  controllers: [
    CounselorApplicationsController,
    AdminDirectoryController,
    CounselorsController,
    SpecialtiesController,
    CounselorSelfController,
  ],
  providers: [CounselorProfileCache],
  // Reviews are posted through bookings: they change a profile too.
  exports: [CounselorProfileCache],
})
export class DirectoryGatewayModule {}
