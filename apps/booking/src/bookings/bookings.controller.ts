import { RpcHandler } from '@haven/messaging';
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
import { Payload } from '@nestjs/microservices';
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

  @RpcHandler(BookingRpc.createBooking)
  create(@Payload() request: RpcRequest<CreateBookingRequest>): Promise<BookingView> {
    const actor = actorOf(request);
    const { idempotencyKey, ...body } = request.body;
    return this.idempotency.run(actor.userId, idempotencyKey, 'create', body, () =>
      this.bookings.create(actor, request.body),
    );
  }

  @RpcHandler(BookingRpc.listBookings)
  list(@Payload() request: RpcRequest<ListBookingsRequest>): Promise<Page<BookingView>> {
    return this.bookings.list(actorOf(request), request.body);
  }

  @RpcHandler(BookingRpc.listCounselorBookings)
  listForCounselor(@Payload() request: RpcRequest<ListCounselorBookingsRequest>): Promise<Page<BookingView>> {
    return this.counselorBookings.list(actorWithRole(request, 'counselor').userId, request.body);
  }

  @RpcHandler(BookingRpc.getBooking)
  get(@Payload() request: RpcRequest<{ id: string }>): Promise<BookingView> {
    return this.bookings.get(actorOf(request), request.body.id);
  }

  @RpcHandler(BookingRpc.verifyPayment)
  verifyPayment(@Payload() request: RpcRequest<VerifyPaymentRequest>): Promise<BookingView> {
    return this.bookings.verifyPayment(actorOf(request), request.body);
  }

  @RpcHandler(BookingRpc.cancelBooking)
  cancel(@Payload() request: RpcRequest<CancelBookingRequest>): Promise<BookingView> {
    const actor = actorOf(request);
    const { idempotencyKey, ...body } = request.body;
    return this.idempotency.run(actor.userId, idempotencyKey, 'cancel', body, () =>
      this.bookings.cancel(actor, request.body),
    );
  }

  @RpcHandler(BookingRpc.rescheduleBooking)
  reschedule(@Payload() request: RpcRequest<RescheduleBookingRequest>): Promise<BookingView> {
    const actor = actorOf(request);
    const { idempotencyKey, ...body } = request.body;
    return this.idempotency.run(actor.userId, idempotencyKey, 'reschedule', body, () =>
      this.bookings.reschedule(actor, request.body),
    );
  }

  @RpcHandler(BookingRpc.completeBooking)
  complete(@Payload() request: RpcRequest<{ id: string }>): Promise<BookingView> {
    return this.lifecycle.complete(actorOf(request), request.body.id);
  }

  @RpcHandler(BookingRpc.markNoShow)
  markNoShow(@Payload() request: RpcRequest<{ id: string }>): Promise<BookingView> {
    return this.lifecycle.markNoShow(actorOf(request), request.body.id);
  }
}
