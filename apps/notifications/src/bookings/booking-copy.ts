import {
  type BookingCompletedData,
  BookingEvents,
  type BookingSnapshot,
  type EventEnvelope,
  type OfferingMode,
} from '@haven/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SessionFacts } from '../templates/notification-input';

export type CopiedStatus = 'confirmed' | 'cancelled' | 'expired' | 'completed';

/** This service's copy of a booking: what reminders are built from (and rebuilt from after a Redis loss). */
export interface BookingCopyRow {
  bookingId: string;
  clientId: string;
  counselorId: string;
  status: CopiedStatus;
  session: SessionFacts;
}

/** The booking as it was before an event, and after (null when the event was older than the copy). */
export interface BookingChange {
  before: BookingCopyRow | null;
  after: BookingCopyRow | null;
}

const STATUS_AFTER: Record<string, CopiedStatus> = {
  [BookingEvents.confirmed.type]: 'confirmed',
  [BookingEvents.rescheduled.type]: 'confirmed',
  [BookingEvents.cancelled.type]: 'cancelled',
  [BookingEvents.expired.type]: 'expired',
  [BookingEvents.completed.type]: 'completed',
};

export const COPIED_BOOKING_EVENTS = Object.keys(STATUS_AFTER);

interface Row {
  booking_id: string;
  client_id: string;
  counselor_id: string;
  counselor_name: string;
  offering_title: string;
  mode: OfferingMode;
  starts_at: Date;
  ends_at: Date;
  duration_minutes: number;
  amount_paise: string;
  meeting_url: string | null;
  status: CopiedStatus;
}

/** Keeps `notifications.bookings` in step with the booking events; an older event never overwrites a newer one. */
@Injectable()
export class BookingCopy {
  async apply(manager: EntityManager, event: EventEnvelope): Promise<BookingChange> {
    const status = STATUS_AFTER[event.type];
    if (!status) return { before: null, after: null };
    const bookingId = (event.data as { bookingId: string }).bookingId;
    const before = await this.find(manager, bookingId, true);

    if (event.type === BookingEvents.completed.type) {
      const data = event.data as BookingCompletedData;
      const [rows] = (await manager.query(
        `UPDATE "notifications"."bookings" SET "status" = 'completed', "version_at" = $2
         WHERE "booking_id" = $1 AND "version_at" <= $2 RETURNING *`,
        [data.bookingId, event.occurredAt],
      )) as [Row[], number];
      return { before, after: rows[0] ? fromRow(rows[0]) : null };
    }

    const data = event.data as BookingSnapshot & { meetingUrl?: string };
    const rows = (await manager.query(
      `INSERT INTO "notifications"."bookings" ("booking_id", "client_id", "counselor_id", "counselor_name", "offering_id",
         "offering_title", "mode", "starts_at", "ends_at", "duration_minutes", "amount_paise", "meeting_url", "status", "version_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT ("booking_id") DO UPDATE SET "counselor_name" = EXCLUDED."counselor_name",
         "offering_title" = EXCLUDED."offering_title", "mode" = EXCLUDED."mode", "starts_at" = EXCLUDED."starts_at",
         "ends_at" = EXCLUDED."ends_at", "duration_minutes" = EXCLUDED."duration_minutes",
         "amount_paise" = EXCLUDED."amount_paise",
         "meeting_url" = COALESCE(EXCLUDED."meeting_url", "bookings"."meeting_url"),
         "status" = EXCLUDED."status", "version_at" = EXCLUDED."version_at"
       WHERE "bookings"."version_at" <= EXCLUDED."version_at"
       RETURNING *`,
      [
        data.bookingId,
        data.clientId,
        data.counselorId,
        data.counselorName,
        data.offeringId,
        data.offeringTitle,
        data.mode,
        data.startsAt,
        data.endsAt,
        data.durationMinutes,
        data.amountPaise,
        data.meetingUrl ?? null,
        status,
        event.occurredAt,
      ],
    )) as Row[];
    return { before, after: rows[0] ? fromRow(rows[0]) : null };
  }

  async find(manager: EntityManager, bookingId: string, forUpdate = false): Promise<BookingCopyRow | null> {
    const rows = (await manager.query(
      `SELECT * FROM "notifications"."bookings" WHERE "booking_id" = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [bookingId],
    )) as Row[];
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** Confirmed sessions starting between `from` and `to`, for the reminder sweep. */
  async confirmedStartingBetween(manager: EntityManager, from: Date, to: Date): Promise<BookingCopyRow[]> {
    const rows = (await manager.query(
      `SELECT * FROM "notifications"."bookings"
       WHERE "status" = 'confirmed' AND "starts_at" > $1 AND "starts_at" <= $2 ORDER BY "starts_at"`,
      [from, to],
    )) as Row[];
    return rows.map(fromRow);
  }
}

function fromRow(row: Row): BookingCopyRow {
  return {
    bookingId: row.booking_id,
    clientId: row.client_id,
    counselorId: row.counselor_id,
    status: row.status,
    session: {
      bookingId: row.booking_id,
      counselorName: row.counselor_name,
      offeringTitle: row.offering_title,
      mode: row.mode,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      durationMinutes: row.duration_minutes,
      amountPaise: Number(row.amount_paise),
      meetingUrl: row.meeting_url,
    },
  };
}
