import {
  CreateMessagingTables1764300000000,
  CreateRpcRequestLedger1764800000000,
  InboxMessage,
  OutboxMessage,
  RpcRequestRecord,
} from '@haven/messaging';
import { AuditLogEntryEntity } from './audit/audit-log-entry.entity';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { CreateAccountsTables1764400000000 } from './migrations/1764400000000-CreateAccountsTables';
import { RightsVersionAndResetRequests1764700000000 } from './migrations/1764700000000-RightsVersionAndResetRequests';
import { PasswordResetRequestEntity } from './password-reset/password-reset-request.entity';
import { UserEntity } from './users/user.entity';

/** Everything the `accounts` schema holds; shared by the service module and the CLI. */
export const ACCOUNTS_ENTITIES = [
  OutboxMessage,
  InboxMessage,
  UserEntity,
  RefreshTokenEntity,
  PasswordResetRequestEntity,
  AuditLogEntryEntity,
  RpcRequestRecord,
];
export const ACCOUNTS_MIGRATIONS = [
  CreateMessagingTables1764300000000,
  CreateAccountsTables1764400000000,
  RightsVersionAndResetRequests1764700000000,
  CreateRpcRequestLedger1764800000000,
];
