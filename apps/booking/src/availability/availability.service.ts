import { type Availability, AVAILABILITY_DEFAULTS, type AvailabilityInput } from '@haven/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { UserZoneEntity } from '../accounts-sync/user-zone.entity';
import { AvailabilityEntity } from './availability.entity';
import { assertValidAvailability } from './availability-validator';

/** A counselor's weekly windows, overrides and booking settings. */
@Injectable()
export class AvailabilityService {
  constructor(@InjectDataSource('booking') private readonly dataSource: DataSource) {}

  async get(counselorId: string): Promise<Availability> {
    return (await this.getMany([counselorId])).get(counselorId)!;
  }

  /** Everyone's availability in one round trip; counselors who never saved one get the defaults. */
  async getMany(
    counselorIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Availability>> {
    const ids = [...new Set(counselorIds)];
    const [rows, userZones] = await Promise.all([
      ids.length ? manager.findBy(AvailabilityEntity, { counselorId: In(ids) }) : [],
      ids.length ? manager.findBy(UserZoneEntity, { userId: In(ids) }) : [],
    ]);
    const saved = new Map(rows.map((row) => [row.counselorId, row]));
    const zones = new Map(userZones.map((zone) => [zone.userId, zone.timezone]));
    return new Map(
      ids.map((id) => {
        const row = saved.get(id);
        return [id, row ? toAvailability(row) : defaultAvailability(zones.get(id))];
      }),
    );
  }

  /**
   * Replaces the fields given; omitted fields keep their current value. The result is validated as a
   * whole before anything is written.
   */
  async put(counselorId: string, input: AvailabilityInput): Promise<Availability> {
    assertValidAvailability(input);
    return this.dataSource.transaction(async (manager) => {
      const current = (await this.getMany([counselorId], manager)).get(counselorId)!;
      const next: Availability = {
        timezone: input.timezone ?? current.timezone,
        weekly: input.weekly ? cleanWeekly(input.weekly) : current.weekly,
        overrides: input.overrides ? cleanOverrides(input.overrides) : current.overrides,
        bufferMinutes: input.bufferMinutes ?? current.bufferMinutes,
        minNoticeMinutes: input.minNoticeMinutes ?? current.minNoticeMinutes,
        maxAdvanceDays: input.maxAdvanceDays ?? current.maxAdvanceDays,
        slotIntervalMinutes:
          input.slotIntervalMinutes === undefined ? current.slotIntervalMinutes : input.slotIntervalMinutes,
      };
      await manager.upsert(AvailabilityEntity, { counselorId, ...next }, ['counselorId']);
      return next;
    });
  }
}

export function defaultAvailability(timezone?: string): Availability {
  return {
    timezone: timezone ?? AVAILABILITY_DEFAULTS.timezone,
    weekly: [],
    overrides: [],
    bufferMinutes: AVAILABILITY_DEFAULTS.bufferMinutes,
    minNoticeMinutes: AVAILABILITY_DEFAULTS.minNoticeMinutes,
    maxAdvanceDays: AVAILABILITY_DEFAULTS.maxAdvanceDays,
    slotIntervalMinutes: AVAILABILITY_DEFAULTS.slotIntervalMinutes,
  };
}

function toAvailability(row: AvailabilityEntity): Availability {
  return {
    timezone: row.timezone,
    weekly: row.weekly,
    overrides: row.overrides,
    bufferMinutes: row.bufferMinutes,
    minNoticeMinutes: row.minNoticeMinutes,
    maxAdvanceDays: row.maxAdvanceDays,
    slotIntervalMinutes: row.slotIntervalMinutes,
  };
}

/** Kept in the order the counselor sent them, with only the documented fields. */
function cleanWeekly(weekly: Availability['weekly']): Availability['weekly'] {
  return weekly.map(({ day, start, end }) => ({ day, start, end }));
}

function cleanOverrides(overrides: Availability['overrides']): Availability['overrides'] {
  return overrides.map(({ date, windows }) => ({ date, windows: windows.map(({ start, end }) => ({ start, end })) }));
}
