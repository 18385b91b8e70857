import { type CounselorApplicationDecision, type CounselorStatusChange, type EventEnvelope } from '@haven/contracts';
import { InboxService, OutboxService } from '@haven/messaging';
import { isUuid } from '@haven/common';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canonicalRoles } from '../admin/role-policy';
import { AuditLogService } from '../audit/audit-log.service';
import { changeRights, RightsVersions } from '../auth/rights-versions';
import { UserEntity } from '../users/user.entity';
import { UsersQueries } from '../users/users.queries';

const ROLE_CONSUMER = 'accounts.counselor-role';
const AUDIT_CONSUMER = 'accounts.vetting-audit';

/**
 * The accounts side of vetting: an approved application grants the `counselor` role, and every
 * vetting decision by an admin lands in the audit log. Each event takes effect once (inbox).
 */
@Injectable()
export class VettingEventsService {
  private readonly logger = new Logger(VettingEventsService.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditLogService,
    private readonly rights: RightsVersions,
  ) {}

  async approved(event: EventEnvelope<CounselorApplicationDecision & { displayName?: string }>): Promise<void> {
    const { userId, reviewerId, applicationId } = event.data ?? ({} as CounselorApplicationDecision);
    if (!isUuid(userId)) {
      this.logger.error({ msg: 'counselor.approved without a valid userId: ignored', eventId: event.id });
      return;
    }
    let granted: UserEntity | undefined;
    await this.inbox.process(event, ROLE_CONSUMER, async (manager) => {
      const actorId = isUuid(reviewerId) ? reviewerId : null;
      await this.audit.record(manager, {
        actorId,
        action: 'counselor.application-approved',
        targetType: 'counselor-application',
        targetId: applicationId ?? null,
        detail: { userId },
      });
      granted = await this.grantCounselor(manager, userId, actorId, applicationId);
    });
    // The applicant's current token lacks the role: it turns stale, and a refresh brings the role.
    if (granted) await this.rights.publishSoon(granted.id, granted.rightsVersion);
  }

  async decided(
    event: EventEnvelope<CounselorApplicationDecision>,
    action: 'counselor.application-rejected' | 'counselor.changes-requested',
  ): Promise<void> {
    const { userId, reviewerId, applicationId, reason } = event.data ?? ({} as CounselorApplicationDecision);
    await this.inbox.process(event, AUDIT_CONSUMER, (manager) =>
      this.audit.record(manager, {
        actorId: isUuid(reviewerId) ? reviewerId : null,
        action,
        targetType: 'counselor-application',
        targetId: applicationId ?? null,
        detail: { userId, ...(reason ? { reason } : {}) },
      }),
    );
  }

  async statusChanged(
    event: EventEnvelope<CounselorStatusChange>,
    action: 'counselor.suspended' | 'counselor.reinstated',
  ): Promise<void> {
    const { counselorId, actorId, reason } = event.data ?? ({} as CounselorStatusChange);
    await this.inbox.process(event, AUDIT_CONSUMER, (manager) =>
      this.audit.record(manager, {
        actorId: isUuid(actorId) ? actorId : null,
        action,
        targetType: 'counselor',
        targetId: counselorId ?? null,
        detail: reason ? { reason } : {},
      }),
    );
  }

  private async grantCounselor(
    manager: EntityManager,
    userId: string,
    actorId: string | null,
    applicationId: string | undefined,
  ): Promise<UserEntity | undefined> {
    const user = await UsersQueries.lockById(manager, userId);
    if (!user) {
      this.logger.warn({ msg: 'approved counselor has no account: no role granted', userId });
      return undefined;
    }
    if (user.roles.includes('counselor')) return undefined;
    await changeRights(manager, this.outbox, user, {
      roles: canonicalRoles([...user.roles, 'counselor']),
      active: user.active,
    });
    await this.audit.record(manager, {
      actorId,
      action: 'user.role-granted',
      targetType: 'user',
      targetId: user.id,
      detail: { role: 'counselor', source: 'vetting', applicationId: applicationId ?? null },
    });
    this.logger.log({ msg: 'counselor role granted', userId: user.id });
    return user;
  }
}
