import {
  BookingRpc,
  type BookingView,
  type CancelBookingRequest,
  type CreateBookingRequest,
  type ListBookingsRequest,
  type ListCounselorBookingsRequest,
  type Page,
  type RescheduleBookingRequest,
  type RpcRequest,
  type VerifyPaymentRequest,
} from '@haven/contracts';
import { actorOf, actorWithRole } from '@haven/common';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { BookingLifecycleService } from './booking-lifecycle.service';
import { BookingsService } from './bookings.service';
import { CounselorBookingsService } from './counselor-bookings.service';

/** RPC handlers of bookings: booking a slot, paying for it, the client's and the counselor's lists, and every change after. */
@Controller()
export class BookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly lifecycle: BookingLifecycleService,
    private readonly counselorBookings: CounselorBookingsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @MessagePattern(BookingRpc.createBooking.pattern)
  create(@Payload() request: RpcRequest<CreateBookingRequest>): Promise<BookingView> {
    const actor = actorOf(request);
    const { idempotencyKey, ...body } = request.body;
    return this.idempotency.run(actor.userId, idempotencyKey, 'create', body, () =>
      this.bookings.create(actor, request.body),
    );
  }

  @MessagePattern(BookingRpc.listBookings.pattern)
  list(@Payload() request: RpcRequest<ListBookingsRequest>): Promise<Page<BookingView>> {
    return this.bookings.list(actorOf(request), request.body);
  }

  @MessagePattern(BookingRpc.listCounselorBookings.pattern)
  listForCounselor(@Payload() request: RpcRequest<ListCounselorBookingsRequest>): Promise<Page<BookingView>> {
    return this.counselorBookings.list(actorWithRole(request, 'counselor').userId, request.body);
  }

  @MessagePattern(BookingRpc.getBooking.pattern)
  get(@Payload() request: RpcRequest<{ id: string }>): Promise<BookingView> {
    return this.bookings.get(actorOf(request), request.body.id);
  }

  @MessagePattern(BookingRpc.verifyPayment.pattern)
  verifyPayment(@Payload() request: RpcRequest<VerifyPaymentRequest>): Promise<BookingView> {
    return this.bookings.verifyPayment(actorOf(request), request.body);
  }

  @MessagePattern(BookingRpc.cancelBooking.pattern)
  cancel(@Payload() request: RpcRequest<CancelBookingRequest>): Promise<BookingView> {
    const actor = actorOf(request);
    const { idempotencyKey, ...body } = request.body;
    return this.idempotency.run(actor.userId, idempotencyKey, 'cancel', body, () =>
      this.bookings.cancel(actor, request.body),
    );
  }

  @MessagePattern(BookingRpc.rescheduleBooking.pattern)
  reschedule(@Payload() request: RpcRequest<RescheduleBookingRequest>): Promise<BookingView> {
    const actor = actorOf(request);
    const { idempotencyKey, ...body } = request.body;
    return this.idempotency.run(actor.userId, idempotencyKey, 'reschedule', body, () =>
      this.bookings.reschedule(actor, request.body),
    );
  }

  @MessagePattern(BookingRpc.completeBooking.pattern)
  complete(@Payload() request: RpcRequest<{ id: string }>): Promise<BookingView> {
    return this.lifecycle.complete(actorOf(request), request.body.id);
  }

  @MessagePattern(BookingRpc.markNoShow.pattern)
  markNoShow(@Payload() request: RpcRequest<{ id: string }>): Promise<BookingView> {
    return this.lifecycle.markNoShow(actorOf(request), request.body.id);
  }
}
