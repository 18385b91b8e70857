import {
  type AccountStatus,
  AccountsEvents,
  type Actor,
  type Role,
  type UpdateMeRequest,
  type UserContact,
  type UserSummary,
  type UserView,
} from '@haven/contracts';
import { DomainError, FieldErrors } from '@haven/common';
import { OutboxService } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { canonicalRoles } from '../roles/role-policy';
import { checkName, checkPhone, checkTimezone } from '../common/user-input';
import { UserEntity } from './user.entity';
import { userUpdatedData } from './user-events';
import { UsersQueries } from './users.queries';
import { toUserContact, toUserSummary, toUserView } from './user.view';

/** A user's own profile, and lookups other services make. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource('accounts') private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async getMe(actor: Actor): Promise<UserView> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: actor.userId });
    return toUserView(this.assertActive(user));
  }

  async updateMe(actor: Actor, input: Partial<UpdateMeRequest>): Promise<UserView> {
    const changes: Partial<Pick<UserEntity, 'name' | 'phone' | 'timezone'>> = {};
    const errors = new FieldErrors();
    if (input.name !== undefined) changes.name = errors.collect(() => checkName(input.name));
    if (input.phone !== undefined)
      changes.phone = input.phone === null ? null : errors.collect(() => checkPhone(input.phone));
    if (input.timezone !== undefined) changes.timezone = errors.collect(() => checkTimezone(input.timezone));
    errors.throwIfAny();

    const user = await this.dataSource.transaction(async (manager) => {
      const current = this.assertActive(await UsersQueries.lockById(manager, actor.userId));
      const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((key) => changes[key] !== current[key]);
      if (changed.length === 0) return current;
      Object.assign(current, changes, { updatedAt: new Date() });
      await manager.update(UserEntity, { id: current.id }, { ...changes, updatedAt: current.updatedAt });
      await this.outbox.add(manager, AccountsEvents.updated, userUpdatedData(current));
      return current;
    });
    return toUserView(user);
  }

  /** First names only: what reviews and other public pages may show. */
  async summaries(ids: string[]): Promise<UserSummary[]> {
    if (ids.length === 0) return [];
    const users = await this.dataSource.manager.find(UserEntity, {
      select: { id: true, name: true },
      where: { id: In(ids) },
    });
    return users.map(toUserSummary);
  }

  async contacts(ids: string[]): Promise<UserContact[]> {
    if (ids.length === 0) return [];
    const users = await this.dataSource.manager.findBy(UserEntity, { id: In(ids) });
    return users.map(toUserContact);
  }

  async statuses(ids: string[]): Promise<AccountStatus[]> {
    if (ids.length === 0) return [];
    const users = await this.dataSource.manager.find(UserEntity, {
      select: { id: true, roles: true, active: true },
      where: { id: In(ids) },
    });
    return users.map((user) => ({ id: user.id, roles: canonicalRoles(user.roles), active: user.active }));
  }

  async contactsByRole(role: Role): Promise<UserContact[]> {
    const users = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where(':role = ANY(user.roles)', { role })
      .andWhere('user.active')
      .orderBy('user.created_at', 'ASC')
      .getMany();
    return users.map(toUserContact);
  }

  /** A token outlives a deactivation by up to 15 minutes; the account's own routes stop at once. */
  private assertActive(user: UserEntity | null): UserEntity {
    if (!user) throw DomainError.unauthenticated('account_not_found', 'This account no longer exists');
    if (!user.active) throw DomainError.unauthenticated('account_deactivated', 'This account is deactivated');
    return user;
  }
}
