import {
  type Actor,
  type CounselorView,
  DIRECTORY_LIMITS,
  DirectoryEvents,
  type UpdateProfileRequest,
} from '@haven/contracts';
import { DomainError, uuidOrNotFound, FieldErrors } from '@haven/common';
import { OutboxService } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccountChecks } from '../accounts-sync/account-checks';
import type { ApplicationEntity } from '../applications/application.entity';
import { bio, displayName, languages, specialtyList } from '../common/profile-fields';
import { OfferingEntity } from '../offerings/offering.entity';
import { BookingAvailability } from '../search/booking-availability';
import { SpecialtiesService } from '../specialties/specialties.service';
import { CounselorEntity } from './counselor.entity';
import { type CounselorAction, nextCounselorStatus } from './counselor-status-machine';
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
        await this.outbox.add(manager, DirectoryEvents.profileChanged, { counselorId: actor.userId });
      }
      const updated = await manager.findOneByOrFail(CounselorEntity, { id: actor.userId });
      return counselorView(updated, await this.activeOfferings(manager, actor.userId));
    });
  }

  suspend(admin: Actor, request: { id?: unknown; reason?: unknown }): Promise<CounselorView> {
    const errors = new FieldErrors();
    const reason = errors.text(request.reason, 'reason', { max: DIRECTORY_LIMITS.maxReasonLength });
    errors.throwIfAny();
    return this.changeStatus(admin, 'suspend', request.id, reason);
  }

  reinstate(admin: Actor, request: { id?: unknown; reason?: unknown }): Promise<CounselorView> {
    const errors = new FieldErrors();
    const reason = errors.optionalText(request.reason, 'reason', { max: DIRECTORY_LIMITS.maxReasonLength });
    errors.throwIfAny();
    return this.changeStatus(admin, 'reinstate', request.id, reason);
  }

  /**
   * The status machine answers first (409 naming the state); the guarded update (`WHERE status =
   * from`) then keeps a racing change from winning twice. The event goes out in the same transaction.
   */
  private async changeStatus(
    admin: Actor,
    action: CounselorAction,
    idInput: unknown,
    reason: string | undefined,
  ): Promise<CounselorView> {
    const id = uuidOrNotFound(idInput, 'counselor_not_found');
    await this.accounts.assertActiveAdmin(admin);
    const view = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneBy(CounselorEntity, { id });
      if (!current) throw DomainError.notFound('counselor_not_found');
      const to = nextCounselorStatus(current.status, action);
      const { affected } = await manager
        .createQueryBuilder()
        .update(CounselorEntity)
        .set({ status: to, statusReason: reason ?? null, statusChangedAt: new Date() })
        .where('id = :id', { id })
        .andWhere('status = :from', { from: current.status })
        .execute();
      if (!affected) {
        // A racing change won: answer as the machine would now.
        nextCounselorStatus((await manager.findOneByOrFail(CounselorEntity, { id })).status, action);
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

  /** Whether the user is a counselor (approved, active or suspended). */
  exists(manager: EntityManager, userId: string): Promise<boolean> {
    return manager.exists(CounselorEntity, { where: { id: userId } });
  }

  /** The approved counselor's profile, from their application, active at once; in the approval's transaction. */
  async createFromApplication(manager: EntityManager, application: ApplicationEntity): Promise<void> {
    await manager.query(
      `INSERT INTO "directory"."counselors" (
         "id", "application_id", "status", "status_changed_at", "display_name", "bio", "qualifications",
         "registration_body", "registration_number", "years_experience", "languages", "specialties", "gender",
         "account_active")
       VALUES ($1, $2, 'active', now(), $3, $4, $5, $6, $7, $8, $9, $10, $11,
         coalesce((SELECT s."active" FROM "directory"."account_states" s WHERE s."user_id" = $1), true))
       ON CONFLICT ("id") DO UPDATE SET "account_active" = EXCLUDED."account_active",
         "application_id" = EXCLUDED."application_id", "display_name" = EXCLUDED."display_name",
         "bio" = EXCLUDED."bio", "qualifications" = EXCLUDED."qualifications",
         "registration_body" = EXCLUDED."registration_body", "registration_number" = EXCLUDED."registration_number",
         "years_experience" = EXCLUDED."years_experience", "languages" = EXCLUDED."languages",
         "specialties" = EXCLUDED."specialties", "gender" = EXCLUDED."gender", "updated_at" = now()`,
      [
        application.userId,
        application.id,
        application.displayName,
        application.bio,
        application.qualifications,
        application.registrationBody,
        application.registrationNumber,
        application.yearsExperience,
        application.languages,
        application.specialties,
        application.gender,
      ],
    );
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
      changes.photoUrl = errors.httpUrl(input.photoUrl, 'photoUrl', DIRECTORY_LIMITS.maxPhotoUrlLength);
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
