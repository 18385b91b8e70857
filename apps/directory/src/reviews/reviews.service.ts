import {
  AccountsRpc,
  type BookingCompletedData,
  type CreateReviewRequest,
  type CreatedReviewView,
  DIRECTORY_LIMITS as L,
  DirectoryEvents,
  type EventEnvelope,
  firstName,
  type Page,
  type ReviewView,
} from '@haven/contracts';
import { DomainError, isUuid, pageOf, uuidOrNotFound, FieldErrors } from '@haven/common';
import { isUniqueViolation } from '@haven/database';
import { InboxService, OutboxService, RpcClient } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DirectoryConfig } from '../config/directory.config';
import { CounselorEntity } from '../counselors/counselor.entity';
import { PUBLIC_COUNSELOR } from '../counselors/public-counselor';
import { ReviewEntity } from './review.entity';
import { ReviewEligibilityEntity } from './review-eligibility.entity';

/**
 * One review per completed booking. Which bookings are completed the directory learns from
 * `booking.completed` events; the rating average and count on the profile move in the same
 * transaction as the review, which announces them (`counselor.profile-changed`).
 */
@Injectable()
export class ReviewsService {
  private readonly logger = new Logger(ReviewsService.name);

  constructor(
    @InjectDataSource('directory') private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly outbox: OutboxService,
    private readonly rpc: RpcClient,
    private readonly config: DirectoryConfig,
  ) {}

  async recordCompletion(event: EventEnvelope<BookingCompletedData>): Promise<void> {
    const { bookingId, clientId, counselorId } = event.data ?? ({} as BookingCompletedData);
    if (!isUuid(bookingId) || !isUuid(clientId) || !isUuid(counselorId)) {
      // Retrying cannot fix a malformed event; record nothing and say so.
      this.logger.error({ eventId: event.id }, 'booking.completed without valid booking/client/counselor ids; ignored');
      return;
    }
    await this.inbox.process(event, 'review-eligibility', async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ReviewEligibilityEntity)
        .values({ bookingId, clientId, counselorId, completedAt: new Date(event.occurredAt) })
        .orIgnore()
        .execute();
    });
  }

  async create(input: Partial<CreateReviewRequest> | undefined): Promise<CreatedReviewView> {
    const source = input ?? {};
    const errors = new FieldErrors();
    if (!isUuid(source.bookingId)) errors.add('bookingId', 'must be a UUID');
    if (!isUuid(source.clientId)) errors.add('clientId', 'must be a UUID');
    const rating = errors.integer(source.rating, 'rating', { min: L.minRating, max: L.maxRating });
    let comment: string | null = null;
    if (source.comment !== undefined && source.comment !== null && String(source.comment).trim() !== '') {
      comment = errors.text(source.comment, 'comment', { max: L.maxCommentLength }) ?? null;
    }
    errors.throwIfAny();
    const bookingId = source.bookingId!.toLowerCase();
    const clientId = source.clientId!.toLowerCase();

    return this.dataSource.transaction(async (manager) => {
      const eligibility = await manager.findOne(ReviewEligibilityEntity, {
        where: { bookingId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!eligibility || eligibility.clientId !== clientId) {
        throw DomainError.unprocessable(
          'booking_not_completed',
          'Only a completed session can be reviewed, by its client',
        );
      }
      if (await manager.exists(ReviewEntity, { where: { bookingId } })) {
        throw DomainError.conflict('already_reviewed', 'This session has already been reviewed');
      }
      const review = manager.create(ReviewEntity, {
        id: randomUUID(),
        bookingId,
        counselorId: eligibility.counselorId,
        clientId,
        rating: rating!,
        comment,
      });
      try {
        await manager.insert(ReviewEntity, review);
      } catch (error) {
        if (isUniqueViolation(error))
          throw DomainError.conflict('already_reviewed', 'This session has already been reviewed');
        throw error;
      }
      await manager
        .createQueryBuilder()
        .update(CounselorEntity)
        .set({
          ratingTotal: () => `"rating_total" + ${Number(rating)}`,
          reviewCount: () => `"review_count" + 1`,
        })
        .where('id = :id', { id: eligibility.counselorId })
        .execute();
      await this.outbox.add(manager, DirectoryEvents.profileChanged, { counselorId: eligibility.counselorId });
      const saved = await manager.findOneByOrFail(ReviewEntity, { id: review.id });
      return {
        id: saved.id,
        bookingId: saved.bookingId,
        counselorId: saved.counselorId,
        clientId: saved.clientId,
        rating: saved.rating,
        comment: saved.comment,
        createdAt: saved.createdAt.toISOString(),
      };
    });
  }

  /** Public: reviews of an active counselor, newest first, with each client's first name only. */
  async listForCounselor(input: { counselorId?: unknown; page?: unknown; limit?: unknown }): Promise<Page<ReviewView>> {
    const counselorId = uuidOrNotFound(input?.counselorId, 'counselor_not_found');
    const { page, limit } = pageOf(input);
    const manager = this.dataSource.manager;
    if (!(await manager.exists(CounselorEntity, { where: { id: counselorId, ...PUBLIC_COUNSELOR } }))) {
      throw DomainError.notFound('counselor_not_found');
    }
    const [rows, total] = await manager.findAndCount(ReviewEntity, {
      where: { counselorId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * limit,
      take: limit,
    });
    const names = await this.firstNames([...new Set(rows.map((row) => row.clientId))]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        rating: row.rating,
        comment: row.comment,
        createdAt: row.createdAt.toISOString(),
        clientName: names.get(row.clientId) ?? null,
      })),
      total,
      page,
      limit,
    };
  }

  /** First names from the accounts service; without it the reviews still show, unnamed. */
  private async firstNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    try {
      const users = await this.rpc.send(AccountsRpc.getUsers, { ids }, { timeoutMs: this.config.dependencyTimeoutMs });
      return new Map(users.map((user) => [user.id, firstName(user.name)]));
    } catch (error) {
      this.logger.warn(`accounts did not answer get-users; reviews go without names: ${(error as Error).message}`);
      return new Map();
    }
  }
}
