import {
  type Actor,
  type ApplicationInput,
  type ApplicationStatus,
  type ApplicationView,
  APPLICATION_STATUSES,
  DIRECTORY_LIMITS,
  DirectoryEvents,
  type ListApplicationsRequest,
  type Page,
  type RpcMeta,
} from '@haven/contracts';
import { DomainError, isUuid, pageOf, uuidOrNotFound, FieldErrors } from '@haven/common';
import { isUniqueViolation } from '@haven/database';
import { OutboxService, RpcRequestLedger } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccountChecks, assertActiveAdmin } from '../accounts-sync/account-checks';
import { lockUserVetting } from './vetting-lock';
import { CounselorsService } from '../counselors/counselors.service';
import { SpecialtiesService } from '../specialties/specialties.service';
import { ApplicationEntity } from './application.entity';
import { cleanApplicationInput } from './application-input';
import {
  type ApplicationAction,
  APPLICATION_TRANSITIONS,
  assertMayApply,
  nextStatus,
} from './application-state-machine';
import { applicationView } from './application.view';

export type Decision = Exclude<ApplicationAction, 'resubmit'>;

/** Applying, resubmitting and the admin's vetting decisions; every decision's event goes out through the outbox. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource('directory') private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly specialties: SpecialtiesService,
    private readonly counselors: CounselorsService,
    private readonly accounts: AccountChecks,
    private readonly requests: RpcRequestLedger,
  ) {}

  /** Safe to redeliver: a redelivered submission answers with the application it created. */
  async submit(actor: Actor, input: unknown, meta?: Partial<RpcMeta>): Promise<ApplicationView> {
    const clean = cleanApplicationInput(input, await this.specialties.slugs(), { partial: false }) as ApplicationInput;
    const view = await this.requests.createOnce(meta, {
      replay: async (manager, id) => applicationView(await manager.findOneByOrFail(ApplicationEntity, { id })),
      create: async (manager, id) => {
        await lockUserVetting(manager, actor.userId);
        const existing = await manager.find(ApplicationEntity, {
          where: { userId: actor.userId },
          select: { id: true, status: true },
        });
        const isCounselor = await this.counselors.exists(manager, actor.userId);
        assertMayApply(
          existing.map((application) => application.status),
          isCounselor,
        );
        const now = new Date();
        const application = manager.create(ApplicationEntity, {
          id,
          userId: actor.userId,
          status: 'submitted',
          ...toColumns(clean),
          reviewerNote: null,
          reviewerId: null,
          submittedAt: now,
          decidedAt: null,
        });
        try {
          await manager.insert(ApplicationEntity, application);
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw DomainError.conflict('application_open', 'You already have an open application');
          }
          throw error;
        }
        await this.outbox.add(manager, DirectoryEvents.applicationSubmitted, {
          applicationId: application.id,
          userId: actor.userId,
          resubmission: false,
        });
        return applicationView(await manager.findOneByOrFail(ApplicationEntity, { id: application.id }));
      },
    });
    return view;
  }

  async mine(actor: Actor): Promise<ApplicationView> {
    const latest = await this.latestOf(this.dataSource.manager, actor.userId);
    if (!latest) throw DomainError.notFound('application_not_found');
    return applicationView(latest);
  }

  /** Only while changes are requested: applies the changes and puts the application back in the queue. */
  async resubmit(actor: Actor, input: unknown): Promise<ApplicationView> {
    const changes = cleanApplicationInput(input, await this.specialties.slugs(), { partial: true });
    const view = await this.dataSource.transaction(async (manager) => {
      await lockUserVetting(manager, actor.userId);
      const latest = await this.latestOf(manager, actor.userId);
      if (!latest) throw DomainError.notFound('application_not_found');
      const to = nextStatus(latest.status, 'resubmit');
      const { affected } = await manager
        .createQueryBuilder()
        .update(ApplicationEntity)
        .set({ ...toColumns(changes), status: to, submittedAt: new Date(), decidedAt: null })
        .where('id = :id', { id: latest.id })
        .andWhere('status IN (:...from)', { from: APPLICATION_TRANSITIONS.resubmit.from })
        .execute();
      if (!affected) throw nextStatusConflict(latest.status);
      await this.outbox.add(manager, DirectoryEvents.applicationSubmitted, {
        applicationId: latest.id,
        userId: actor.userId,
        resubmission: true,
      });
      return applicationView(await manager.findOneByOrFail(ApplicationEntity, { id: latest.id }));
    });
    return view;
  }

  async list(request: Partial<ListApplicationsRequest>): Promise<Page<ApplicationView>> {
    const errors = new FieldErrors();
    const where: { status?: ApplicationStatus; userId?: string } = {};
    const status = errors.oneOf(request.status, 'status', APPLICATION_STATUSES);
    if (status !== undefined) where.status = status;
    if (request.userId !== undefined) {
      if (isUuid(request.userId)) where.userId = request.userId;
      else errors.add('userId', 'must be a UUID');
    }
    const { page, limit } = errors.checkAll({ paging: () => pageOf(request) }).paging;
    const [rows, total] = await this.dataSource.manager.findAndCount(ApplicationEntity, {
      where,
      order: { submittedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * limit,
      take: limit,
    });
    return { items: rows.map(applicationView), total, page, limit };
  }

  /**
   * An admin's decision on a submitted application. Approval also creates the counselor's public
   * profile (active); the role grant follows from `counselor.approved` in the accounts service.
   *
   * The accounts service confirms first that the admin still is an active admin (403), that the
   * application is not their own and that the applicant's account is not deactivated (422 both,
   * like the other rules an admin's request can break).
   */
  async decide(
    admin: Actor,
    decision: Decision,
    request: { id?: unknown; note?: unknown; reason?: unknown },
  ): Promise<ApplicationView> {
    const id = uuidOrNotFound(request.id, 'application_not_found');
    const note = decisionNote(decision, request);
    const application = await this.dataSource.manager.findOneBy(ApplicationEntity, { id });
    if (!application) throw DomainError.notFound('application_not_found');
    const accounts = await this.accounts.statuses([admin.userId, application.userId]);
    assertActiveAdmin(accounts, admin);
    if (application.userId === admin.userId) {
      throw DomainError.unprocessable('own_application', 'No admin may decide their own application');
    }
    if (!accounts.get(application.userId)?.active) {
      throw DomainError.unprocessable(
        'applicant_deactivated',
        "The applicant's account is deactivated; reactivate it before deciding",
      );
    }
    const view = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(ApplicationEntity, { id });
      if (!found) throw DomainError.notFound('application_not_found');
      await lockUserVetting(manager, found.userId);
      const to = nextStatus(found.status, decision);
      const { affected } = await manager
        .createQueryBuilder()
        .update(ApplicationEntity)
        .set({ status: to, reviewerNote: note ?? null, reviewerId: admin.userId, decidedAt: new Date() })
        .where('id = :id', { id })
        .andWhere('status IN (:...from)', { from: APPLICATION_TRANSITIONS[decision].from })
        .execute();
      if (!affected) {
        const current = await manager.findOneByOrFail(ApplicationEntity, { id });
        throw nextStatusConflict(current.status, decision);
      }
      const application = await manager.findOneByOrFail(ApplicationEntity, { id });
      const base = { applicationId: id, userId: application.userId, reviewerId: admin.userId };
      if (decision === 'approve') {
        await this.counselors.createFromApplication(manager, application);
        await this.outbox.add(manager, DirectoryEvents.approved, {
          ...base,
          displayName: application.displayName,
          ...(note ? { note } : {}),
        });
      } else if (decision === 'reject') {
        await this.outbox.add(manager, DirectoryEvents.rejected, { ...base, reason: note });
      } else {
        await this.outbox.add(manager, DirectoryEvents.changesRequested, { ...base, reason: note });
      }
      return applicationView(application);
    });
    return view;
  }

  private latestOf(manager: EntityManager, userId: string): Promise<ApplicationEntity | null> {
    return manager.findOne(ApplicationEntity, {
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }
}

/** The conflict for an application that changed status under us (a racing decision won). */
function nextStatusConflict(current: ApplicationStatus, action: ApplicationAction = 'resubmit'): DomainError {
  try {
    nextStatus(current, action);
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  return DomainError.conflict('application_changed', 'The application changed meanwhile; reload it and try again');
}

function decisionNote(decision: Decision, request: { note?: unknown; reason?: unknown }): string | undefined {
  const errors = new FieldErrors();
  const limits = { max: DIRECTORY_LIMITS.maxReasonLength };
  const note =
    decision === 'approve'
      ? errors.optionalText(request.note, 'note', limits)
      : errors.text(request.reason, 'reason', limits);
  errors.throwIfAny();
  return note;
}

function toColumns(input: Partial<ApplicationInput>): Partial<ApplicationEntity> {
  const columns: Partial<ApplicationEntity> = {};
  if (input.displayName !== undefined) columns.displayName = input.displayName;
  if (input.bio !== undefined) columns.bio = input.bio;
  if (input.qualifications !== undefined) columns.qualifications = input.qualifications;
  if (input.registration !== undefined) {
    columns.registrationBody = input.registration.body;
    columns.registrationNumber = input.registration.number;
  }
  if (input.yearsExperience !== undefined) columns.yearsExperience = input.yearsExperience;
  if (input.languages !== undefined) columns.languages = input.languages;
  if (input.specialties !== undefined) columns.specialties = input.specialties;
  if (input.gender !== undefined) columns.gender = input.gender;
  return columns;
}
