import { BadRequestException } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { createValidationPipe } from '../validation.pipe';
import { EmptyAsAbsent, IsIanaTimeZone, IsInstant, OptionalNotNull, Trim, TrimEach } from './validators';

class SampleDto {
  @OptionalNotNull()
  @IsIanaTimeZone()
  timezone?: string;

  @IsOptional()
  @IsInstant()
  from?: string;

  @EmptyAsAbsent()
  @IsOptional()
  @IsString()
  q?: string;

  @IsOptional()
  @Trim()
  @IsString()
  title?: string;

  @IsOptional()
  @TrimEach()
  @IsString({ each: true })
  tags?: string[];
}

const validate = (value: Record<string, unknown>) =>
  createValidationPipe().transform(value, { type: 'body', metatype: SampleDto }) as Promise<SampleDto>;

async function rejected(value: Record<string, unknown>): Promise<{ message: string; details: { field: string }[] }> {
  const error = await validate(value).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BadRequestException);
  return (error as BadRequestException).getResponse() as { message: string; details: { field: string }[] };
}

describe('shared gateway validators', () => {
  it('take IANA zones and refuse offsets and unknown names, with a message naming the field once', async () => {
    expect(await validate({ timezone: 'Asia/Kolkata' })).toMatchObject({ timezone: 'Asia/Kolkata' });
    for (const timezone of ['+05:30', 'Mars/Olympus', 'GMT+0530']) {
      expect((await rejected({ timezone })).message).toBe('timezone: must be an IANA time zone such as Asia/Kolkata');
    }
    // Left out it keeps its value; sent as null it is refused, saying so.
    expect((await rejected({ timezone: null })).message).toBe('timezone: must not be null');
  });

  it('take instants as the services read them', async () => {
    for (const from of ['2026-12-01T04:30:00Z', '2026-12-01T10:00+05:30', '2026-12-01T10:00+05', '2026-12-01']) {
      expect(await validate({ from })).toMatchObject({ from });
    }
    for (const from of ['2026-12-01T10:00:00', 'tomorrow', '2026-02-30T00:00:00Z']) {
      expect((await rejected({ from })).message).toBe('from: must be an ISO 8601 instant such as 2026-12-01T04:30:00Z');
    }
  });

  it('treat an empty query value as absent, and trim strings', async () => {
    const result = await validate({ q: '', title: '  Hello ', tags: [' a ', 'b'] });
    expect(result.q).toBeUndefined();
    expect(result).toMatchObject({ title: 'Hello', tags: ['a', 'b'] });
  });
});
