import {
  type Actor,
  type CounselorView,
  DIRECTORY_LIMITS,
  DirectoryEvents,
  type UpdateProfileRequest,
} from '@haven/contracts';
import { DomainError, uuidOrNotFound } from '@haven/common';
import { OutboxService } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccountChecks } from '../accounts-sync/account-checks';
import { FieldErrors, httpUrl, text } from '../common/fields';
import { bio, displayName, languages, specialtyList } from '../common/profile-fields';
import { OfferingEntity } from '../offerings/offering.entity';
import { BookingAvailability } from '../search/booking-availability';
import { SpecialtiesService } from '../specialties/specialties.service';
import { CounselorEntity } from './counselor.entity';
import { type CounselorAction, COUNSELOR_TRANSITIONS, nextCounselorStatus } from './counselor-status-machine';
import { assertNotSuspended } from './suspension-rules';
import { counselorView } from './counselor.view';
import { PUBLIC_COUNSELOR } from './public-counselor';

/** Counselor profiles: the public view, the counselor's own edits, and suspension by admins. */
@Injectable()
export class CounselorsService {
  constructor(
    @InjectDataSource('directory') private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly specialties: SpecialtiesService,
    private readonly availability: BookingAvailability,
    private readonly accounts: AccountChecks,
  ) {}

  /** Anyone: an active counselor, with their active offerings and next open slot. */
  async getPublic(idInput: unknown): Promise<CounselorView> {
    const counselor = await this.findActive(uuidOrNotFound(idInput, 'counselor_not_found'));
    const [offerings, next] = await Promise.all([
      this.activeOfferings(this.dataSource.manager, counselor.id),
      this.availability.nextAvailableAt([counselor.id]),
    ]);
    return counselorView(counselor, offerings, next === undefined ? undefined : (next[counselor.id] ?? null));
  }

  /** not_found unless the counselor is public (active, account not deactivated): the public never learns of the others. */
  async findActive(id: string, manager: EntityManager = this.dataSource.manager): Promise<CounselorEntity> {
    const counselor = await manager.findOneBy(CounselorEntity, { id, ...PUBLIC_COUNSELOR });
    if (!counselor) throw DomainError.notFound('counselor_not_found');
    return counselor;
  }

  async updateProfile(actor: Actor, input: UpdateProfileRequest | undefined): Promise<CounselorView> {
    const changes = await this.cleanProfileChanges(input ?? {});
    return this.dataSource.transaction(async (manager) => {
      const counselor = await manager.findOne(CounselorEntity, {
        where: { id: actor.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!counselor) throw DomainError.notFound('counselor_not_found');
      assertNotSuspended(counselor, 'edit the public profile');
      if (Object.keys(changes).length > 0) {
        await manager.update(CounselorEntity, { id: actor.userId }, changes);
      }
      const updated = await manager.findOneByOrFail(CounselorEntity, { id: actor.userId });
      return counselorView(updated, await this.activeOfferings(manager, actor.userId));
    });
  }

  suspend(admin: Actor, request: { id?: unknown; reason?: unknown }): Promise<CounselorView> {
    const errors = new FieldErrors();
    const reason = text(request.reason, 'reason', errors, { max: DIRECTORY_LIMITS.maxReasonLength });
    errors.throwIfAny();
    return this.changeStatus(admin, 'suspend', request.id, reason);
  }

  reinstate(admin: Actor, request: { id?: unknown; reason?: unknown }): Promise<CounselorView> {
    let reason: string | undefined;
    if (request.reason !== undefined && request.reason !== null && request.reason !== '') {
      const errors = new FieldErrors();
      reason = text(request.reason, 'reason', errors, { max: DIRECTORY_LIMITS.maxReasonLength });
      errors.throwIfAny();
    }
    return this.changeStatus(admin, 'reinstate', request.id, reason);
  }

  /** A guarded transition (`WHERE status = from`) with its event in the same transaction. */
  private async changeStatus(
    admin: Actor,
    action: CounselorAction,
    idInput: unknown,
    reason: string | undefined,
  ): Promise<CounselorView> {
    const id = uuidOrNotFound(idInput, 'counselor_not_found');
    await this.accounts.assertActiveAdmin(admin);
    const transition = COUNSELOR_TRANSITIONS[action];
    const view = await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager
        .createQueryBuilder()
        .update(CounselorEntity)
        .set({ status: transition.to, statusReason: reason ?? null, statusChangedAt: new Date() })
        .where('id = :id', { id })
        .andWhere('status = :from', { from: transition.from })
        .execute();
      if (!affected) {
        const current = await manager.findOneBy(CounselorEntity, { id });
        if (!current) throw DomainError.notFound('counselor_not_found');
        nextCounselorStatus(current.status, action);
        throw DomainError.conflict('counselor_changed', 'The counselor changed meanwhile; reload and try again');
      }
      const data = { counselorId: id, actorId: admin.userId, ...(reason ? { reason } : {}) };
      await this.outbox.add(
        manager,
        action === 'suspend' ? DirectoryEvents.suspended : DirectoryEvents.reinstated,
        data,
      );
      const counselor = await manager.findOneByOrFail(CounselorEntity, { id });
      return counselorView(counselor, await this.activeOfferings(manager, id));
    });
    return view;
  }

  private async cleanProfileChanges(input: UpdateProfileRequest): Promise<Partial<CounselorEntity>> {
    const errors = new FieldErrors();
    const changes: Partial<CounselorEntity> = {};
    if (input.displayName !== undefined) changes.displayName = displayName(input.displayName, errors);
    if (input.bio !== undefined) changes.bio = bio(input.bio, errors);
    if (input.languages !== undefined) changes.languages = languages(input.languages, errors);
    if (input.specialties !== undefined) {
      changes.specialties = specialtyList(input.specialties, 'specialties', errors, await this.specialties.slugs());
    }
    if (input.photoUrl === null) changes.photoUrl = null;
    else if (input.photoUrl !== undefined) {
      changes.photoUrl = httpUrl(input.photoUrl, 'photoUrl', errors, DIRECTORY_LIMITS.maxPhotoUrlLength);
    }
    errors.throwIfAny();
    return changes;
  }

  private activeOfferings(manager: EntityManager, counselorId: string): Promise<OfferingEntity[]> {
    return manager.find(OfferingEntity, {
      where: { counselorId, active: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
