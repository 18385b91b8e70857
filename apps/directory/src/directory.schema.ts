import {
  CreateMessagingTables1764300000000,
  CreateRpcRequestLedger1764800000000,
  InboxMessage,
  OutboxMessage,
  RpcRequestRecord,
} from '@haven/messaging';
import { ApplicationEntity } from './applications/application.entity';
import { CounselorEntity } from './counselors/counselor.entity';
import { CreateDirectoryTables1764500000000 } from './migrations/1764500000000-CreateDirectoryTables';
import { AccountStates1764700000001 } from './migrations/1764700000001-AccountStates';
import { OfferingEntity } from './offerings/offering.entity';
import { ReviewEntity } from './reviews/review.entity';
import { ReviewEligibilityEntity } from './reviews/review-eligibility.entity';
import { SearchAtScale1764900000001 } from './migrations/1764900000001-SearchAtScale';
import { OfferingPricesOnCounselors1765000000001 } from './migrations/1765000000001-OfferingPricesOnCounselors';
import { NextAvailableOnCounselors1765200000001 } from './migrations/1765200000001-NextAvailableOnCounselors';
import { SpecialtyEntity } from './specialties/specialty.entity';

/** Every table of the `directory` schema, and the migrations that made them, in order. */
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
  OfferingPricesOnCounselors1765000000001,
  NextAvailableOnCounselors1765200000001,
];
