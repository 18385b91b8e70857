import {
  ACCOUNTS_LIMITS as L,
  type Actor,
  type ListUsersRequest,
  type Page,
  ROLES,
  type UpdateUserRequest,
  type UserView,
} from '@haven/contracts';
import { DomainError, FieldErrors, isUuid } from '@haven/common';
import { type AdvisoryLock, lockForTransaction } from '@haven/database';
import { OutboxService } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RefreshTokensService } from '../auth/refresh-tokens.service';
import { AuditLogService } from '../audit/audit-log.service';
import { changeRights, RightsVersions } from '../auth/rights-versions';
import { escapeLike } from '../common/user-input';
import { UserEntity } from '../users/user.entity';
import { UsersQueries } from '../users/users.queries';
import { toUserView } from '../users/user.view';
import { planUserUpdate } from '../roles/role-policy';

const ADMIN_CHANGES_LOCK: AdvisoryLock = { schema: 'accounts', subject: 'admin-user-changes' };

/** User management for admins; every change is audited in its own transaction. */
@Injectable()
export class AdminUsersService {
  private readonly logger = new Logger(AdminUsersService.name);

  constructor(
    @InjectDataSource('accounts') private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditLogService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly rights: RightsVersions,
  ) {}

  /**
   * The gateway checked the token's roles; this checks the account as it is now, so an admin who
   * was demoted or deactivated a moment ago cannot act on an older token.
   */
  async assertAdmin(actor: Actor, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const user = await manager.findOneBy(UserEntity, { id: actor.userId });
    if (!user?.active || !user.roles.includes('admin')) throw DomainError.forbidden('This needs the admin role');
  }

  async list(query: ListUsersRequest): Promise<Page<UserView>> {
    const errors = new FieldErrors();
    if (query.q !== undefined && query.q.length > L.maxUserSearchLength) {
      errors.add('q', `must be at most ${L.maxUserSearchLength} characters`);
    }
    const role = errors.oneOf(query.role, 'role', ROLES);
    errors.throwIfAny();
    const builder = this.dataSource.getRepository(UserEntity).createQueryBuilder('user');
    if (query.q !== undefined && query.q.trim() !== '') {
      const pattern = `%${escapeLike(query.q.trim())}%`;
      builder.andWhere(`(user.email ILIKE :pattern ESCAPE '\\' OR user.name ILIKE :pattern ESCAPE '\\')`, { pattern });
    }
    if (role !== undefined) builder.andWhere(':role = ANY(user.roles)', { role });
    const [users, total] = await builder
      .orderBy('user.created_at', 'DESC')
      .addOrderBy('user.id', 'ASC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items: users.map(toUserView), total, page: query.page, limit: query.limit };
  }

  async update(actor: Actor, request: Partial<UpdateUserRequest>): Promise<UserView> {
    if (!isUuid(request.id)) throw DomainError.notFound('user_not_found');
    const errors = new FieldErrors();
    if (request.roles !== undefined && !Array.isArray(request.roles)) errors.add('roles', 'must be an array of roles');
    if (request.active !== undefined && typeof request.active !== 'boolean') {
      errors.add('active', 'must be true or false');
    }
    errors.throwIfAny();
    if (request.roles === undefined && request.active === undefined) {
      throw DomainError.validation('Give roles and/or active', [
        { field: 'roles', message: 'roles or active is required' },
        { field: 'active', message: 'roles or active is required' },
      ]);
    }
    const id = request.id;

    const user = await this.dataSource.transaction(async (manager) => {
      // The last active admin is never removed: admins cannot remove themselves (role-policy), and
      // under this lock, one admin-user change at a time, the actor must still be an active admin,
      // so another one always remains. Without it, two admins removing each other at once would
      // both pass their checks and leave none.
      await lockForTransaction(manager, ADMIN_CHANGES_LOCK);
      await this.assertAdmin(actor, manager);
      const target = await UsersQueries.lockById(manager, id);
      if (!target) throw DomainError.notFound('user_not_found');
      const plan = planUserUpdate({ actorId: actor.userId, target, roles: request.roles, active: request.active });
      const rolesChanged = plan.granted.length > 0 || plan.removed.length > 0;
      const before = { roles: target.roles, active: target.active };

      if (rolesChanged || plan.activeChanged) {
        await changeRights(manager, this.outbox, target, { roles: plan.roles, active: plan.active });
      }
      if (plan.activeChanged && !plan.active) await this.refreshTokens.revokeAllForUser(manager, id);

      const base = { actorId: actor.userId, targetType: 'user', targetId: id };
      if (rolesChanged) {
        await this.audit.record(manager, {
          ...base,
          action: 'user.roles-changed',
          detail: { before: before.roles, after: plan.roles, granted: plan.granted, removed: plan.removed },
        });
      }
      if (plan.activeChanged) {
        await this.audit.record(manager, { ...base, action: plan.active ? 'user.reactivated' : 'user.deactivated' });
      }
      if (!rolesChanged && !plan.activeChanged) {
        await this.audit.record(manager, {
          ...base,
          action: 'user.updated',
          detail: { unchanged: true, roles: target.roles, active: target.active },
        });
      }
      return target;
    });
    await this.rights.publishSoon(user.id, user.rightsVersion);
    this.logger.log({ msg: 'admin updated a user', actorId: actor.userId, userId: id });
    return toUserView(user);
  }
}
