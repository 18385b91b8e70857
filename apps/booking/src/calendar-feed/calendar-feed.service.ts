import { DomainError, hashToken, looksLikeOpaqueToken } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { Between, DataSource } from 'typeorm';
import { deactivatedAmong } from '../accounts-sync/account-state.entity';
import { BookingEntity } from '../bookings/booking.entity';
import { BookingConfig } from '../config/booking.config';
import { CalendarFeedEntity } from './calendar-feed.entity';
import { renderCalendar } from './ics';

const DAY_MS = 24 * 3_600_000;
/** The feed shows confirmed sessions from 60 days back to 400 days ahead. */
const FEED_PAST_DAYS = 60;
const FEED_FUTURE_DAYS = 400;

/**
 * Secret, revocable ICS feed URLs. The token is HMAC(secret, counselor id + per-feed nonce): the
 * same URL comes back on every GET without the token being stored; the database keeps only its
 * SHA-256 (to find the feed) and the nonce (useless without the secret). Rotating draws a new nonce,
 * so the old URL stops working.
 */
@Injectable()
export class CalendarFeedService {
  private readonly secret: string;

  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    config: BookingConfig,
  ) {
    this.secret = config.calendarFeedSecret;
  }

  async token(counselorId: string): Promise<string> {
    const repository = this.dataSource.getRepository(CalendarFeedEntity);
    let feed = await repository.findOneBy({ counselorId });
    if (!feed) {
      const nonce = newNonce();
      await repository
        .createQueryBuilder()
        .insert()
        .values({ counselorId, nonce, tokenHash: hashToken(this.tokenFor(counselorId, nonce)) })
        .orIgnore()
        .execute();
      feed = await repository.findOneByOrFail({ counselorId });
    }
    const token = this.tokenFor(counselorId, feed.nonce);
    // After the secret changed, the stored hash is stale: the old URLs are dead either way, re-key to the new one.
    if (hashToken(token) !== feed.tokenHash) await repository.update({ counselorId }, { tokenHash: hashToken(token) });
    return token;
  }

  async rotate(counselorId: string): Promise<string> {
    const nonce = newNonce();
    const token = this.tokenFor(counselorId, nonce);
    await this.dataSource
      .getRepository(CalendarFeedEntity)
      .upsert({ counselorId, nonce, tokenHash: hashToken(token), rotatedAt: new Date() }, ['counselorId']);
    return token;
  }

  /** The feed behind a token; an unknown, revoked or malformed token is simply not found. */
  async render(token: unknown, now = new Date()): Promise<string> {
    if (!looksLikeOpaqueToken(token)) throw DomainError.notFound('calendar_feed_not_found');
    const feed = await this.dataSource.getRepository(CalendarFeedEntity).findOneBy({ tokenHash: hashToken(token) });
    // A deactivated counselor's feed stops with their account (and works again on reactivation).
    if (!feed || (await deactivatedAmong(this.dataSource.manager, [feed.counselorId])).size > 0) {
      throw DomainError.notFound('calendar_feed_not_found');
    }
    const sessions = await this.dataSource.getRepository(BookingEntity).find({
      select: { id: true, mode: true, startsAt: true, endsAt: true, meetingUrl: true },
      where: {
        counselorId: feed.counselorId,
        status: 'confirmed',
        startsAt: Between(
          new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS),
          new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS),
        ),
      },
      order: { startsAt: 'ASC' },
      take: 5000,
    });
    return renderCalendar(sessions, now);
  }

  private tokenFor(counselorId: string, nonce: string): string {
    return createHmac('sha256', this.secret).update(`calendar-feed:${counselorId}:${nonce}`).digest('base64url');
  }
}

function newNonce(): string {
  return randomBytes(16).toString('base64url');
}
