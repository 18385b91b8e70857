import {
  CreateMessagingTables1764300000000,
  CreateRpcRequestLedger1764800000000,
  InboxMessage,
  OutboxMessage,
  RpcRequestRecord,
} from '@haven/messaging';
import { AccountStateEntity } from './accounts-sync/account-state.entity';
import { UserZoneEntity } from './accounts-sync/user-zone.entity';
import { AvailabilityEntity } from './availability/availability.entity';
import { BookingEntity } from './bookings/booking.entity';
import { CalendarFeedEntity } from './calendar-feed/calendar-feed.entity';
import { CounselorEntity } from './directory-sync/counselor.entity';
import { OfferingEntity } from './directory-sync/offering.entity';
import { CreateCalendarTables1764400000000 } from './migrations/1764400000000-CreateCalendarTables';
import { CreateUserZones1764400000001 } from './migrations/1764400000001-CreateUserZones';
import { CreateAccountStates1764700000001 } from './migrations/1764700000001-CreateAccountStates';
import { CreatePaymentTables1764800000000 } from './migrations/1764800000000-CreatePaymentTables';
import { CreateFinanceTables1764930000000 } from './migrations/1764930000000-CreateFinanceTables';
import { CounselorOpenings1764950000000 } from './migrations/1764950000000-CounselorOpenings';
import { PaymentEntity } from './payments/payment.entity';
import { RefundEntity } from './payments/refund.entity';
import { TimeOffEntity } from './time-off/time-off.entity';

/** Every table of the `booking` schema, and the migrations that made them, in order. */
export const BOOKING_ENTITIES = [
  OutboxMessage,
  InboxMessage,
  RpcRequestRecord,
  CounselorEntity,
  OfferingEntity,
  UserZoneEntity,
  AccountStateEntity,
  AvailabilityEntity,
  TimeOffEntity,
  CalendarFeedEntity,
  BookingEntity,
  PaymentEntity,
  RefundEntity,
];
export const BOOKING_MIGRATIONS = [
  CreateMessagingTables1764300000000,
  CreateCalendarTables1764400000000,
  CreateUserZones1764400000001,
  CreateAccountStates1764700000001,
  CreatePaymentTables1764800000000,
  CreateRpcRequestLedger1764800000000,
  CreateFinanceTables1764930000000,
  CounselorOpenings1764950000000,
];
