import {
  BookingEvents,
  type BookingCompletedData,
  type CreateReviewRequest,
  type CreatedReviewView,
  DirectoryRpc,
  type EventEnvelope,
  type Page,
  type ReviewView,
  type RpcRequest,
} from '@haven/contracts';
import { DomainError } from '@haven/common';
import { OnEvent, RpcHandler } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ReviewsService } from './reviews.service';

@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @OnEvent(BookingEvents.completed)
  onBookingCompleted(@Payload() event: EventEnvelope<BookingCompletedData>): Promise<void> {
    return this.reviews.recordCompletion(event);
  }

  /**
   * Called by the service that owns the HTTP route. When it passes the caller along, only that
   * client (or an admin) may review; someone else's booking is not found.
   */
  @RpcHandler(DirectoryRpc.createReview)
  create(@Payload() request: RpcRequest<CreateReviewRequest>): Promise<CreatedReviewView> {
    const actor = request.meta?.actor;
    if (actor && !actor.roles.includes('admin') && request.body?.clientId !== actor.userId) {
      throw DomainError.notFound('booking_not_found');
    }
    return this.reviews.create(request.body);
  }

  @RpcHandler(DirectoryRpc.listReviews)
  list(
    @Payload() request: RpcRequest<{ counselorId: string; page: number; limit: number }>,
  ): Promise<Page<ReviewView>> {
    return this.reviews.listForCounselor(request.body ?? {});
  }
}
