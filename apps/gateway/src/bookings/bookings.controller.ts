import {
  type Actor,
  BookingRpc,
  type BookingView,
  type CreatedReviewView,
  DirectoryRpc,
  BOOKING_LIMITS,
  type Page,
} from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { CounselorProfileCache } from '../directory/counselor-profile-cache';
import {
  BookingDto,
  BookingPageDto,
  BookingsQueryDto,
  CancelBookingDto,
  CreateBookingDto,
  CreatedReviewDto,
  RescheduleBookingDto,
  ReviewBookingDto,
  VerifyPaymentDto,
} from './dto/bookings.dto';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: `≤ ${BOOKING_LIMITS.maxIdempotencyKeyLength} characters: a repeat with the same body gets the first response; another body 422`,
};

/** Booking a slot, paying, and everything after: the caller's own bookings only. */
@ApiTags('bookings')
@Authenticated()
@Controller('bookings')
export class BookingsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly profiles: CounselorProfileCache,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Hold a slot (paid: pending_payment with a Razorpay order) or book a free session' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: BookingDto })
  @ApiConflictResponse({ description: 'Slot taken' })
  @ApiUnprocessableEntityResponse({
    description: 'Not an open slot, own offering, too many unpaid holds, second free booking',
  })
  @ApiServiceUnavailableResponse({ description: 'Razorpay unavailable: nothing was held' })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateBookingDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<BookingView> {
    return this.rpc.send(BookingRpc.createBooking, { ...body, idempotencyKey }, { actor });
  }

  @Get()
  @ApiOkResponse({ type: BookingPageDto })
  @ApiOperation({ summary: 'My bookings as client (default) or as counselor, by start time' })
  list(@CurrentActor() actor: Actor, @Query() query: BookingsQueryDto): Promise<Page<BookingView>> {
    return this.rpc.send(BookingRpc.listBookings, { ...query }, { actor });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One booking: its client, its counselor or an admin' })
  @ApiOkResponse({ type: BookingDto })
  @ApiNotFoundResponse({ description: 'No such booking of yours' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BookingView> {
    return this.rpc.send(BookingRpc.getBooking, { id }, { actor });
  }

  @Post(':id/payment/verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm with what Razorpay Checkout returned (the booking’s client)' })
  @ApiOkResponse({ type: BookingDto, description: 'booking (confirmed)' })
  @ApiBadRequestResponse({ description: 'Bad signature: the booking is unchanged' })
  verifyPayment(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: VerifyPaymentDto,
  ): Promise<BookingView> {
    return this.rpc.send(BookingRpc.verifyPayment, { ...body, id }, { actor });
  }

  @Post(':id/cancel')
  @ApiOkResponse({ type: BookingDto })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel; refund by policy (client) or in full (counselor, admin)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiUnprocessableEntityResponse({ description: 'Too late or wrong state' })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CancelBookingDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<BookingView> {
    return this.rpc.send(BookingRpc.cancelBooking, { ...body, id, idempotencyKey }, { actor });
  }

  @Post(':id/reschedule')
  @ApiOkResponse({ type: BookingDto })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move to another open slot: once, at least 12 h ahead, no new payment (client)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiConflictResponse({ description: 'Slot taken' })
  @ApiUnprocessableEntityResponse({ description: 'Not allowed (state, once, too late, not an open slot)' })
  reschedule(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RescheduleBookingDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<BookingView> {
    return this.rpc.send(BookingRpc.rescheduleBooking, { ...body, id, idempotencyKey }, { actor });
  }

  @Post(':id/complete')
  @ApiOkResponse({ type: BookingDto })
  @HttpCode(HttpStatus.OK)
  @Roles('counselor')
  @ApiOperation({ summary: 'Mark the session completed once it has ended (its counselor)' })
  @ApiUnprocessableEntityResponse({ description: 'Not ended yet, or not confirmed' })
  complete(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BookingView> {
    return this.rpc.send(BookingRpc.completeBooking, { id }, { actor });
  }

  @Post(':id/no-show')
  @ApiOkResponse({ type: BookingDto })
  @HttpCode(HttpStatus.OK)
  @Roles('counselor')
  @ApiOperation({ summary: 'Mark the client absent once the session has started (its counselor)' })
  @ApiUnprocessableEntityResponse({ description: 'Not started yet, or not confirmed' })
  noShow(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BookingView> {
    return this.rpc.send(BookingRpc.markNoShow, { id }, { actor });
  }

  @Post(':id/review')
  @ApiCreatedResponse({ type: CreatedReviewDto, description: 'The review' })
  @ApiOperation({ summary: 'Review a completed session (its client), once' })
  @ApiConflictResponse({ description: 'Already reviewed' })
  @ApiUnprocessableEntityResponse({ description: 'Not completed, or not your booking' })
  async review(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ReviewBookingDto,
  ): Promise<CreatedReviewView> {
    const review = await this.rpc.send(
      DirectoryRpc.createReview,
      { ...body, bookingId: id, clientId: actor.userId },
      { actor },
    );
    // The review moved the counselor's rating: the client sees it on the profile at once.
    this.profiles.forget(review.counselorId);
    return review;
  }
}
