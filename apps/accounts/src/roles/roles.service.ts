import { type CounselorApplicationDecision, type EventEnvelope } from '@haven/contracts';
import { InboxService, OutboxService } from '@haven/messaging';
import { isUuid } from '@haven/common';
import { Injectable, Logger } from '@nestjs/common';
import { AuditLogService } from '../audit/audit-log.service';
import { RightsVersions } from '../auth/rights-versions';
import { UsersQueries } from '../users/users.queries';
import { grantRole } from './grant-role';

const ROLE_CONSUMER = 'accounts.counselor-role';

/**
 * Roles that come from elsewhere: an approved counselor application grants the `counselor` role
 * (once per event, through the inbox). Admins set the grantable roles in `admin/`.
 */
@Injectable()
export class RolesService {
  private readonly logger = new Logger(RolesService.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditLogService,
    private readonly rights: RightsVersions,
  ) {}

  async counselorApproved(
    event: EventEnvelope<CounselorApplicationDecision & { displayName?: string }>,
  ): Promise<void> {
    const { userId, reviewerId, applicationId } = event.data ?? ({} as CounselorApplicationDecision);
    if (!isUuid(userId)) {
      this.logger.error({ msg: 'counselor.approved without a valid userId: ignored', eventId: event.id });
      return;
    }
    let granted: { id: string; rightsVersion: number } | undefined;
    await this.inbox.process(event, ROLE_CONSUMER, async (manager) => {
      const actorId = isUuid(reviewerId) ? reviewerId : null;
      await this.audit.record(manager, {
        actorId,
        action: 'counselor.application-approved',
        targetType: 'counselor-application',
        targetId: applicationId ?? null,
        detail: { userId },
      });
      const user = await UsersQueries.lockById(manager, userId);
      if (!user) {
        this.logger.warn({ msg: 'approved counselor has no account: no role granted', userId });
        return;
      }
      const detail = { source: 'vetting', applicationId: applicationId ?? null };
      if (await grantRole(manager, this.outbox, user, 'counselor', { actorId, detail })) {
        this.logger.log({ msg: 'counselor role granted', userId: user.id });
        granted = user;
      }
    });
    // The applicant's current token lacks the role: it turns stale, and a refresh brings the role.
    if (granted) await this.rights.publishSoon(granted.id, granted.rightsVersion);
  }
}
