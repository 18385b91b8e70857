import { DEFAULT_NOTIFICATION_PREFERENCES, REMINDER_LIMITS } from '@haven/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { BookingCopy, type BookingChange, type BookingCopyRow } from '../bookings/booking-copy';
import { Dispatcher } from '../delivery/dispatcher';
import { REMINDERS_QUEUE } from '../delivery/queues';
import { PreferencesService } from '../preferences/preferences.service';
import type { SessionRole } from '../templates/notification-input';
import { isReminderDue, offsetsToSchedule, reminderFireAt, type ReminderKey, reminderJobId } from './reminder-schedule';

export const REMINDER_JOB = 'reminder';
export const SWEEP_JOB = 'sweep';

/**
 * Reminders are delayed jobs, one per booking × recipient × offset, with deterministic ids. The
 * copy of the bookings is the truth: a reminder re-checks it when it fires, and the sweep rebuilds
 * missing jobs from it.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue<ReminderKey>,
    @InjectDataSource('notifications') private readonly dataSource: DataSource,
    private readonly bookings: BookingCopy,
    private readonly preferences: PreferencesService,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** After a booking event: drop the reminders of the old time or a finished booking, add the new ones. */
  async follow(change: BookingChange, manager: EntityManager): Promise<void> {
    const { before, after } = change;
    if (!after) return;
    if (before && (before.session.startsAt !== after.session.startsAt || after.status !== 'confirmed')) {
      await this.remove(before, manager);
    }
    if (after.status === 'confirmed') await this.schedule(after, manager);
  }

  /** Adds the reminders still ahead for both participants; ids that exist already are left as they are. */
  private async schedule(booking: BookingCopyRow, manager: EntityManager, includeOverdue = false): Promise<number> {
    let added = 0;
    const now = Date.now();
    for (const userId of [booking.clientId, booking.counselorId]) {
      const { reminders } = await this.preferences.get(userId, manager);
      for (const offsetMinutes of offsetsToSchedule(booking.session.startsAt, reminders, now, includeOverdue)) {
        const key: ReminderKey = {
          bookingId: booking.bookingId,
          userId,
          offsetMinutes,
          startsAt: booking.session.startsAt,
        };
        await this.queue.add(REMINDER_JOB, key, {
          jobId: reminderJobId(key),
          delay: Math.max(0, reminderFireAt(key.startsAt, offsetMinutes) - now),
        });
        added += 1;
      }
    }
    return added;
  }

  /** Removes a booking's pending reminders for its start time (any offset the participants use or used by default). */
  private async remove(booking: BookingCopyRow, manager: EntityManager): Promise<void> {
    for (const userId of [booking.clientId, booking.counselorId]) {
      const { reminders } = await this.preferences.get(userId, manager);
      for (const offsetMinutes of new Set([...reminders, ...DEFAULT_NOTIFICATION_PREFERENCES.reminders])) {
        await this.queue.remove(
          reminderJobId({ bookingId: booking.bookingId, userId, offsetMinutes, startsAt: booking.session.startsAt }),
        );
      }
    }
  }

  /** A user's reminder offsets changed: their upcoming sessions get the new ones (stale ones drop themselves). */
  async preferencesChanged(userId: string): Promise<void> {
    for (const booking of await this.upcoming()) {
      if (booking.clientId === userId || booking.counselorId === userId) await this.reschedule(booking.bookingId);
    }
  }

  /**
   * Rebuilds every missing reminder from the database (after a Redis loss, or jobs removed by hand),
   * including those that fell due while their job was gone and are still within the late tolerance.
   */
  async sweep(): Promise<number> {
    let added = 0;
    for (const booking of await this.upcoming()) added += await this.reschedule(booking.bookingId, true);
    return added;
  }

  /**
   * Schedules a booking's reminders under its row lock, as the event handlers do: a cancellation
   * committed meanwhile is seen (nothing added), or runs after and removes what was added.
   */
  private reschedule(bookingId: string, includeOverdue = false): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const booking = await this.bookings.find(manager, bookingId, true);
      return booking?.status === 'confirmed' ? this.schedule(booking, manager, includeOverdue) : 0;
    });
  }

  /** A reminder job fired: send it only if the session is still confirmed at that time and the reminder is due. */
  async fire(key: ReminderKey, jobId: string): Promise<'sent' | 'stale' | 'late'> {
    const booking = await this.bookings.find(this.dataSource.manager, key.bookingId);
    if (booking?.status !== 'confirmed' || Date.parse(booking.session.startsAt) !== Date.parse(key.startsAt)) {
      return 'stale';
    }
    const { reminders } = await this.preferences.get(key.userId);
    if (!reminders.includes(key.offsetMinutes)) return 'stale';
    if (!isReminderDue(key.startsAt, key.offsetMinutes, Date.now())) return 'late';
    const role: SessionRole = key.userId === booking.clientId ? 'client' : 'counselor';
    await this.dispatcher.dispatch(key.userId, jobId, {
      type: 'booking.reminder',
      role,
      session: booking.session,
      offsetMinutes: key.offsetMinutes,
    });
    this.logger.log({ bookingId: key.bookingId, userId: key.userId, offsetMinutes: key.offsetMinutes }, 'reminder due');
    return 'sent';
  }

  private upcoming(): Promise<BookingCopyRow[]> {
    const now = Date.now();
    return this.bookings.confirmedStartingBetween(
      this.dataSource.manager,
      new Date(now),
      new Date(now + REMINDER_LIMITS.maxMinutes * 60_000 + 60_000),
    );
  }
}
