export * from './events/on-event.decorator';
export * from './events/event-ack.interceptor';
export * from './events/event-publisher';
export * from './inbox/inbox-message.entity';
export * from './inbox/inbox.service';
export * from './messaging-tables.migration';
export * from './outbox/outbox-message.entity';
export * from './outbox/outbox-relay';
export * from './outbox/outbox.service';
export * from './rpc/rpc-client';
export * from './rpc/rpc-request.interceptor';
export * from './rpc/rpc-text.interceptor';
export * from './rpc/rpc-request-ledger';
export * from './rpc/rpc-request-record.entity';
export * from './rpc/rpc-request-ledger.migration';
export * from './rpc/rpc-exception.filter';
// Reading RPC input moved to @haven/common (pure: no broker, no database); re-exported until the
// branches written before the move have merged. New code imports it from @haven/common.
export {
  actorOf,
  actorWithRole,
  bodyOf,
  idsOf,
  isInstant,
  isUuid,
  optionalInstant,
  pageOf,
  parseInstant,
  uuidOrNotFound,
} from '@haven/common';
export * from './service-app';
export * from './service-messaging.module';
export * from './topology';
export * from './outbox/outbox-backlog';
export * from './dead-letters/dead-letter-queue';
export * from './dead-letters/dlq-command';
