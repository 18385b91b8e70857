import {
  ACCOUNTS_LIMITS,
  type AuditLogEntryView,
  type CounselorApplicationDecision,
  type CounselorStatusChange,
  type EventEnvelope,
  type ListAuditLogRequest,
  type Page,
} from '@haven/contracts';
import { FieldErrors, isUuid } from '@haven/common';
import { InboxService } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditLogEntryEntity } from './audit-log-entry.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detail?: Record<string, unknown>;
}

const VETTING_CONSUMER = 'accounts.vetting-audit';

/** The admin audit trail. Rows are written with the manager of the change they record. */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource('accounts') private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
  ) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await writeAuditRow(manager, record);
  }

  /** An admin's decision on a counselor application, made in the directory service (once per event). */
  async vettingDecided(
    event: EventEnvelope<CounselorApplicationDecision>,
    action: 'counselor.application-rejected' | 'counselor.changes-requested',
  ): Promise<void> {
    const { userId, reviewerId, applicationId, reason } = event.data ?? ({} as CounselorApplicationDecision);
    await this.inbox.process(event, VETTING_CONSUMER, (manager) =>
      writeAuditRow(manager, {
        actorId: isUuid(reviewerId) ? reviewerId : null,
        action,
        targetType: 'counselor-application',
        targetId: applicationId ?? null,
        detail: { userId, ...(reason ? { reason } : {}) },
      }),
    );
  }

  /** An admin suspended or reinstated a counselor in the directory service (once per event). */
  async counselorStatusChanged(
    event: EventEnvelope<CounselorStatusChange>,
    action: 'counselor.suspended' | 'counselor.reinstated',
  ): Promise<void> {
    const { counselorId, actorId, reason } = event.data ?? ({} as CounselorStatusChange);
    await this.inbox.process(event, VETTING_CONSUMER, (manager) =>
      writeAuditRow(manager, {
        actorId: isUuid(actorId) ? actorId : null,
        action,
        targetType: 'counselor',
        targetId: counselorId ?? null,
        detail: reason ? { reason } : {},
      }),
    );
  }

  async list(query: ListAuditLogRequest): Promise<Page<AuditLogEntryView>> {
    const errors = new FieldErrors();
    if (query.actorId !== undefined && !isUuid(query.actorId)) errors.add('actorId', 'must be a user id (uuid)');
    if (query.action !== undefined && query.action.length > ACCOUNTS_LIMITS.maxAuditActionLength) {
      errors.add('action', `must be at most ${ACCOUNTS_LIMITS.maxAuditActionLength} characters`);
    }
    errors.throwIfAny();
    const builder = this.dataSource.getRepository(AuditLogEntryEntity).createQueryBuilder('entry');
    if (query.actorId !== undefined) builder.andWhere('entry.actor_id = :actorId', { actorId: query.actorId });
    if (query.action !== undefined) builder.andWhere('entry.action = :action', { action: query.action });
    const [rows, total] = await builder
      .orderBy('entry.seq', 'DESC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items: rows.map(toAuditView), total, page: query.page, limit: query.limit };
  }
}

/** Inserts one audit row with the manager of the change it records (which must be in a transaction). */
export async function writeAuditRow(manager: EntityManager, record: AuditRecord): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`Audit row for ${record.action} outside a transaction`);
  }
  await manager.insert(AuditLogEntryEntity, {
    id: randomUUID(),
    actorId: record.actorId,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    // jsonb payloads are opaque to TypeORM's deep-partial typing.
    detail: (record.detail ?? {}) as QueryDeepPartialEntity<Record<string, unknown>>,
  });
}

export function toAuditView(entry: AuditLogEntryEntity): AuditLogEntryView {
  return {
    id: entry.id,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    at: entry.at.toISOString(),
    detail: entry.detail,
  };
}
