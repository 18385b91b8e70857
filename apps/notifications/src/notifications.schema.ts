import { CreateMessagingTables1764300000000, InboxMessage, OutboxMessage } from '@haven/messaging';
import { CreateNotificationTables1764600000000 } from './migrations/1764600000000-CreateNotificationTables';
import { CreateDeliveries1764900000000 } from './migrations/1764900000000-CreateDeliveries';
import { RoleDeliveries1765000000000 } from './migrations/1765000000000-RoleDeliveries';
import { DeliveryOutcomes1765100000000 } from './migrations/1765100000000-DeliveryOutcomes';

/** Every table of the `notifications` schema, and the migrations that made them, in order. */
export const NOTIFICATIONS_ENTITIES = [OutboxMessage, InboxMessage];
export const NOTIFICATIONS_MIGRATIONS = [
  CreateMessagingTables1764300000000,
  CreateNotificationTables1764600000000,
  CreateDeliveries1764900000000,
  RoleDeliveries1765000000000,
  DeliveryOutcomes1765100000000,
];
